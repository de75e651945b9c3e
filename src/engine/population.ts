import type { Stream } from './rng.ts';
import type { Calibration, Scenario } from './scenario.ts';
import { allocatePopulation, Flag, type Population, Source, Stage } from './state.ts';

/** Concentration of the Beta distributions of price sensitivity and tolerance: wide but not U-shaped. */
const TRAIT_CONCENTRATION = 6;
/** Spread of the idiosyncratic offset in the 0–1 recommend scale (some people rate high, some low). */
const GENEROSITY_SD = 0.2;
/** How far back initial customers' first purchase can lie, months. */
const INITIAL_TENURE_MAX = 24;

/**
 * Customers are born from the population stream at (agent, -1): each one's traits depend only on
 * (seed, replication, index), so plan A and plan B hold the same people.
 */
export function createPopulation(s: Scenario, rng: Stream): Population {
  const n = s.population.marketSize;
  const pop = allocatePopulation(n);
  const segs = s.population.segments;
  const cum = new Float64Array(segs.length);
  let acc = 0;
  segs.forEach((seg, k) => {
    acc += seg.sharePct / 100;
    cum[k] = acc;
  });
  const pCustomer = s.population.initialCustomerPct / 100;
  const pAware = s.population.initialAwarePct / 100;
  const price = s.levers.pricePct / 100;
  const cal = s.population.calibration ?? null;

  for (let i = 0; i < n; i++) {
    rng.at(i, -1);
    const u = rng.next() * acc;
    let k = 0;
    while (k < segs.length - 1 && u >= cum[k]) k++;
    const seg = segs[k];
    pop.segment[i] = k;
    pop.rate[i] = rng.gamma(seg.visitRateShape, seg.visitsPerMonth / seg.visitRateShape);
    pop.spend[i] = rng.gamma(seg.spendShape, seg.spendPerVisit / seg.spendShape);
    pop.priceSens[i] = rng.beta(seg.priceSensitivityPct / 100, TRAIT_CONCENTRATION);
    pop.tolerance[i] = rng.beta(seg.failureTolerancePct / 100, TRAIT_CONCENTRATION);
    pop.complainProp[i] = rng.gamma(4, seg.complainPropensity / 4);
    pop.generosity[i] = GENEROSITY_SD * rng.gaussian();
    pop.inertia[i] = -Math.log(1 - rng.next());
    if (rng.next() < seg.multiChannelPct / 100) pop.flags[i] |= Flag.MULTICHANNEL;
    pop.attitude[i] = clamp01(0.5 + 0.15 * rng.gaussian());
    const r = rng.next();
    // Extra draws only for a calibrated population, so every other world keeps its random numbers.
    if (cal) calibrate(pop, i, cal, rng);
    if (r < pCustomer) {
      // A calibrated cohort has just made its first purchase (time 0 of the fitted model).
      const tenure = cal ? 0 : Math.floor(rng.next() * INITIAL_TENURE_MAX);
      pop.stage[i] = tenure > 0 ? Stage.REPEAT : Stage.FIRST;
      pop.source[i] = Source.INITIAL;
      pop.flags[i] |= Flag.EVER_CUSTOMER;
      pop.firstTick[i] = -tenure - 1;
      pop.acqTick[i] = -tenure - 1;
      pop.lastVisitTick[i] = -1;
      pop.value[i] = 0.5;
      pop.bond[i] = 0.15 + 0.25 * rng.next();
      pop.exper[i] = 0.65;
      pop.sat[i] = 0.65;
      pop.satSlow[i] = 0.65;
      pop.expect[i] = 0.65;
      pop.trust[i] = 0.5;
      pop.refPrice[i] = price;
    } else {
      pop.stage[i] = r < pCustomer + pAware ? Stage.PROSPECT : Stage.SUSPECT;
    }
  }
  return pop;
}

/** Average weeks in a month: the fitted weekly purchase rates become monthly ones. */
export const WEEKS_PER_MONTH = 365.25 / 12 / 7;

/** A customer's purchase rate, dropout chance and mean spend, drawn from the fitted distributions. */
function calibrate(pop: Population, i: number, cal: Calibration, rng: Stream): void {
  pop.rate[i] = rng.gamma(cal.r, 1 / cal.alpha) * WEEKS_PER_MONTH;
  pop.dropout[i] = rng.beta(cal.a / (cal.a + cal.b), cal.a + cal.b);
  pop.spend[i] = cal.p / rng.gamma(cal.q, 1 / cal.gamma);
}

export function clamp01(x: number): number {
  return x < 0 ? 0 : Math.min(x, 1);
}
