/**
 * The free parameters of a calibration: each a bounded number that maps onto scenario fields, with
 * the figures that pin it down. Only parameters some given figure informs are searched; the others
 * keep the baseline's values. Multipliers scale every segment alike, so the baseline's segment mix
 * (who is price-driven, who relationship-seeking) is kept.
 */
import { SEGMENT_RANGES } from '../engine/index.ts';
import type { ScenarioFile } from '../scenario/schema.ts';
import type { FigureId, Target } from './targets.ts';

export const PARAMETER_IDS = [
  'marketSize',
  'customerSharePct',
  'visitRate',
  'spend',
  'competitionPct',
  'failurePct',
  'staffSkillPct',
  'wordOfMouth',
  'staffTurnoverPct',
] as const;
export type ParameterId = (typeof PARAMETER_IDS)[number];

export interface ParameterDef {
  id: ParameterId;
  /** Searched on a log scale (a multiplier or a size) or a linear one. */
  scale: 'log' | 'linear';
  /** Scenario fields it sets, for the documentation and the report. */
  fields: string;
  /** The figures that pin it down (the first one most directly). */
  pinnedBy: FigureId[];
  /** Whether it is free, given the figures entered. */
  free: (given: ReadonlySet<FigureId>) => boolean;
  /** A figure that scales in proportion to it: the search starts from the ratio target / baseline. */
  proportional?: FigureId;
  bounds: (base: ScenarioFile, targets: readonly Target[]) => [number, number];
  /** The baseline's own value (multipliers: 1). */
  read: (base: ScenarioFile) => number;
  apply: (file: ScenarioFile, value: number) => ScenarioFile;
}

const segmentMax = (field: string) => SEGMENT_RANGES.find((r) => r[0] === field)![2];

/** A copy of the file with every segment's `field` multiplied by k (kept within its range). */
function scaleSegments(
  file: ScenarioFile,
  field: 'visitsPerMonth' | 'spendPerVisit' | 'socialActivity',
  k: number,
) {
  const max = segmentMax(field);
  const min = SEGMENT_RANGES.find((r) => r[0] === field)![1];
  return {
    ...file,
    population: {
      ...file.population,
      segments: file.population.segments.map((s) => ({
        ...s,
        [field]: Math.min(max, Math.max(min, s[field] * k)),
      })),
    },
  };
}

/** The largest multiplier that keeps every segment's field within its range, capped at `cap`. */
const multiplierCap = (
  base: ScenarioFile,
  field: 'visitsPerMonth' | 'spendPerVisit' | 'socialActivity',
  cap: number,
) => Math.min(cap, segmentMax(field) / Math.max(1e-9, ...base.population.segments.map((s) => s[field])));

const has =
  (...ids: FigureId[]) =>
  (g: ReadonlySet<FigureId>) =>
    ids.some((i) => g.has(i));
const target = (ts: readonly Target[], id: FigureId) => ts.find((t) => t.id === id)?.value;

export const PARAMETERS: Record<ParameterId, ParameterDef> = {
  marketSize: {
    id: 'marketSize',
    scale: 'log',
    fields: 'population.marketSize',
    pinnedBy: ['activeCustomers'],
    // A market the manager knows is written in, not searched: the customer share moves instead.
    free: (g) => g.has('activeCustomers') && !g.has('marketSize'),
    proportional: 'activeCustomers',
    bounds: (base, ts) => {
      const active = target(ts, 'activeCustomers') ?? base.population.marketSize / 5;
      return [Math.max(10, Math.ceil(active * 1.2)), Math.min(5_000_000, Math.ceil(active * 60))];
    },
    read: (b) => b.population.marketSize,
    apply: (f, v) => ({ ...f, population: { ...f.population, marketSize: Math.round(v) } }),
  },
  customerSharePct: {
    id: 'customerSharePct',
    scale: 'log',
    fields: 'population.initialCustomerPct',
    pinnedBy: ['activeCustomers'],
    free: (g) => g.has('activeCustomers') && g.has('marketSize'),
    proportional: 'activeCustomers',
    bounds: () => [0.1, 90],
    read: (b) => b.population.initialCustomerPct,
    apply: (f, v) => ({
      ...f,
      population: {
        ...f.population,
        initialCustomerPct: v,
        // Customers are aware of the business: awareness never below the customer share.
        initialAwarePct: Math.min(100, Math.max(f.population.initialAwarePct, v)),
      },
    }),
  },
  visitRate: {
    id: 'visitRate',
    scale: 'log',
    fields: 'population.segments[].visitsPerMonth (×)',
    pinnedBy: ['visitsPerCustomerMonth'],
    free: has('visitsPerCustomerMonth'),
    proportional: 'visitsPerCustomerMonth',
    bounds: (b) => [0.05, multiplierCap(b, 'visitsPerMonth', 20)],
    read: () => 1,
    apply: (f, v) => scaleSegments(f, 'visitsPerMonth', v),
  },
  spend: {
    id: 'spend',
    scale: 'log',
    fields: 'population.segments[].spendPerVisit (×)',
    pinnedBy: ['spendPerVisit'],
    free: has('spendPerVisit'),
    proportional: 'spendPerVisit',
    bounds: (b) => [0.01, multiplierCap(b, 'spendPerVisit', 100)],
    read: () => 1,
    apply: (f, v) => scaleSegments(f, 'spendPerVisit', v),
  },
  competitionPct: {
    id: 'competitionPct',
    scale: 'linear',
    fields: 'market.competitorAttractivenessPct',
    pinnedBy: ['retention12Pct', 'churn12Pct'],
    free: has('retention12Pct', 'churn12Pct'),
    bounds: () => [0, 100],
    read: (b) => b.market.competitorAttractivenessPct,
    apply: (f, v) => ({ ...f, market: { ...f.market, competitorAttractivenessPct: v } }),
  },
  failurePct: {
    id: 'failurePct',
    scale: 'log',
    fields: 'service.failurePctPerVisit',
    pinnedBy: ['complaintsPerMonth'],
    // Without complaints, satisfaction alone cannot tell failures from weak staff: skill moves then.
    free: has('complaintsPerMonth'),
    bounds: () => [0.1, 50],
    read: (b) => b.service.failurePctPerVisit,
    apply: (f, v) => ({ ...f, service: { ...f.service, failurePctPerVisit: v } }),
  },
  staffSkillPct: {
    id: 'staffSkillPct',
    scale: 'linear',
    fields: 'staff.initialSkillPct',
    pinnedBy: ['satisfiedPct', 'npsScore'],
    free: has('satisfiedPct', 'npsScore'),
    bounds: () => [5, 98],
    read: (b) => b.staff.initialSkillPct,
    apply: (f, v) => ({ ...f, staff: { ...f.staff, initialSkillPct: v } }),
  },
  wordOfMouth: {
    id: 'wordOfMouth',
    scale: 'log',
    fields: 'population.segments[].socialActivity (×)',
    pinnedBy: ['referralSharePct'],
    free: has('referralSharePct'),
    bounds: (b) => [0.02, multiplierCap(b, 'socialActivity', 8)],
    read: () => 1,
    apply: (f, v) => scaleSegments(f, 'socialActivity', v),
  },
  staffTurnoverPct: {
    id: 'staffTurnoverPct',
    scale: 'linear',
    fields: 'staff.monthlyTurnoverPct',
    pinnedBy: ['staffTurnoverPctYear'],
    free: has('staffTurnoverPctYear'),
    proportional: 'staffTurnoverPctYear',
    bounds: () => [0, 50],
    read: (b) => b.staff.monthlyTurnoverPct,
    apply: (f, v) => ({ ...f, staff: { ...f.staff, monthlyTurnoverPct: v } }),
  },
};

/** The parameters a set of figures leaves free, in a fixed order. */
export function freeParameters(targets: readonly Target[]): ParameterDef[] {
  const given = new Set(targets.map((t) => t.id));
  return PARAMETER_IDS.map((id) => PARAMETERS[id]).filter((p) => p.free(given));
}

/** A parameter's value from its position u ∈ [0, 1] in its bounds, and back. */
export function fromUnit(p: ParameterDef, [lo, hi]: [number, number], u: number): number {
  const x = Math.min(1, Math.max(0, u));
  if (p.scale === 'log') return Math.exp(Math.log(lo) + x * (Math.log(hi) - Math.log(lo)));
  return lo + x * (hi - lo);
}

export function toUnit(p: ParameterDef, [lo, hi]: [number, number], v: number): number {
  const u =
    p.scale === 'log'
      ? (Math.log(Math.max(v, 1e-12)) - Math.log(lo)) / (Math.log(hi) - Math.log(lo))
      : (v - lo) / (hi - lo);
  return Math.min(1, Math.max(0, Number.isFinite(u) ? u : 0.5));
}

/** Figures written straight into the scenario (market size, gross margin, headcount). */
export function applyDirect(file: ScenarioFile, targets: readonly Target[]): ScenarioFile {
  let f = file;
  for (const t of targets) {
    if (t.id === 'marketSize') f = { ...f, population: { ...f.population, marketSize: Math.round(t.value) } };
    if (t.id === 'grossMarginPct') f = { ...f, economics: { ...f.economics, grossMarginPct: t.value } };
    if (t.id === 'staffHeadcount') f = { ...f, staff: { ...f.staff, headcount: Math.round(t.value) } };
  }
  return f;
}
