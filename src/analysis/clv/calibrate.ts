/**
 * A fitted model becomes a scenario: a cohort of customers who have just made their first purchase,
 * with the fitted purchase-rate, dropout and spend heterogeneity, in the same business as the
 * default world (staff, service, levers all available), with no new customers arriving. Without
 * levers its repeat purchases follow the fitted BG/NBD; with levers, loyalty moves them.
 */
import { series, simulate } from '../../engine/index.ts';
import { parseScenarioObject } from '../../scenario/importer.ts';
import { SCHEMA_VERSION, type ScenarioFile, toEngine } from '../../scenario/schema.ts';
import type { BgNbdParams } from './bgnbd.ts';
import type { GammaGammaParams } from './gammaGamma.ts';

export interface CalibrationOptions {
  name: string;
  /** Where the fit came from, for the description. */
  source: string;
  customers: number;
  months: number;
  marginPct: number;
  loyaltyElasticity?: number;
  /** Replications averaged for the reference loyalty path. */
  referenceRuns?: number;
}

const round = (x: number, digits = 6) => Number(x.toPrecision(digits));

/** Months the log spans, first transaction to last: the horizon of its calibrated baseline. */
export function spanMonths(r: { first: string; last: string }): number {
  return Math.max(1, Math.ceil((Date.parse(r.last) - Date.parse(r.first)) / 86_400_000 / (365.25 / 12)));
}

export function calibratedScenario(
  bg: BgNbdParams,
  gg: GammaGammaParams,
  o: CalibrationOptions,
): ScenarioFile {
  const draft = {
    schemaVersion: SCHEMA_VERSION,
    name: o.name,
    description: `Calibrated on ${o.source}: BG/NBD r ${round(bg.r, 4)}, α ${round(bg.alpha, 4)} weeks, a ${round(bg.a, 4)}, b ${round(bg.b, 4)}; Gamma-Gamma p ${round(gg.p, 4)}, q ${round(gg.q, 4)}, γ ${round(gg.gamma, 4)}. A cohort that has just made its first purchase; no new customers arrive. Staff wages and fixed costs are not in a transaction log and are set to 0: enter your own. 由交易数据校准的基线；员工工资与固定成本需自行填写。`,
    horizonMonths: o.months,
    population: {
      marketSize: o.customers,
      initialCustomerPct: 100,
      initialAwarePct: 0,
      calibration: {
        r: round(bg.r),
        alpha: round(bg.alpha),
        a: round(bg.a),
        b: round(bg.b),
        p: round(gg.p),
        q: Math.max(1.000001, round(gg.q)),
        gamma: round(gg.gamma),
        loyaltyElasticity: o.loyaltyElasticity ?? 3,
        referenceLoyalty: [],
      },
    },
    market: { acquisitionSpendPerMonth: 0, organicConversionPct: 0, awarenessGrowthPct: 0 },
    // A transaction log says nothing of wages or rent: profit here is margin less lever costs until
    // the user enters their own staff and fixed costs.
    staff: { wagePerMonth: 0, hiringCost: 0 },
    economics: { grossMarginPct: o.marginPct, fixedCostsPerMonth: 0 },
  };
  const first = parseScenarioObject(draft);
  if (!first.ok)
    throw new Error(
      `calibrated scenario invalid: ${first.problems.map((p) => `${p.path}: ${p.en}`).join('; ')}`,
    );
  // The loyalty path of this world without levers: levers are then measured against it.
  const runs = o.referenceRuns ?? 3;
  const scenario = toEngine(first.file);
  const runsLoyalty = Array.from({ length: runs }, (_, k) => {
    const r = simulate(scenario, { seed: 'calibration', replication: k });
    return series(r.metrics, r.months, 'loyalty');
  });
  // Mean over the runs that still had customers that month; a month without any keeps the last value.
  const path: number[] = [];
  for (let t = 0; t < o.months; t++) {
    const seen = runsLoyalty.map((L) => L[t]).filter(Number.isFinite);
    path.push(seen.length ? seen.reduce((a, x) => a + x, 0) / seen.length : (path[t - 1] ?? 0.5));
  }
  const file = structuredClone(first.file);
  file.population.calibration!.referenceLoyalty = path.map((x) => round(x, 5));
  return file;
}
