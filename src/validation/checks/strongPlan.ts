/** Lever effects of believable size: what the shipped strong plan reaches. */
import { series } from '../../engine/index.ts';
import { atMost } from '../judge.ts';
import type { Lab } from '../lab.ts';
import type { Check, Design } from '../types.ts';

const PLAN = 'plans/three-dimension-balanced';

const design: Design = {
  worlds: [PLAN],
  people: 8_000,
  months: 36,
  seed: 'validation/strong-plan',
  replications: 4,
  text: {
    en: 'The three-dimension balanced plan over 36 months: NPS over the last 3 months; the share of new customers who came by referral over the last 12 months.',
    zh: '三维均衡方案运行36个月：最后3个月的NPS；最后12个月新客中转介绍而来的比例。',
  },
};

function plan(lab: Lab, k: number): { nps: number; referral: number } {
  return lab.shared(`strong-plan:${k}`, () => {
    const sim = lab.run(lab.world(PLAN, design.people, design.months), design.seed, k);
    const nps = series(sim.metrics, sim.months, 'nps').subarray(sim.months - 3);
    const referral = series(sim.metrics, sim.months, 'referralRate');
    return { nps: nps.reduce((a, b) => a + b, 0) / nps.length, referral: referral[sim.months - 1] };
  });
}

export const strongPlanNps: Check = {
  id: 'strong-plan-nps',
  group: 'strong-plan',
  title: { en: 'NPS of a strong plan', zh: '强力方案的NPS' },
  published: { en: 'Best firms about +65 (press releases)', zh: '最佳企业约+65（新闻稿）' },
  accepted: { en: 'NPS ≤ +65', zh: 'NPS ≤ +65' },
  source: { en: 'Temkin Group 2017/2018', zh: 'Temkin Group 2017/2018' },
  design,
  figures: [{ label: { en: 'NPS, last 3 months', zh: 'NPS（最后3个月）' }, unit: 'score' }],
  sample: (lab, k) => [plan(lab, k).nps],
  judge: (_, [nps]) => atMost(nps, 65),
};

export const strongPlanReferrals: Check = {
  id: 'strong-plan-referrals',
  group: 'strong-plan',
  title: { en: 'Referral share of a strong plan', zh: '强力方案的转介绍占比' },
  published: {
    en: 'A share of new customers a service business could have (a plausibility bound set by Loyalty Lab; no published benchmark)',
    zh: '服务企业可能达到的新客占比（忠诚度实验室设定的合理上限；无公开基准）',
  },
  accepted: { en: 'referral share of new customers ≤ 30 %', zh: '新客中转介绍占比 ≤ 30%' },
  source: { en: 'Loyalty Lab’s plausibility bound', zh: '忠诚度实验室的合理上限' },
  design,
  figures: [
    {
      label: { en: 'Referral share of new customers, last 12 months', zh: '新客转介绍占比（最后12个月）' },
      unit: 'share',
    },
  ],
  sample: (lab, k) => [plan(lab, k).referral],
  judge: (_, [share]) => atMost(share, 0.3),
};
