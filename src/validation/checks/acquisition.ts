/** Who a business acquires, and how: discount-acquired and referred customers' long-run value. */
import { Flag, Source } from '../../engine/index.ts';
import { all, columnDifference, within } from '../judge.ts';
import type { Lab } from '../lab.ts';
import { meanWhere, shareWhere } from '../measures.ts';
import type { Check } from '../types.ts';
import { isAcquired, watchAcquisitions } from '../watches.ts';

const BASE = 'baselines/neighbourhood';

const discountDesign = {
  worlds: [BASE],
  people: 8_000,
  months: 36,
  seed: 'validation/discount',
  replications: 6,
  text: {
    en: 'The baseline with a 35 % new-customer discount in months 1–12 against the same world without it (same seeds). Customers won with the discount against customers first won in months 1–12 at full price (referrals left out); CLV is discounted margin to month 36.',
    zh: '基线加上第1–12个月35%的新客折扣，与同一世界不打折对比（相同随机数）。用折扣赢得的客户对比第1–12个月按原价首次赢得的客户（不含转介绍）；CLV为截至第36个月的折现毛利。',
  },
};

/**
 * Mean CLV of the customers won with a new-customer discount of `depthPct` in months 1–12, over the
 * mean CLV of the customers first won in those months (not by referral) in the same world without it.
 */
export function discountClvRatio(lab: Lab, k: number, depthPct: number): number {
  const d = discountDesign;
  const withDiscount = lab.world(BASE, d.people, d.months, (s) => {
    s.levers.discount.depthPct = depthPct;
    s.levers.discount.target = 'new';
    s.levers.discount.schedule = [{ from: 1, to: 12 }];
  });
  const a = lab.run(withDiscount, d.seed, k);
  const full = watchAcquisitions(d.people);
  const b = lab.run(lab.world(BASE, d.people, d.months), d.seed, k, full.watch);
  const won = meanWhere(a.pop.clv, (i) => (a.pop.flags[i] & Flag.DISCOUNT_ACQUIRED) !== 0);
  const fullPrice = meanWhere(
    b.pop.clv,
    (i) => b.pop.firstTick[i] <= 11 && isAcquired(full.source[i]) && full.source[i] !== Source.REFERRAL,
  );
  return won / fullPrice;
}

export const discountClv: Check = {
  id: 'discount-clv',
  group: 'discount',
  title: { en: 'Discount-acquired customers', zh: '折扣获客的客户' },
  published: {
    en: 'A 35 % acquisition discount → about half the long-term value of full-price acquisitions',
    zh: '35%的获客折扣 → 长期价值约为原价获客的一半',
  },
  accepted: { en: 'CLV ratio in [0.40, 0.60]', zh: 'CLV之比在 [0.40, 0.60]' },
  source: { en: 'Lewis 2006, JMR 43(2)', zh: 'Lewis 2006，JMR 43(2)' },
  design: discountDesign,
  figures: [{ label: { en: 'CLV ÷ full-price CLV', zh: 'CLV ÷ 原价客户CLV' }, unit: 'ratio' }],
  sample: (lab, k) => [discountClvRatio(lab, k, 35)],
  judge: (_, [ratio]) => within(ratio, 0.4, 0.6),
};

const referralDesign = {
  worlds: [BASE],
  people: 8_000,
  months: 36,
  seed: 'validation/referral',
  replications: 8,
  text: {
    en: 'The baseline: customers first won in months 1–24, referred against won any other way, in the same runs. CLV is discounted margin to month 36; churn is the share that lapsed within 12 months of their first purchase.',
    zh: '基线：第1–24个月首次赢得的客户，转介绍而来的对比其他途径而来的（同一批运行）。CLV为截至第36个月的折现毛利；流失为首次购买后12个月内流失的比例。',
  },
};

export const referralClv: Check = {
  id: 'referral-clv',
  group: 'referral',
  title: { en: 'Referred customers', zh: '转介绍客户' },
  published: {
    en: 'CLV at least 16 % higher, retention higher and the gap persists',
    zh: 'CLV至少高16%，留存更高且差距持续',
  },
  accepted: {
    en: 'CLV ratio in [1.10, 1.30], with lower churn',
    zh: 'CLV之比在 [1.10, 1.30]，且流失更低',
  },
  source: {
    en: 'Schmitt, Skiera & Van den Bulte 2011, JM 75(1)',
    zh: 'Schmitt、Skiera 与 Van den Bulte 2011，JM 75(1)',
  },
  design: referralDesign,
  figures: [
    { label: { en: 'CLV ÷ other new customers’ CLV', zh: 'CLV ÷ 其他新客CLV' }, unit: 'ratio' },
    { label: { en: '12-month churn, referred', zh: '12个月流失率（转介绍）' }, unit: 'share' },
    { label: { en: '12-month churn, others', zh: '12个月流失率（其他）' }, unit: 'share' },
  ],
  sample(lab, k) {
    const d = referralDesign;
    const acq = watchAcquisitions(d.people);
    const sim = lab.run(lab.world(BASE, d.people, d.months), d.seed, k, acq.watch);
    const p = sim.pop;
    const cohort = (i: number) => p.firstTick[i] <= 23 && isAcquired(acq.source[i]);
    const referred = (i: number) => cohort(i) && acq.source[i] === Source.REFERRAL;
    const other = (i: number) => cohort(i) && acq.source[i] !== Source.REFERRAL;
    const lapsed = (i: number) => acq.lapsed12[i] === 1;
    return [
      meanWhere(p.clv, referred) / meanWhere(p.clv, other),
      shareWhere(p.n, referred, lapsed),
      shareWhere(p.n, other, lapsed),
    ];
  },
  judge: (samples, [ratio]) => {
    const lowerChurn = columnDifference(samples, 2, 1); // referred − others
    return all(within(ratio, 1.1, 1.3), within(lowerChurn, Number.NEGATIVE_INFINITY, 0));
  },
};
