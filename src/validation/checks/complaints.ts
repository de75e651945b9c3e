/**
 * What a complaint's outcome does to loyalty (TARP), measured causally: every active customer suffers
 * the same injected failure in one month, and only the handling of that month's complaints differs
 * between the worlds (same seeds, so the same customers voice in each).
 */
import { type Scenario, Stage } from '../../engine/index.ts';
import { all, atLeast, columnDifference, within } from '../judge.ts';
import type { Lab } from '../lab.ts';
import { shareWhere } from '../measures.ts';
import type { Check, Design } from '../types.ts';

const BASE = 'baselines/neighbourhood';
/** The month of the failure; stay is measured 12 months later. */
export const MONTH = 7;
const SEVERITY_PCT = 30;

const design: Design = {
  worlds: [BASE],
  people: 8_000,
  months: MONTH + 12,
  seed: 'validation/complaints',
  replications: 6,
  text: {
    en: `The baseline; in month ${MONTH} every active customer suffers a failure of severity ${SEVERITY_PCT} %. Voicing is made easy that month, and the complaints are left unresolved, resolved in a week, or resolved within the hour (three worlds, same seeds). Stay = still a customer 12 months later. Silent: those who did not voice.`,
    zh: `基线；第${MONTH}个月每位活跃客户都遭遇一次严重度${SEVERITY_PCT}%的服务失误。当月投诉渠道畅通，投诉分别未解决、一周内解决、一小时内解决（三个世界，相同随机数）。留存 = 12个月后仍是客户。沉默者：未投诉的客户。`,
  },
};

export type Handling = { resolutionQualityPct: number; responseHours: number };
const UNRESOLVED: Handling = { resolutionQualityPct: 0, responseHours: 168 };
const RESOLVED: Handling = { resolutionQualityPct: 100, responseHours: 168 };
const QUICKLY: Handling = { resolutionQualityPct: 100, responseHours: 1 };

function world(lab: Lab, h: Handling, failure: boolean): Scenario {
  return lab.world(BASE, design.people, design.months, (s) => {
    Object.assign(s.levers.complaintHandling, h, {
      easeOfVoicingPct: 100,
      compensationPct: 0,
      schedule: [{ from: MONTH, to: MONTH }],
    });
    s.probes.injectedFailure = failure ? { month: MONTH, sharePct: 100, severityPct: SEVERITY_PCT } : null;
  });
}

export interface Outcome {
  /** Active when the failure month began (all of them suffered it). */
  hit: Uint8Array;
  voiced: Uint8Array;
  stayed: Uint8Array;
}

export function outcome(lab: Lab, k: number, h: Handling, failure: boolean): Outcome {
  const n = design.people;
  const hit = new Uint8Array(n);
  const voiced = new Uint8Array(n);
  const stayed = new Uint8Array(n);
  const sim = lab.run(world(lab, h, failure), design.seed, k, {
    before(s) {
      if (s.t !== MONTH - 1) return;
      for (let i = 0; i < n; i++)
        hit[i] = s.pop.stage[i] >= Stage.FIRST && s.pop.stage[i] <= Stage.ADVOCATE ? 1 : 0;
    },
    after(s) {
      if (s.t !== MONTH) return;
      for (let i = 0; i < n; i++) voiced[i] = s.pop.lastComplaintTick[i] === MONTH - 1 ? 1 : 0;
    },
  });
  for (let i = 0; i < n; i++)
    stayed[i] = sim.pop.stage[i] >= Stage.FIRST && sim.pop.stage[i] <= Stage.ADVOCATE ? 1 : 0;
  return { hit, voiced, stayed };
}

export interface Handlings {
  quickly: Handling;
  resolved: Handling;
  unresolved: Handling;
}
export const HANDLINGS: Handlings = { quickly: QUICKLY, resolved: RESOLVED, unresolved: UNRESOLVED };

/**
 * Stay rates: resolved quickly, resolved, unresolved, silent; and the quickly resolved customers'
 * stay in the same world without the failure.
 */
export function stayRates(lab: Lab, k: number, h: Handlings = HANDLINGS): number[] {
  return lab.shared(`complaints:${k}:${JSON.stringify(h)}`, () => {
    const q = outcome(lab, k, h.quickly, true);
    const r = outcome(lab, k, h.resolved, true);
    const u = outcome(lab, k, h.unresolved, true);
    const never = outcome(lab, k, h.quickly, false);
    const n = design.people;
    const voicedIn = (o: Outcome) => (i: number) => o.hit[i] === 1 && o.voiced[i] === 1;
    const stay = (o: Outcome) => (i: number) => o.stayed[i] === 1;
    return [
      shareWhere(n, voicedIn(q), stay(q)),
      shareWhere(n, voicedIn(r), stay(r)),
      shareWhere(n, voicedIn(u), stay(u)),
      shareWhere(n, (i) => q.hit[i] === 1 && q.voiced[i] === 0, stay(q)),
      // the same customers as the first figure, in the world where the failure never happened
      shareWhere(n, voicedIn(q), stay(never)),
    ];
  });
}

const source = {
  en: 'TARP, reported by Fast Company 2003 (secondary)',
  zh: 'TARP，Fast Company 2003 转述（二手）',
};

export const complaintOutcomes: Check = {
  id: 'complaint-outcomes',
  group: 'complaints',
  title: { en: 'Complaint outcome and staying', zh: '投诉结果与留存' },
  published: {
    en: 'Stay: resolved quickly 95 %, resolved 70 %, unresolved 46 %, silent 37 % (small losses)',
    zh: '留存：快速解决95%，解决70%，未解决46%，沉默37%（小损失）',
  },
  accepted: {
    en: 'ordered: resolved quickly > resolved > unresolved ≥ silent',
    zh: '顺序：快速解决 > 解决 > 未解决 ≥ 沉默',
  },
  source,
  design,
  figures: [
    { label: { en: 'Stay, resolved quickly', zh: '留存：快速解决' }, unit: 'share' },
    { label: { en: 'Stay, resolved', zh: '留存：解决' }, unit: 'share' },
    { label: { en: 'Stay, unresolved', zh: '留存：未解决' }, unit: 'share' },
    { label: { en: 'Stay, silent', zh: '留存：沉默' }, unit: 'share' },
  ],
  sample: (lab, k) => stayRates(lab, k).slice(0, 4),
  judge: (samples) =>
    all(
      atLeast(columnDifference(samples, 1, 0), Number.MIN_VALUE), // quickly − resolved > 0
      atLeast(columnDifference(samples, 2, 1), Number.MIN_VALUE), // resolved − unresolved > 0
      atLeast(columnDifference(samples, 3, 2), 0), // unresolved − silent ≥ 0
    ),
};

export const recoveryRetention: Check = {
  id: 'recovery-retention',
  group: 'complaints',
  title: { en: 'Recovered customers’ retention', zh: '补救后客户的留存' },
  published: {
    en: 'Recovery paradox significant on satisfaction, not on repurchase intention or word of mouth',
    zh: '补救悖论对满意度显著，对再购意向与口碑不显著',
  },
  accepted: {
    en: 'retention of quickly recovered customers not above the same customers’ without the failure',
    zh: '快速补救客户的留存不高于同一批客户未遭遇失误时的留存',
  },
  source: {
    en: 'de Matos, Henrique & Rossi 2007, JSR 10(1)',
    zh: 'de Matos、Henrique 与 Rossi 2007，JSR 10(1)',
  },
  design,
  figures: [
    { label: { en: 'Stay, failed and resolved quickly', zh: '留存：失误后快速解决' }, unit: 'share' },
    { label: { en: 'Stay, same customers, no failure', zh: '留存：同一批客户，无失误' }, unit: 'share' },
  ],
  sample: (lab, k) => {
    const r = stayRates(lab, k);
    return [r[0], r[4]];
  },
  judge: (samples) => within(columnDifference(samples, 1, 0), Number.NEGATIVE_INFINITY, 0),
};
