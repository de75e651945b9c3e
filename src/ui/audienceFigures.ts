/** What the editor says under an aimed lever: how many customers it reached and what it cost, from the last run. */
import { AIMED_LEVERS, type AimedLever, type RunResult, series } from '../engine/index.ts';

export interface AudienceFigure {
  /** Mean active customers the lever reached a month, over the run. */
  reach: number;
  /** Mean active customers a month. */
  active: number;
  /** Mean cost of the lever a month. */
  cost: number;
}

const mean = (runs: RunResult[], of: (r: RunResult) => Float64Array) => {
  let s = 0;
  let n = 0;
  for (const r of runs)
    for (const x of of(r))
      if (Number.isFinite(x)) {
        s += x;
        n++;
      }
  return n ? s / n : Number.NaN;
};

export function audienceFigures(runs: RunResult[] | null): Partial<Record<AimedLever, AudienceFigure>> {
  if (!runs?.length) return {};
  const out: Partial<Record<AimedLever, AudienceFigure>> = {};
  const active = mean(runs, (r) => series(r.metrics, r.months, 'active'));
  for (const name of AIMED_LEVERS)
    out[name] = {
      reach: mean(runs, (r) => series(r.metrics, r.months, `reach.${name}`)),
      active,
      cost: mean(runs, (r) => series(r.metrics, r.months, `cost.${name}`)),
    };
  return out;
}
