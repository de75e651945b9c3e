/**
 * Positive against negative word of mouth. The engine counts successful referrals but neither the
 * recommendations that did not convert nor the warnings, so both are counted here in expectation from
 * the customers' state after each month, with the engine's own rules (wordOfMouth.ts and the `talk`
 * phase, month/talk.ts): a customer with a contact recommends with probability referralProbability
 * (score, sociability, community, advocate), and one who suffered a failure in silence and would not
 * recommend (score ≤ 6) warns a contact with probability WORD_OF_MOUTH.warnProbability. Online
 * reviews are left out: East et al. count advice between people. If the engine ever counts
 * `recommendations` and `warnings` itself (metrics of those names), those counts are used instead.
 */
import { Flag, METRIC_INDEX, type Simulation, Stage } from '../../engine/index.ts';
import { createLeverState, resolveLevers } from '../../engine/levers.ts';
import { referralProbability, WORD_OF_MOUTH } from '../../engine/wordOfMouth.ts';
import { within } from '../judge.ts';
import type { Watch } from '../lab.ts';
import type { Check, Design } from '../types.ts';

const BASE = 'baselines/neighbourhood';

const design: Design = {
  worlds: [BASE],
  people: 8_000,
  months: 24,
  seed: 'validation/word-of-mouth',
  replications: 8,
  text: {
    en: 'The baseline over 24 months: recommendations to a contact against warnings to a contact, all months summed (expected counts from each customer’s month; see the note in the code).',
    zh: '基线24个月：向联系人推荐的次数对比向联系人发出警告的次数，各月合计（由每位客户当月状态计算的期望次数）。',
  },
};

export interface WordOfMouthCounts {
  positive: number;
  negative: number;
  watch: Watch;
}

/** Expected recommendations and warnings, month by month, from the customers' state around each month. */
export function countWordOfMouth(n: number): WordOfMouthCounts {
  const active = new Uint8Array(n);
  const silent = new Uint16Array(n);
  const lev = createLeverState();
  const out: WordOfMouthCounts = {
    positive: 0,
    negative: 0,
    watch: {
      before(sim) {
        const p = sim.pop;
        for (let i = 0; i < n; i++)
          active[i] = p.stage[i] >= Stage.FIRST && p.stage[i] <= Stage.ADVOCATE ? 1 : 0;
        silent.set(p.silent);
      },
      after(sim: Simulation) {
        const p = sim.pop;
        const { offsets } = sim.net;
        const segs = sim.scenario.population.segments;
        resolveLevers(sim.scenario, sim.t, lev);
        for (let i = 0; i < n; i++) {
          // Customers who were customers when the month began are the ones who talked in it.
          if (!active[i] || offsets[i + 1] === offsets[i]) continue;
          const sc = p.score[i];
          const member = p.flags[i] & Flag.MEMBER ? lev.community : 0;
          out.positive += referralProbability(
            sc,
            segs[p.segment[i]].socialActivity,
            member,
            p.stage[i] === Stage.ADVOCATE,
          );
          if (p.silent[i] > silent[i] && sc <= 6) out.negative += WORD_OF_MOUTH.warnProbability;
        }
      },
    },
  };
  return out;
}

/** The engine's own counts, if it keeps them (summed over the run), else null. */
function engineCounts(sim: Simulation): { positive: number; negative: number } | null {
  const idx = METRIC_INDEX as Record<string, number | undefined>;
  const pos = idx.recommendations;
  const neg = idx.warnings;
  if (pos === undefined || neg === undefined) return null;
  const sum = (k: number) =>
    sim.metrics.subarray(k * sim.months, (k + 1) * sim.months).reduce((a, b) => a + b, 0);
  return { positive: sum(pos), negative: sum(neg) };
}

export const wordOfMouthBalance: Check = {
  id: 'word-of-mouth',
  group: 'word-of-mouth',
  title: { en: 'Positive vs negative word of mouth', zh: '正面与负面口碑' },
  published: {
    en: 'About 3 positive for every negative',
    zh: '约每1条负面对应3条正面',
  },
  accepted: { en: 'positive : negative between 2 : 1 and 4 : 1', zh: '正面 : 负面 在 2:1 与 4:1 之间' },
  source: {
    en: 'East, Hammond & Wright 2007; East, Hammond & Lomax 2008, IJRM',
    zh: 'East、Hammond 与 Wright 2007；East、Hammond 与 Lomax 2008，IJRM',
  },
  design,
  figures: [{ label: { en: 'Positive ÷ negative events', zh: '正面 ÷ 负面 次数' }, unit: 'ratio' }],
  sample(lab, k) {
    const c = countWordOfMouth(design.people);
    const sim = lab.run(lab.world(BASE, design.people, design.months), design.seed, k, c.watch);
    const own = engineCounts(sim);
    return [own ? own.positive / own.negative : c.positive / c.negative];
  },
  judge: (_, [ratio]) => within(ratio, 2, 4),
};
