/**
 * The GNU parallel recipe of docs/experiments.md, run exactly as written: four shards of a sweep as
 * separate processes, two at a time, then the merge — which must equal the unsharded run.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { smallFile } from './helpers.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const MARK = '<!-- tested: gnu-parallel-local -->';

/** The fenced block right after the marker. */
function recipe(): string {
  const doc = readFileSync(join(ROOT, 'docs/experiments.md'), 'utf8');
  const at = doc.indexOf(MARK);
  if (at < 0) throw new Error(`docs/experiments.md has no ${MARK}`);
  const m = /```sh\n([\s\S]*?)```/.exec(doc.slice(at));
  if (!m) throw new Error('no sh block after the marker');
  return m[1];
}

const dir = mkdtempSync(join(tmpdir(), 'loyalty-parallel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the GNU parallel recipe (docs/experiments.md)', () => {
  it('runs four shards two at a time as separate processes, and their merge equals the unsharded run', () => {
    const file = smallFile(
      [
        {
          kind: 'sweep',
          id: 'failures',
          outcome: 'activeEnd',
          replications: 3,
          x: { path: 'service.failurePctPerVisit', from: 2, to: 20, steps: 3 },
        },
      ],
      { horizonMonths: 12, population: { marketSize: 1500 } },
    );
    const scenario = join(dir, 'sweep.json');
    writeFileSync(scenario, JSON.stringify(file));
    const env = { ...process.env, SCENARIO: scenario, ID: 'failures', OUT: dir };
    const log = execFileSync('bash', ['-euo', 'pipefail', '-c', recipe()], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(log).toContain('merged 4 shards');
    const shard = JSON.parse(readFileSync(join(dir, 'shard-2.json'), 'utf8'));
    expect(shard.shard).toEqual({ index: 1, count: 4 });
    // The same experiment in one process, for comparison.
    const whole = join(dir, 'unsharded.json');
    execFileSync(
      'node',
      ['dist/cli/experiment.mjs', scenario, '--id', 'failures', '--workers', '1', '--out', whole],
      {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const merged = JSON.parse(readFileSync(join(dir, 'whole.json'), 'utf8'));
    expect(merged).toEqual(JSON.parse(readFileSync(whole, 'utf8')));
    expect(merged.values.length).toBe(9);
  }, 180_000);
});
