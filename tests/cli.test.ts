import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../src/cli/args.ts';
import { readScenarioArg } from '../src/cli/scenarioArg.ts';
import { parseScenarioObject } from '../src/scenario/importer.ts';
import { encodeShareLink } from '../src/scenario/share.ts';

describe('the command line', () => {
  it('reads a scenario from a library id, a file, and a share link, all to the same scenario', async () => {
    const byId = await readScenarioArg('plans/community-led');
    expect(byId.ok).toBe(true);
    if (!byId.ok) return;
    const path = join(tmpdir(), `loyalty-lab-cli-${process.pid}.json`);
    writeFileSync(path, JSON.stringify(byId.file));
    const byFile = await readScenarioArg(path);
    const link = await encodeShareLink(byId.file, 'http://localhost:4173/');
    if (!link.ok) throw new Error('link');
    const byLink = await readScenarioArg(link.url);
    expect(byFile.ok && byFile.scenario).toEqual(byId.scenario);
    expect(byLink.ok && byLink.scenario).toEqual(byId.scenario);
  });

  it('reports a missing file, and a damaged link', async () => {
    const missing = await readScenarioArg('no/such/scenario');
    expect(!missing.ok && missing.problems[0].en).toMatch(/no such file/);
    const r = parseScenarioObject({ schemaVersion: 2 });
    if (!r.ok) throw new Error();
    const link = await encodeShareLink(r.file, 'http://x/');
    if (!link.ok) throw new Error();
    const damaged = await readScenarioArg(link.url.slice(0, 60));
    expect(!damaged.ok && damaged.problems[0].en).toMatch(/damaged/);
  });

  it('rejects unknown options and bad numbers', () => {
    expect(() => parseArgs(['--reeps', '3'], ['reps'])).toThrowError(/unknown option --reeps/);
    expect(parseArgs(['a.json', '--reps', '5', '--seed=9'], ['reps', 'seed'])).toEqual({
      positional: ['a.json'],
      flags: { reps: '5', seed: '9' },
    });
  });
});
