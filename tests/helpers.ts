import {
  defaultScenario,
  type MetricName,
  type RunResult,
  type Scenario,
  series,
} from '../src/engine/index.ts';

/** The default scenario, smaller and shorter so statistical tests can afford many replications. */
export function small(marketSize = 8_000, months = 24): Scenario {
  const s = defaultScenario();
  s.population.marketSize = marketSize;
  s.horizonMonths = months;
  return s;
}

export function with_(base: Scenario, edit: (s: Scenario) => void): Scenario {
  const s = structuredClone(base);
  edit(s);
  return s;
}

export const metric = (r: RunResult, m: MetricName) => series(r.metrics, r.months, m);

export function sum(xs: ArrayLike<number>, from = 0, to = xs.length): number {
  let s = 0;
  for (let i = from; i < to; i++) if (Number.isFinite(xs[i])) s += xs[i];
  return s;
}

export function meanOf(xs: ArrayLike<number>, from = 0, to = xs.length): number {
  let s = 0;
  let n = 0;
  for (let i = from; i < to; i++) {
    if (Number.isFinite(xs[i])) {
      s += xs[i];
      n++;
    }
  }
  return n ? s / n : Number.NaN;
}
