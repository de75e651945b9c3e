/**
 * The scenario file format (version SCHEMA_VERSION; migrations.ts says what each version added): one
 * zod schema that declares every field's type, range, unit and default. Levers are grouped the way the three-dimension model reads: value, emotion, experience,
 * and organisation underneath. `toEngine` turns a parsed file into the engine's flat Scenario.
 */
import * as z from 'zod';
import { type CostModel, defaultScenario, type Scenario } from '../engine/index.ts';
import { audienceSchema } from './audienceSchema.ts';
import { type FieldMeta, schemaAt } from './errors.ts';
import { experimentChoices, experimentSchema, experimentSettings } from './experimentSchema.ts';
import { lessonSchema } from './lessonSchema.ts';
import { localTextSchema, textIn } from './localText.ts';

export const SCHEMA_VERSION = 6;

const D = defaultScenario();
const L = D.levers;

/** A number with its range and unit (the unit is read back for error messages and the JSON Schema). */
function num(min: number, max: number, unit: string, integer = false) {
  return (integer ? z.int() : z.number()).min(min).max(max).meta({ unit, minimum: min, maximum: max });
}
/** The same, with a default. */
function numd(min: number, max: number, unit: string, def: number, integer = false) {
  return num(min, max, unit, integer).default(def);
}
const pct = (def: number) => numd(0, 100, '%', def);
const money = (def: number) => numd(0, 1e9, 'money', def);

const window = z
  .strictObject({ from: num(1, 120, 'month', true), to: num(1, 120, 'month', true) })
  .refine((w) => w.from <= w.to, { message: 'from must not be after to', path: ['to'] });
const schedule = z.array(window).max(24).default([]);

const cost = (c: CostModel) =>
  z
    .strictObject({
      fixedPerMonth: money(c.fixedPerMonth),
      perCustomerPerMonth: money(c.perCustomerPerMonth),
      perEvent: money(c.perEvent),
    })
    .prefault({});

const text = z.strictObject({ en: z.string().max(5000), zh: z.string().max(5000) });

const audience = audienceSchema;

const segment = z.strictObject({
  id: z.string().min(1).max(40),
  label: localTextSchema(0, 100).optional(),
  sharePct: num(0, 100, '%'),
  visitsPerMonth: num(0.01, 60, 'visits per month'),
  visitRateShape: num(0.05, 50, ''),
  spendPerVisit: num(0, 1e6, 'money'),
  spendShape: num(0.1, 100, ''),
  priceSensitivityPct: num(0, 100, '%'),
  failureTolerancePct: num(0, 100, '%'),
  complainPropensity: num(0, 10, '×'),
  socialActivity: num(0, 10, '×'),
  multiChannelPct: num(0, 100, '%'),
  weights: z.strictObject({ value: num(0, 1, ''), emotion: num(0, 1, ''), experience: num(0, 1, '') }),
});

const population = z
  .strictObject({
    marketSize: numd(10, 5_000_000, 'people', D.population.marketSize, true),
    initialCustomerPct: pct(D.population.initialCustomerPct),
    initialAwarePct: pct(D.population.initialAwarePct),
    segments: z
      .array(segment)
      .min(1)
      .max(16)
      .default(D.population.segments)
      .superRefine((segs, ctx) => {
        const total = segs.reduce((a, s) => a + s.sharePct, 0);
        if (Math.abs(total - 100) > 0.01) {
          ctx.addIssue({
            code: 'custom',
            message: `shares must sum to 100 %, got ${+total.toFixed(4)}`,
            params: { kind: 'shares', total },
          });
        }
        const ids = new Set<string>();
        segs.forEach((s, k) => {
          if (ids.has(s.id))
            ctx.addIssue({
              code: 'custom',
              path: [k, 'id'],
              message: `duplicate segment id "${s.id}"`,
              params: { kind: 'duplicate', id: s.id },
            });
          ids.add(s.id);
        });
      }),
    network: z
      .strictObject({
        meanContacts: numd(0, 50, 'contacts', D.population.network.meanContacts),
        rewiringPct: pct(D.population.network.rewiringPct),
        onlineReach: numd(0, 10_000, 'people', D.population.network.onlineReach, true),
      })
      .prefault({}),
    /** Fitted to a transaction log (BG/NBD and Gamma-Gamma); see docs/clv.md. */
    calibration: z
      .strictObject({
        r: num(1e-6, 1e4, 'shape'),
        alpha: num(1e-6, 1e6, 'weeks'),
        a: num(1e-6, 1e4, 'shape'),
        b: num(1e-6, 1e4, 'shape'),
        p: num(1e-6, 1e4, 'shape'),
        q: num(1.000001, 1e4, 'shape'),
        gamma: num(1e-6, 1e9, 'money'),
        loyaltyElasticity: numd(0, 20, 'per unit of loyalty', 3),
        referenceLoyalty: z
          .array(num(0, 1, 'loyalty'))
          .max(120)
          .default([]),
      })
      .nullable()
      .default(null),
  })
  .prefault({});

const service = z
  .strictObject({
    failurePctPerVisit: numd(0, 50, '%', D.service.failurePctPerVisit),
    meanSeverityPct: numd(1, 99, '%', D.service.meanSeverityPct),
  })
  .prefault({});

const staff = z
  .strictObject({
    headcount: numd(1, 100_000, 'staff', D.staff.headcount, true),
    initialSkillPct: pct(D.staff.initialSkillPct),
    initialMoralePct: pct(D.staff.initialMoralePct),
    newHireSkillPct: pct(D.staff.newHireSkillPct),
    monthlyTurnoverPct: numd(0, 50, '% per month', D.staff.monthlyTurnoverPct),
    wagePerMonth: numd(0, 1e6, 'money per month', D.staff.wagePerMonth),
    hiringCost: numd(0, 1e6, 'money', D.staff.hiringCost),
  })
  .prefault({});

const event = z.strictObject({
  kind: z.enum(['priceWar', 'serviceIncident', 'competitorEntry']),
  from: num(1, 120, 'month', true),
  to: num(1, 120, 'month', true),
  intensityPct: num(0, 100, '%'),
});

const market = z
  .strictObject({
    acquisitionSpendPerMonth: numd(0, 1e9, 'money per month', D.market.acquisitionSpendPerMonth),
    costPerLead: numd(0.01, 1e5, 'money', D.market.costPerLead),
    leadConversionPct: pct(D.market.leadConversionPct),
    organicConversionPct: numd(0, 100, '% per month', D.market.organicConversionPct),
    awarenessGrowthPct: numd(0, 100, '% per month', D.market.awarenessGrowthPct),
    competitorAttractivenessPct: pct(D.market.competitorAttractivenessPct),
    seasonalityPct: numd(0, 90, '%', D.market.seasonalityPct),
    seasonalityPeakMonth: numd(1, 12, 'month of year', D.market.seasonalityPeakMonth, true),
    events: z.array(event).max(50).default([]),
  })
  .prefault({});

const economics = z
  .strictObject({
    grossMarginPct: numd(-100, 100, '%', D.economics.grossMarginPct),
    fixedCostsPerMonth: numd(0, 1e9, 'money per month', D.economics.fixedCostsPerMonth),
    annualDiscountRatePct: numd(0, 100, '% per year', D.economics.annualDiscountRatePct),
  })
  .prefault({});

const dimensions = z
  .strictObject({
    synergy: numd(-1, 10, '', D.dimensions.synergy),
    betrayal: numd(-1, 2, 'per unit of bond', D.dimensions.betrayal),
  })
  .prefault({});

const levers = z
  .strictObject({
    value: z
      .strictObject({
        pricePct: numd(20, 300, '% of market price', L.pricePct),
        discount: z
          .strictObject({
            depthPct: numd(0, 90, '%', L.discount.depthPct),
            target: z.enum(['all', 'new', 'lapsed']).default(L.discount.target),
            schedule,
            cost: cost(L.discount.cost),
          })
          .prefault({}),
        points: z
          .strictObject({
            rewardPct: numd(0, 30, '% of spend', L.points.rewardPct),
            tiers: z.boolean().default(L.points.tiers),
            schedule,
            cost: cost(L.points.cost),
          })
          .prefault({}),
        personalisation: z
          .strictObject({ levelPct: pct(0), audience, schedule, cost: cost(L.personalisation.cost) })
          .prefault({}),
        knowledgeServices: z
          .strictObject({ levelPct: pct(0), audience, schedule, cost: cost(L.knowledgeServices.cost) })
          .prefault({}),
      })
      .prefault({}),
    emotion: z
      .strictObject({
        careGestures: z
          .strictObject({
            perYear: numd(0, 52, 'gestures per customer per year', 0),
            audience,
            schedule,
            cost: cost(L.careGestures.cost),
          })
          .prefault({}),
        community: z
          .strictObject({ levelPct: pct(0), audience, schedule, cost: cost(L.community.cost) })
          .prefault({}),
        proactiveContact: z
          .strictObject({
            perMonth: numd(0, 30, 'contacts per customer per month', 0),
            audience,
            schedule,
            cost: cost(L.proactiveContact.cost),
          })
          .prefault({}),
      })
      .prefault({}),
    experience: z
      .strictObject({
        transparency: z
          .strictObject({
            levelPct: pct(0),
            callbackHours: numd(0.1, 720, 'hours', L.transparency.callbackHours),
            schedule,
            cost: cost(L.transparency.cost),
          })
          .prefault({}),
        complaintHandling: z
          .strictObject({
            easeOfVoicingPct: pct(L.complaintHandling.easeOfVoicingPct),
            responseHours: numd(0.1, 2000, 'hours', L.complaintHandling.responseHours),
            resolutionQualityPct: pct(L.complaintHandling.resolutionQualityPct),
            compensationPct: numd(0, 300, '% of the visit spend', L.complaintHandling.compensationPct),
            audience,
            schedule,
            cost: cost(L.complaintHandling.cost),
          })
          .prefault({}),
        serviceStandards: z
          .strictObject({ levelPct: pct(0), schedule, cost: cost(L.serviceStandards.cost) })
          .prefault({}),
      })
      .prefault({}),
    organisation: z
      .strictObject({
        empowerment: z
          .strictObject({
            levelPct: pct(L.empowerment.levelPct),
            surpriseFundPerMonth: numd(0, 1e7, 'money per month', L.empowerment.surpriseFundPerMonth),
            schedule,
            cost: cost(L.empowerment.cost),
          })
          .prefault({}),
        training: z
          .strictObject({
            hoursPerStaffPerMonth: numd(
              0,
              160,
              'hours per staff per month',
              L.training.hoursPerStaffPerMonth,
            ),
            incentivePct: numd(0, 100, '% of wage', L.training.incentivePct),
            schedule,
            cost: cost(L.training.cost),
          })
          .prefault({}),
      })
      .prefault({}),
  })
  .prefault({});

/** How a case scenario's reported figure is read off the simulation (see src/scenario/cases.ts). */
export const caseCheck = z.strictObject({
  label: text,
  /** level: the plan's value; vsBaseline: plan ÷ baseline − 1; baselineLevel: the baseline's value;
   * ratio: metric ÷ versus − 1 within the plan. */
  kind: z.enum(['level', 'vsBaseline', 'baselineLevel', 'ratio']),
  metric: z.string().min(1),
  versus: z.string().optional(),
  /** Months averaged, counted back from the end of the horizon. */
  lastMonths: numd(1, 120, 'months', 12, true),
  target: z.number(),
  tolerance: z.number().positive(),
  /**
   * A reported figure the model does not reproduce, with the reason (shown beside it; the library
   * test checks the departure is still there, so the mark cannot outlive the gap).
   */
  departure: text.optional(),
});

export const caseInfo = z.strictObject({
  id: z.string().min(1),
  firm: text,
  industry: text,
  story: text,
  whatTheyDid: text,
  reported: text,
  checks: z.array(caseCheck).min(1),
});

export const scenarioFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    schemaVersion: z.literal(SCHEMA_VERSION),
    /** A text, or `{ "en": …, "zh": … }` (format 6): the page shows the one in its language. */
    name: localTextSchema(1, 200).default(D.name),
    description: localTextSchema(0, 5000).default(''),
    notes: z.string().max(20_000).optional(),
    /** For a plan: the library id of the scenario it should be compared with. */
    baseline: z.string().max(200).optional(),
    horizonMonths: numd(1, 120, 'months', D.horizonMonths, true),
    population,
    service,
    staff,
    market,
    economics,
    dimensions,
    levers,
    probes: z
      .strictObject({
        injectedFailure: z
          .strictObject({
            month: num(1, 120, 'month', true),
            sharePct: pct(100),
            severityPct: numd(1, 100, '%', 30),
          })
          .nullable()
          .default(null),
      })
      .prefault({}),
    case: caseInfo.optional(),
    /** Sweeps, sensitivity analyses and budget optimisations to run on this scenario. */
    experiments: z.array(experimentSchema).max(20).default([]),
    /** A guided lesson on this scenario: question, options, explanation. */
    lesson: lessonSchema.optional(),
  })
  .superRefine((s, ctx) => {
    checkExperiments(s, ctx);
    const check = (path: (string | number)[], w: { from: number; to: number }) => {
      if (w.from > s.horizonMonths) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `starts in month ${w.from}, after the horizon (${s.horizonMonths} months)`,
          params: { kind: 'afterHorizon', from: w.from, horizon: s.horizonMonths },
        });
      }
    };
    const segmentIds = s.population.segments.map((g) => g.id);
    for (const [group, set] of Object.entries(s.levers)) {
      for (const [name, lever] of Object.entries(
        set as Record<
          string,
          { schedule?: { from: number; to: number }[]; audience?: { kind: string; segment: string } }
        >,
      )) {
        lever.schedule?.forEach((w, k) => {
          check(['levers', group, name, 'schedule', k, 'from'], w);
        });
        const a = lever.audience;
        if (a?.kind === 'segment' && !segmentIds.includes(a.segment))
          ctx.addIssue({
            code: 'custom',
            path: ['levers', group, name, 'audience', 'segment'],
            message: `the audience is a segment, but "${a.segment}" is not one of this scenario's segments (${segmentIds.join(', ')})`,
            params: {
              zh: `受众为某个细分群体，但"${a.segment}"不是本情景的细分群体（${segmentIds.join('、')}）`,
            },
          });
      }
    }
    s.market.events.forEach((e, k) => {
      if (e.from > e.to)
        ctx.addIssue({
          code: 'custom',
          path: ['market', 'events', k, 'to'],
          message: 'from must not be after to',
          params: { kind: 'order' },
        });
      check(['market', 'events', k, 'from'], e);
    });
    if (s.probes.injectedFailure && s.probes.injectedFailure.month > s.horizonMonths) {
      check(['probes', 'injectedFailure', 'month'], {
        from: s.probes.injectedFailure.month,
        to: s.probes.injectedFailure.month,
      });
    }
  });

export type ScenarioFile = z.output<typeof scenarioFileSchema>;
export type ScenarioFileInput = z.input<typeof scenarioFileSchema>;

/** The engine's flat scenario from a parsed file. */
export function toEngine(f: ScenarioFile): Scenario {
  const { value, emotion, experience, organisation } = f.levers;
  return {
    // The engine names a run with one plain text: the English, or the only text there is.
    name: textIn(f.name, 'en'),
    horizonMonths: f.horizonMonths,
    population: {
      ...f.population,
      segments: f.population.segments.map((s) => ({ ...s, label: s.label ?? s.id })),
    },
    service: f.service,
    staff: f.staff,
    market: f.market,
    economics: f.economics,
    dimensions: f.dimensions,
    levers: { ...value, ...emotion, ...experience, ...organisation },
    probes: f.probes,
  };
}

/** A file (current version, with defaults written out) for an engine scenario: the inverse of toEngine. */
export function fromEngine(s: Scenario, extra: { description?: string; notes?: string } = {}): ScenarioFile {
  const l = s.levers;
  return {
    schemaVersion: SCHEMA_VERSION,
    name: s.name,
    description: extra.description ?? '',
    ...(extra.notes ? { notes: extra.notes } : {}),
    horizonMonths: s.horizonMonths,
    population: { ...structuredClone(s.population), calibration: s.population.calibration ?? null },
    service: { ...s.service },
    staff: { ...s.staff },
    market: structuredClone(s.market),
    economics: { ...s.economics },
    dimensions: { ...s.dimensions },
    levers: {
      value: {
        pricePct: l.pricePct,
        discount: structuredClone(l.discount),
        points: structuredClone(l.points),
        personalisation: structuredClone(l.personalisation),
        knowledgeServices: structuredClone(l.knowledgeServices),
      },
      emotion: {
        careGestures: structuredClone(l.careGestures),
        community: structuredClone(l.community),
        proactiveContact: structuredClone(l.proactiveContact),
      },
      experience: {
        transparency: structuredClone(l.transparency),
        complaintHandling: structuredClone(l.complaintHandling),
        serviceStandards: structuredClone(l.serviceStandards),
      },
      organisation: { empowerment: structuredClone(l.empowerment), training: structuredClone(l.training) },
    },
    probes: structuredClone(s.probes),
    experiments: [],
  };
}

/** Experiments and lessons may only set numbers that exist in the file, within the file's ranges. */
function checkExperiments(s: z.output<typeof scenarioFileSchema>, ctx: z.core.$RefinementCtx): void {
  const seen = new Set<string>();
  const segmentIds = s.population.segments.map((g) => g.id);
  s.experiments.forEach((e, k) => {
    if (seen.has(e.id))
      ctx.addIssue({
        code: 'custom',
        path: ['experiments', k, 'id'],
        message: `another experiment is already called "${e.id}"`,
        params: { zh: `实验编号重复："${e.id}"` },
      });
    seen.add(e.id);
    for (const setting of experimentSettings(e))
      checkSetting(s, ctx, ['experiments', k, ...setting.at], setting.path, setting.values);
    for (const { at, axis } of experimentChoices(e)) {
      const where = ['experiments', k, ...at];
      const aimed = aimedLeverPaths(s);
      if (!aimed.includes(axis.path)) {
        ctx.addIssue({
          code: 'custom',
          path: [...where, 'path'],
          message: `"${axis.path}" is not the audience of a lever in this scenario (levers that take one: ${aimed.join(', ')})`,
          params: { zh: `"${axis.path}" 不是此情景中某个杠杆的受众（可设受众的杠杆：${aimed.join('、')}）` },
        });
      }
      axis.choices.forEach((c, j) => {
        if (c.kind === 'segment' && !segmentIds.includes(c.segment))
          ctx.addIssue({
            code: 'custom',
            path: [...where, 'choices', j, 'segment'],
            message: `"${c.segment}" is not one of this scenario's segments (${segmentIds.join(', ')})`,
            params: { zh: `"${c.segment}"不是本情景的细分群体（${segmentIds.join('、')}）` },
          });
      });
    }
  });
  s.lesson?.options.forEach((o, k) => {
    for (const [path, value] of Object.entries(o.set))
      checkSetting(s, ctx, ['lesson', 'options', k, 'set', path], path, [value]);
    for (const [lever, a] of Object.entries(o.aim))
      if (a?.kind === 'segment' && !segmentIds.includes(a.segment))
        ctx.addIssue({
          code: 'custom',
          path: ['lesson', 'options', k, 'aim', lever, 'segment'],
          message: `"${a.segment}" is not one of this scenario's segments (${segmentIds.join(', ')})`,
          params: { zh: `"${a.segment}"不是本情景的细分群体（${segmentIds.join('、')}）` },
        });
  });
}

/** The paths of the audiences the file's levers have, e.g. levers.emotion.careGestures.audience. */
export function aimedLeverPaths(s: z.output<typeof scenarioFileSchema>): string[] {
  return Object.entries(s.levers).flatMap(([group, set]) =>
    Object.entries(set as Record<string, unknown>)
      .filter(([, lever]) => lever !== null && typeof lever === 'object' && 'audience' in lever)
      .map(([name]) => `levers.${group}.${name}.audience`),
  );
}

function checkSetting(
  s: z.output<typeof scenarioFileSchema>,
  ctx: z.core.$RefinementCtx,
  where: (string | number)[],
  path: string,
  values: number[],
): void {
  const parts = path.split('.');
  let cur: unknown = s;
  for (const part of parts)
    cur = cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>)[part] : undefined;
  if (typeof cur !== 'number') {
    ctx.addIssue({
      code: 'custom',
      path: where,
      message: `"${path}" is not a number in this scenario`,
      params: { zh: `"${path}" 不是此情景中的数值字段` },
    });
    return;
  }
  const field = schemaAt(scenarioFileSchema, parts);
  const meta = (field && (z.globalRegistry as z.core.$ZodRegistry<FieldMeta>).get(field)) || {};
  const lo = meta.minimum ?? Number.NEGATIVE_INFINITY;
  const hi = meta.maximum ?? Number.POSITIVE_INFINITY;
  for (const v of values)
    if (v < lo || v > hi)
      ctx.addIssue({
        code: 'custom',
        path: where,
        message: `${path} only takes values from ${lo} to ${hi}${meta.unit ? ` (${meta.unit})` : ''}; asked for ${v}`,
        params: { zh: `${path} 的取值范围是 ${lo} 到 ${hi}，要求的是 ${v}` },
      });
}
