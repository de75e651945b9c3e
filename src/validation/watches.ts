import { type Simulation, Source, Stage } from '../engine/index.ts';
import { NEVER } from '../engine/state.ts';
import type { Watch } from './lab.ts';

/**
 * How each customer was first acquired, and whether they lapsed within 12 months of it. The run's
 * `source` is overwritten by a win-back, so it is read in the month of the first purchase.
 */
export interface Acquisitions {
  /** Source at the first purchase during the run (−1: none, or an initial customer). */
  source: Int8Array;
  /** Lapsed at some month-end within 12 months of the first purchase. */
  lapsed12: Uint8Array;
  watch: Watch;
}

export function watchAcquisitions(n: number): Acquisitions {
  const source = new Int8Array(n).fill(-1);
  const lapsed12 = new Uint8Array(n);
  return {
    source,
    lapsed12,
    watch: {
      after(sim: Simulation) {
        const t = sim.t - 1;
        const { firstTick, stage } = sim.pop;
        for (let i = 0; i < n; i++) {
          const f = firstTick[i];
          if (f === NEVER || f < 0) continue;
          if (f === t) source[i] = sim.pop.source[i];
          else if (t - f <= 12 && stage[i] === Stage.LAPSED) lapsed12[i] = 1;
        }
      },
    },
  };
}

/** Everyone's revenue at the end of month `month` (1-based), to measure what came after it. */
export function revenueAt(month: number, n: number): { revenue: Float64Array; watch: Watch } {
  const revenue = new Float64Array(n);
  return {
    revenue,
    watch: {
      after(sim) {
        if (sim.t === month) revenue.set(sim.pop.revenue);
      },
    },
  };
}

export const isAcquired = (s: number): boolean =>
  s === Source.ORGANIC || s === Source.MARKETING || s === Source.REFERRAL || s === Source.DISCOUNT;
