/** A temporary promotion leaves no lasting lift: a year after it ends the world is back where it was. */
import { series } from '../../engine/index.ts';
import { within } from '../judge.ts';
import type { Lab } from '../lab.ts';
import type { Check, Design } from '../types.ts';

const PLAN = 'plans/discount-heavy';
const BASE = 'baselines/neighbourhood';
/** The plan's promotion runs in months 1–12; a year later is month 24. */
const YEAR_AFTER = 24;

const design: Design = {
  worlds: [PLAN, BASE],
  people: 8_000,
  months: YEAR_AFTER,
  seed: 'validation/promotion',
  replications: 6,
  text: {
    en: 'The discount-heavy plan (20 % off for everyone in months 1–12) against its baseline, same seeds; active customers and revenue in month 24, plan ÷ baseline − 1.',
    zh: '折扣主导方案（第1–12个月全员八折）对比其基线，相同随机数；第24个月的活跃客户与营收，方案 ÷ 基线 − 1。',
  },
};

function yearAfter(lab: Lab, k: number): { active: number; revenue: number } {
  return lab.shared(`promotion:${k}`, () => {
    const plan = lab.run(lab.world(PLAN, design.people, design.months), design.seed, k);
    const base = lab.run(lab.world(BASE, design.people, design.months), design.seed, k);
    const at = (sim: typeof plan, m: 'active' | 'revenue') =>
      series(sim.metrics, sim.months, m)[YEAR_AFTER - 1];
    return {
      active: at(plan, 'active') / at(base, 'active') - 1,
      revenue: at(plan, 'revenue') / at(base, 'revenue') - 1,
    };
  });
}

const common = {
  group: 'promotion',
  published: {
    en: 'Permanent effects "virtually absent": sales return to baseline after a promotion',
    zh: '持久效应"几乎不存在"：促销结束后销量回到基线',
  },
  source: {
    en: 'Pauwels, Hanssens & Siddarth 2002, JMR 39(4)',
    zh: 'Pauwels、Hanssens 与 Siddarth 2002，JMR 39(4)',
  },
  design,
};

export const promotionActive: Check = {
  ...common,
  id: 'promotion-active',
  title: { en: 'A year after a promotion: active customers', zh: '促销结束一年后：活跃客户' },
  accepted: { en: 'within ±5 % of the world without it', zh: '与无促销世界相差在 ±5% 以内' },
  figures: [
    {
      label: { en: 'Active customers, plan ÷ baseline − 1', zh: '活跃客户，方案 ÷ 基线 − 1' },
      unit: 'change',
    },
  ],
  sample: (lab, k) => [yearAfter(lab, k).active],
  judge: (_, [d]) => within(d, -0.05, 0.05),
};

export const promotionSales: Check = {
  ...common,
  id: 'promotion-sales',
  title: { en: 'A year after a promotion: monthly sales', zh: '促销结束一年后：月销售额' },
  accepted: { en: 'within ±5 % of the world without it', zh: '与无促销世界相差在 ±5% 以内' },
  figures: [
    { label: { en: 'Monthly revenue, plan ÷ baseline − 1', zh: '月营收，方案 ÷ 基线 − 1' }, unit: 'change' },
  ],
  sample: (lab, k) => [yearAfter(lab, k).revenue],
  judge: (_, [d]) => within(d, -0.05, 0.05),
};
