import { AIMED_LEVERS, AUDIENCE_KINDS, LEVER_NAMES, type Scenario, type Window } from './scenario.ts';
import { BYTES_PER_CUSTOMER } from './state.ts';

export interface ScenarioIssue {
  /** Dotted path to the field, e.g. "levers.discount.depthPct". */
  path: string;
  message: string;
}

/** Thrown by the engine on a scenario it cannot run; carries every problem found, not just the first. */
export class ScenarioError extends Error {
  constructor(readonly issues: ScenarioIssue[]) {
    super(`Invalid scenario:\n${issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`);
    this.name = 'ScenarioError';
  }
}

export const MAX_MARKET_SIZE = 5_000_000;
export const MAX_HORIZON_MONTHS = 120;
/** The default ceiling on the engine's own memory for one run (a browser tab gets far less than Node). */
export const DEFAULT_MEMORY_LIMIT_BYTES = 1.5 * 2 ** 30;

type Range = [path: string, min: number, max: number, unit: string, integer?: boolean];

/** Numeric fields with their plausible ranges and units; the file format's schema mirrors these. */
export const RANGES: Range[] = [
  ['horizonMonths', 1, MAX_HORIZON_MONTHS, 'months', true],
  ['population.marketSize', 10, MAX_MARKET_SIZE, 'people', true],
  ['population.initialCustomerPct', 0, 100, '%'],
  ['population.initialAwarePct', 0, 100, '%'],
  ['population.network.meanContacts', 0, 50, 'contacts'],
  ['population.network.rewiringPct', 0, 100, '%'],
  ['population.network.onlineReach', 0, 10_000, 'people', true],
  ['service.failurePctPerVisit', 0, 50, '%'],
  ['service.meanSeverityPct', 1, 99, '%'],
  ['staff.headcount', 1, 100_000, 'staff', true],
  ['staff.initialSkillPct', 0, 100, '%'],
  ['staff.initialMoralePct', 0, 100, '%'],
  ['staff.newHireSkillPct', 0, 100, '%'],
  ['staff.monthlyTurnoverPct', 0, 50, '% per month'],
  ['staff.wagePerMonth', 0, 1e6, 'money per month'],
  ['staff.hiringCost', 0, 1e6, 'money'],
  ['market.acquisitionSpendPerMonth', 0, 1e9, 'money per month'],
  ['market.costPerLead', 0.01, 1e5, 'money'],
  ['market.leadConversionPct', 0, 100, '%'],
  ['market.organicConversionPct', 0, 100, '% per month'],
  ['market.awarenessGrowthPct', 0, 100, '% per month'],
  ['market.competitorAttractivenessPct', 0, 100, '%'],
  ['market.seasonalityPct', 0, 90, '%'],
  ['market.seasonalityPeakMonth', 1, 12, 'month of year', true],
  ['economics.grossMarginPct', -100, 100, '%'],
  ['economics.fixedCostsPerMonth', 0, 1e9, 'money per month'],
  ['economics.annualDiscountRatePct', 0, 100, '% per year'],
  ['dimensions.synergy', -1, 10, ''],
  ['dimensions.betrayal', -1, 2, 'per unit of bond'],
  ['levers.pricePct', 20, 300, '% of market price'],
  ['levers.discount.depthPct', 0, 90, '%'],
  ['levers.points.rewardPct', 0, 30, '% of spend'],
  ['levers.personalisation.levelPct', 0, 100, '%'],
  ['levers.knowledgeServices.levelPct', 0, 100, '%'],
  ['levers.careGestures.perYear', 0, 52, 'gestures per customer per year'],
  ['levers.community.levelPct', 0, 100, '%'],
  ['levers.proactiveContact.perMonth', 0, 30, 'contacts per customer per month'],
  ['levers.transparency.levelPct', 0, 100, '%'],
  ['levers.transparency.callbackHours', 0.1, 720, 'hours'],
  ['levers.complaintHandling.easeOfVoicingPct', 0, 100, '%'],
  ['levers.complaintHandling.responseHours', 0.1, 2000, 'hours'],
  ['levers.complaintHandling.resolutionQualityPct', 0, 100, '%'],
  ['levers.complaintHandling.compensationPct', 0, 300, '% of the visit spend'],
  ['levers.serviceStandards.levelPct', 0, 100, '%'],
  ['levers.empowerment.levelPct', 0, 100, '%'],
  ['levers.empowerment.surpriseFundPerMonth', 0, 1e7, 'money per month'],
  ['levers.training.hoursPerStaffPerMonth', 0, 160, 'hours per staff per month'],
  ['levers.training.incentivePct', 0, 100, '% of wage'],
];

export const SEGMENT_RANGES: Range[] = [
  ['sharePct', 0, 100, '%'],
  ['visitsPerMonth', 0.01, 60, 'visits per month'],
  ['visitRateShape', 0.05, 50, ''],
  ['spendPerVisit', 0, 1e6, 'money'],
  ['spendShape', 0.1, 100, ''],
  ['priceSensitivityPct', 0, 100, '%'],
  ['failureTolerancePct', 0, 100, '%'],
  ['complainPropensity', 0, 10, '×'],
  ['socialActivity', 0, 10, '×'],
  ['multiChannelPct', 0, 100, '%'],
  ['weights.value', 0, 1, ''],
  ['weights.emotion', 0, 1, ''],
  ['weights.experience', 0, 1, ''],
];

function get(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

function checkRange(
  obj: unknown,
  [path, min, max, unit, integer]: Range,
  prefix: string,
  out: ScenarioIssue[],
) {
  const v = get(obj, path);
  const where = prefix + path;
  const u = unit ? ` (${unit})` : '';
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    out.push({ path: where, message: `must be a finite number${u}, got ${JSON.stringify(v) ?? String(v)}` });
  } else if (v < min || v > max) {
    out.push({ path: where, message: `must be between ${min} and ${max}${u}, got ${v}` });
  } else if (integer && !Number.isInteger(v)) {
    out.push({ path: where, message: `must be a whole number${u}, got ${v}` });
  }
}

function checkWindows(windows: unknown, horizon: number, path: string, out: ScenarioIssue[]) {
  if (!Array.isArray(windows)) {
    out.push({ path, message: 'must be a list of {from, to} month windows' });
    return;
  }
  windows.forEach((w: Window, k) => {
    const p = `${path}.${k}`;
    if (!w || !Number.isInteger(w.from) || !Number.isInteger(w.to) || w.from < 1 || w.to < w.from) {
      out.push({ path: p, message: `must be whole months with 1 ≤ from ≤ to, got ${JSON.stringify(w)}` });
    } else if (w.from > horizon) {
      out.push({ path: p, message: `starts in month ${w.from}, after the horizon (${horizon} months)` });
    }
  });
}

/** Every problem in the scenario's ranges and structure, each with its path. Empty when it can run. */
export function validateScenario(s: Scenario): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  for (const r of RANGES) checkRange(s, r, '', out);
  const horizon = Number.isFinite(s.horizonMonths) ? s.horizonMonths : MAX_HORIZON_MONTHS;
  const segments = s.population?.segments;
  if (!Array.isArray(segments) || segments.length === 0 || segments.length > 16) {
    out.push({ path: 'population.segments', message: 'must list between 1 and 16 segments' });
  } else {
    segments.forEach((seg, k) => {
      for (const r of SEGMENT_RANGES) checkRange(seg, r, `population.segments.${k}.`, out);
      const w = seg.weights;
      if (w && w.value + w.emotion + w.experience <= 0) {
        out.push({
          path: `population.segments.${k}.weights`,
          message: 'at least one weight must be above 0',
        });
      }
    });
    const total = segments.reduce((a, seg) => a + (Number(seg.sharePct) || 0), 0);
    if (Math.abs(total - 100) > 0.01) {
      out.push({
        path: 'population.segments',
        message: `shares must sum to 100 %, got ${+total.toFixed(4)}`,
      });
    }
  }
  if (s.population && s.population.initialCustomerPct > s.population.initialAwarePct + 100) {
    out.push({ path: 'population.initialAwarePct', message: 'cannot be exceeded by initialCustomerPct' });
  }
  for (const name of LEVER_NAMES) {
    const lever = s.levers?.[name];
    if (!lever) {
      out.push({ path: `levers.${name}`, message: 'is missing' });
      continue;
    }
    checkWindows(lever.schedule, horizon, `levers.${name}.schedule`, out);
    for (const key of ['fixedPerMonth', 'perCustomerPerMonth', 'perEvent'] as const) {
      checkRange(lever.cost, [key, 0, 1e9, 'money'], `levers.${name}.cost.`, out);
    }
  }
  const segmentIds = Array.isArray(segments) ? segments.map((g) => g.id) : [];
  for (const name of AIMED_LEVERS) {
    const a = s.levers?.[name]?.audience;
    const p = `levers.${name}.audience`;
    if (!a) {
      if (s.levers?.[name]) out.push({ path: p, message: 'is missing' });
      continue;
    }
    if (!(AUDIENCE_KINDS as readonly string[]).includes(a.kind)) {
      out.push({
        path: `${p}.kind`,
        message: `must be one of ${AUDIENCE_KINDS.join(', ')}, got ${JSON.stringify(a.kind)}`,
      });
    } else if (a.kind === 'segment' && !segmentIds.includes(a.segment)) {
      out.push({
        path: `${p}.segment`,
        message: `must be one of the segments (${segmentIds.join(', ')}), got ${JSON.stringify(a.segment)}`,
      });
    }
    checkRange(a, ['topPct', 1, 100, '% of active customers'], `${p}.`, out);
    checkRange(a, ['newMonths', 1, 24, 'months', true], `${p}.`, out);
  }
  if (s.levers && !['all', 'new', 'lapsed'].includes(s.levers.discount?.target)) {
    out.push({
      path: 'levers.discount.target',
      message: `must be "all", "new" or "lapsed", got ${JSON.stringify(s.levers.discount?.target)}`,
    });
  }
  (s.market?.events ?? []).forEach((e, k) => {
    const p = `market.events.${k}`;
    if (!['priceWar', 'serviceIncident', 'competitorEntry'].includes(e.kind)) {
      out.push({
        path: `${p}.kind`,
        message: `must be priceWar, serviceIncident or competitorEntry, got ${JSON.stringify(e.kind)}`,
      });
    }
    checkWindows([{ from: e.from, to: e.to }], horizon, p, out);
    checkRange(e, ['intensityPct', 0, 100, '%'], `${p}.`, out);
  });
  const probe = s.probes?.injectedFailure;
  if (probe) {
    checkRange(probe, ['month', 1, horizon, 'month', true], 'probes.injectedFailure.', out);
    checkRange(probe, ['sharePct', 0, 100, '%'], 'probes.injectedFailure.', out);
    checkRange(probe, ['severityPct', 1, 100, '%'], 'probes.injectedFailure.', out);
  }
  return out;
}

/** Bytes the engine will hold for this scenario: per-customer state plus the social network. */
export function estimateMemoryBytes(s: Scenario): number {
  const n = s.population.marketSize;
  const contacts = n * Math.max(1, s.population.network.meanContacts) * 1.1;
  // A top-value audience keeps each customer's last 12 months of spend (month/audience.ts).
  const ranked = AIMED_LEVERS.some((name) => s.levers[name]?.audience?.kind === 'topValue');
  const perCustomer = BYTES_PER_CUSTOMER + (ranked ? 12 * 4 + 8 + 8 + 1 : 0);
  return n * perCustomer + contacts * 4 + (s.horizonMonths + 1) ** 2 * 8 * 2;
}

export function assertRunnable(s: Scenario, memoryLimitBytes = DEFAULT_MEMORY_LIMIT_BYTES): void {
  const issues = validateScenario(s);
  if (issues.length === 0) {
    const need = estimateMemoryBytes(s);
    if (need > memoryLimitBytes) {
      const mib = (b: number) => `${Math.round(b / 2 ** 20)} MiB`;
      issues.push({
        path: 'population.marketSize',
        message: `${s.population.marketSize.toLocaleString('en')} people need about ${mib(need)}, more than the ${mib(memoryLimitBytes)} allowed here; lower the market size`,
      });
    }
  }
  if (issues.length) throw new ScenarioError(issues);
}
