import { type RunResult, type Scenario, simulate } from '../engine/index.ts';

/**
 * Replications 0…n−1 of a scenario under one seed. Each is `simulate(scenario, {seed, replication: k})`,
 * so any one of them can be rerun alone and comes out bit-identical.
 */
export function runReplications(
  scenario: Scenario,
  seed: number | string,
  replications: number,
  first = 0,
): RunResult[] {
  const out: RunResult[] = [];
  for (let k = first; k < first + replications; k++) out.push(simulate(scenario, { seed, replication: k }));
  return out;
}
