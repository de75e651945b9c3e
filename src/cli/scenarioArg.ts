import { existsSync, readFileSync } from 'node:fs';
import { formatProblem } from '../scenario/errors.ts';
import { type ImportResult, parseScenarioText } from '../scenario/importer.ts';
import { decodeShareLink, FRAGMENT_KEY } from '../scenario/share.ts';

/**
 * A scenario named on the command line: a share link, a file path, or a library id
 * ("cases/chayushe" for scenarios/cases/chayushe.json).
 */
export async function readScenarioArg(arg: string): Promise<ImportResult & { source: string }> {
  if (/^https?:\/\//.test(arg) || arg.includes(`#${FRAGMENT_KEY}=`)) {
    return { ...(await decodeShareLink(arg)), source: 'share link' };
  }
  const candidates = [arg, `scenarios/${arg}.json`, `scenarios/${arg}`];
  const path = candidates.find((p) => existsSync(p));
  if (!path) {
    return {
      ok: false,
      problems: [
        {
          path: '',
          en: `no such file or library scenario: ${arg}`,
          zh: `找不到文件或情景库中的情景：${arg}`,
        },
      ],
      source: arg,
    };
  }
  return { ...parseScenarioText(readFileSync(path, 'utf8')), source: path };
}

/** Problems as lines for a terminal, English then Chinese. */
export function problemLines(r: Extract<ImportResult, { ok: false }>, source: string): string {
  return [
    `${source} cannot be used:`,
    ...r.problems.map((p) => `  ${formatProblem(p, 'en')}\n  ${formatProblem(p, 'zh')}`),
  ].join('\n');
}
