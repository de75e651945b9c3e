/**
 * The figures a manager knows about their business, as a calibration's targets: each optional, in
 * its unit, within a plausible range, with a tolerance (how sure the manager is, ± in the figure's
 * own unit). Figures describe the business's last twelve months, which the calibrated world
 * reproduces as its first simulated year. Some figures are fitted by simulation; a few (market
 * size, gross margin, headcount) are simply written into the scenario.
 */
import * as z from 'zod';
import { MAX_MARKET_SIZE } from '../engine/index.ts';
import { describeIssues, type FieldMeta, type Problem } from '../scenario/errors.ts';

export const FIGURE_IDS = [
  'activeCustomers',
  'visitsPerCustomerMonth',
  'spendPerVisit',
  'retention12Pct',
  'churn12Pct',
  'npsScore',
  'satisfiedPct',
  'referralSharePct',
  'complaintsPerMonth',
  'staffTurnoverPctYear',
  'marketSize',
  'grossMarginPct',
  'staffHeadcount',
] as const;
export type FigureId = (typeof FIGURE_IDS)[number];

export interface FigureDef {
  id: FigureId;
  unit: string;
  min: number;
  max: number;
  /** Simulated figures are matched by the search; direct ones are written into the scenario. */
  kind: 'fitted' | 'direct';
  integer?: boolean;
  /** The tolerance assumed when the manager gives none, from the value. */
  defaultTolerance: (value: number) => number;
}

const relative = (share: number, floor: number) => (v: number) => Math.max(floor, share * Math.abs(v));
const points = (p: number) => () => p;

export const FIGURES: Record<FigureId, FigureDef> = {
  activeCustomers: {
    id: 'activeCustomers',
    unit: 'people',
    min: 10,
    max: MAX_MARKET_SIZE,
    kind: 'fitted',
    integer: true,
    defaultTolerance: relative(0.1, 5),
  },
  visitsPerCustomerMonth: {
    id: 'visitsPerCustomerMonth',
    unit: 'visits per month',
    min: 0.02,
    max: 30,
    kind: 'fitted',
    defaultTolerance: relative(0.1, 0.01),
  },
  spendPerVisit: {
    id: 'spendPerVisit',
    unit: 'money',
    min: 0.1,
    max: 1e5,
    kind: 'fitted',
    defaultTolerance: relative(0.1, 0.05),
  },
  retention12Pct: {
    id: 'retention12Pct',
    unit: '%',
    min: 1,
    max: 99,
    kind: 'fitted',
    defaultTolerance: points(5),
  },
  churn12Pct: { id: 'churn12Pct', unit: '%', min: 1, max: 99, kind: 'fitted', defaultTolerance: points(5) },
  npsScore: {
    id: 'npsScore',
    unit: 'score',
    min: -100,
    max: 100,
    kind: 'fitted',
    defaultTolerance: points(5),
  },
  satisfiedPct: {
    id: 'satisfiedPct',
    unit: '%',
    min: 1,
    max: 99,
    kind: 'fitted',
    defaultTolerance: points(5),
  },
  referralSharePct: {
    id: 'referralSharePct',
    unit: '%',
    min: 0,
    max: 90,
    kind: 'fitted',
    defaultTolerance: points(3),
  },
  complaintsPerMonth: {
    id: 'complaintsPerMonth',
    unit: 'complaints per month',
    min: 0,
    max: 1e6,
    kind: 'fitted',
    defaultTolerance: relative(0.2, 2),
  },
  staffTurnoverPctYear: {
    id: 'staffTurnoverPctYear',
    unit: '% per year',
    min: 0,
    max: 300,
    kind: 'fitted',
    defaultTolerance: relative(0.15, 3),
  },
  marketSize: {
    id: 'marketSize',
    unit: 'people',
    min: 10,
    max: MAX_MARKET_SIZE,
    kind: 'direct',
    integer: true,
    defaultTolerance: () => 0,
  },
  grossMarginPct: {
    id: 'grossMarginPct',
    unit: '%',
    min: -100,
    max: 100,
    kind: 'direct',
    defaultTolerance: () => 0,
  },
  staffHeadcount: {
    id: 'staffHeadcount',
    unit: 'staff',
    min: 1,
    max: 100_000,
    kind: 'direct',
    integer: true,
    defaultTolerance: () => 0,
  },
};

export const FITTED_FIGURES = FIGURE_IDS.filter((id) => FIGURES[id].kind === 'fitted');

const figureSchema = (d: FigureDef) =>
  z.strictObject({
    value: (d.integer ? z.int() : z.number())
      .min(d.min)
      .max(d.max)
      .meta({ unit: d.unit, minimum: d.min, maximum: d.max }),
    tolerance: z
      .number()
      .min(0)
      .max(d.max - d.min)
      .meta({ unit: d.unit, minimum: 0, maximum: d.max - d.min })
      .optional(),
  });

export const targetsSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal('loyalty-lab-targets').optional(),
  /** Library id of the baseline the manager started from (the CLI's --from overrides it). */
  from: z.string().max(200).optional(),
  figures: z.strictObject(
    Object.fromEntries(FIGURE_IDS.map((id) => [id, figureSchema(FIGURES[id]).optional()])) as Record<
      FigureId,
      z.ZodOptional<ReturnType<typeof figureSchema>>
    >,
  ),
});
export type TargetsFile = z.output<typeof targetsSchema>;

/** One figure to match: its value and the tolerance actually used. */
export interface Target {
  id: FigureId;
  value: number;
  tolerance: number;
}

export type TargetsResult =
  | { ok: true; targets: Target[]; file: TargetsFile }
  | { ok: false; problems: Problem[] };

const field = (id: FigureId, part: 'value' | 'tolerance' = 'value') => `figures.${id}.${part}`;

const byFigure = (targets: Target[]) =>
  Object.fromEntries(targets.map((x) => [x.id, x])) as Partial<Record<FigureId, Target>>;

/**
 * Figures that cannot all be true of one business, found before any run. Each problem names every
 * field it involves (the first in `path`, the others in the message).
 */
export function contradictions(targets: Target[]): Problem[] {
  const t = byFigure(targets);
  const out: Problem[] = [];
  const { retention12Pct: ret, churn12Pct: churn, activeCustomers: active, marketSize: market } = t;
  if (ret && churn && Math.abs(ret.value + churn.value - 100) > ret.tolerance + churn.tolerance) {
    out.push({
      path: field('retention12Pct'),
      en: `retention ${ret.value} % and churn ${churn.value} % (figures.churn12Pct.value) should add up to about 100 %, they add up to ${ret.value + churn.value} %: give one of them, or make them agree within their tolerances`,
      zh: `留存率 ${ret.value}% 与流失率 ${churn.value}%（figures.churn12Pct.value）之和应约为 100%，实际为 ${ret.value + churn.value}%：只填其一，或使二者在容差内一致`,
    });
  }
  if (active && market && market.value < active.value) {
    out.push({
      path: field('marketSize'),
      en: `the market (${market.value} people) is smaller than the active customers (figures.activeCustomers.value, ${active.value}): the market counts everyone who could buy, customers included`,
      zh: `市场规模（${market.value} 人）小于活跃顾客数（figures.activeCustomers.value，${active.value}）：市场包括所有潜在顾客，也包括现有顾客`,
    });
  }
  const visits = t.visitsPerCustomerMonth;
  const complaints = t.complaintsPerMonth;
  if (active && visits && complaints && complaints.value > active.value * visits.value) {
    out.push({
      path: field('complaintsPerMonth'),
      en: `${complaints.value} complaints a month is more than the visits (figures.activeCustomers.value × figures.visitsPerCustomerMonth.value = ${Math.round(active.value * visits.value)} a month): at most one complaint per visit`,
      zh: `每月 ${complaints.value} 次投诉多于到访次数（figures.activeCustomers.value × figures.visitsPerCustomerMonth.value = 每月 ${Math.round(active.value * visits.value)} 次）：每次到访至多一次投诉`,
    });
  }
  // A customer kept a whole year has visited in it: with a visit every four months on average,
  // the active base turns over far faster than a 95 % retention allows.
  const kept = ret?.value ?? (churn ? 100 - churn.value : undefined);
  if (kept !== undefined && visits && kept >= 90 && visits.value * 12 <= 3) {
    const which = ret ? field('retention12Pct') : field('churn12Pct');
    out.push({
      path: which,
      en: `a 12-month retention of ${kept} % with ${+(visits.value * 12).toFixed(2)} visits a year (figures.visitsPerCustomerMonth.value): customers this infrequent are not retained at over 90 % in any service business the model knows; check both figures`,
      zh: `每年仅 ${+(visits.value * 12).toFixed(2)} 次到访（figures.visitsPerCustomerMonth.value）却有 ${kept}% 的 12 个月留存率：如此低频的顾客不可能有 90% 以上的留存；请检查这两个数字`,
    });
  }
  return out;
}

/**
 * Figures that can be true together but only just: a fit is allowed, and told where it must land.
 * Retention and churn that agree only near the edges of both tolerances (60 ± 5 with 50 ± 5 meet
 * only at 55 / 45) leave the fit no room, and neither figure as given can be met; the manager most
 * likely mistyped one of them.
 */
export function cautions(targets: Target[]): Problem[] {
  const t = byFigure(targets);
  const { retention12Pct: ret, churn12Pct: churn } = t;
  if (!ret || !churn) return [];
  const gap = Math.abs(ret.value + churn.value - 100);
  if (gap <= Math.max(ret.tolerance, churn.tolerance) || gap > ret.tolerance + churn.tolerance) return [];
  // The retentions within both tolerances (churn is 100 minus retention).
  const low = Math.max(ret.value - ret.tolerance, 100 - churn.value - churn.tolerance);
  const high = Math.min(ret.value + ret.tolerance, 100 - churn.value + churn.tolerance);
  const r = (x: number) => +x.toFixed(2);
  const band = (a: number, b: number) => (r(a) === r(b) ? `${r(a)}` : `${r(a)}–${r(b)}`);
  return [
    {
      path: field('retention12Pct'),
      en: `retention ${ret.value} % and churn ${churn.value} % (figures.churn12Pct.value) agree only at the edges of their tolerances: the fit can meet both only with retention ${band(low, high)} % and churn ${band(100 - high, 100 - low)} %, neither at the figure you gave: check which one is right, or give only that one`,
      zh: `留存率 ${ret.value}% 与流失率 ${churn.value}%（figures.churn12Pct.value）只在各自容差的边缘相符：拟合只能在留存率 ${band(low, high)}%、流失率 ${band(100 - high, 100 - low)}% 处同时满足二者，两者都达不到所填的数字；请核对哪个数字正确，或只填那一个`,
    },
  ];
}

/** The problems of figures that each read well alone: tolerances, nothing to fit, contradictions. */
function problemsOf(targets: Target[]): Problem[] {
  const problems: Problem[] = [];
  for (const x of targets)
    if (FIGURES[x.id].kind === 'fitted' && !(x.tolerance > 0))
      problems.push({
        path: field(x.id, 'tolerance'),
        en: 'must be more than 0: no simulated figure is exact',
        zh: '应大于 0：模拟结果不会完全精确',
      });
  return [...problems, ...contradictions(targets)];
}

const targetOf = (id: FigureId, f: { value: number; tolerance?: number }): Target => ({
  id,
  value: f.value,
  tolerance: f.tolerance ?? FIGURES[id].defaultTolerance(f.value),
});

/** Reads a targets document: every problem at once, in both languages, with the field's path. */
export function parseTargets(input: unknown): TargetsResult {
  const parsed = targetsSchema.safeParse(input);
  if (!parsed.success) {
    const problems = describeIssues(
      parsed.error.issues,
      input,
      targetsSchema,
      z.globalRegistry as z.core.$ZodRegistry<FieldMeta>,
    );
    // The figures that are well formed on their own are still checked, so a tolerance of 0 or a
    // contradiction is reported with the range errors rather than after they are fixed.
    const raw = (input as { figures?: unknown } | null)?.figures;
    const fine: Target[] = [];
    if (raw && typeof raw === 'object')
      for (const id of FIGURE_IDS) {
        const f = figureSchema(FIGURES[id]).safeParse((raw as Record<string, unknown>)[id]);
        if (f.success) fine.push(targetOf(id, f.data));
      }
    const seen = new Set(problems.map((p) => p.path));
    return { ok: false, problems: [...problems, ...problemsOf(fine).filter((p) => !seen.has(p.path))] };
  }
  const targets: Target[] = [];
  for (const id of FIGURE_IDS) {
    const f = parsed.data.figures[id];
    if (f) targets.push(targetOf(id, f));
  }
  const problems: Problem[] = [];
  if (!targets.some((x) => FIGURES[x.id].kind === 'fitted'))
    problems.push({
      path: 'figures',
      en: `give at least one figure to match (${FITTED_FIGURES.join(', ')})`,
      zh: `请至少填写一个需拟合的数字（${FITTED_FIGURES.join('、')}）`,
    });
  problems.push(...problemsOf(targets));
  return problems.length ? { ok: false, problems } : { ok: true, targets, file: parsed.data };
}
