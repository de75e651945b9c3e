/**
 * Prints the scenario parameters as a Markdown table (path, unit, range, default), from the engine's
 * own range table and default scenario. docs/model.md embeds it; a test checks that it is current.
 */
import { defaultScenario, RANGES, SEGMENT_RANGES } from '../engine/index.ts';

function get(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], obj);
}

export function parameterTable(): string {
  const s = defaultScenario();
  const rows = ['| parameter | unit | range | default |', '|---|---|---|---|'];
  for (const [path, min, max, unit] of RANGES) {
    rows.push(`| \`${path}\` | ${unit || '—'} | ${min} – ${max} | ${JSON.stringify(get(s, path))} |`);
  }
  rows.push(
    '',
    '| segment parameter | unit | range | defaults (price / value / relationship / convenience) |',
    '|---|---|---|---|',
  );
  for (const [path, min, max, unit] of SEGMENT_RANGES) {
    const defaults = s.population.segments.map((seg) => JSON.stringify(get(seg, path))).join(' / ');
    rows.push(`| \`${path}\` | ${unit || '—'} | ${min} – ${max} | ${defaults} |`);
  }
  return rows.join('\n');
}

if (process.argv[1]?.includes('paramTable')) console.log(parameterTable());
