/**
 * Retention against margin as drivers of customer value (Gupta, Lehmann & Stuart 2004). The model has
 * no retention knob, so retention is moved by what moves it in the world: competitors' pull (fewer
 * customers are lured away; visits and spend are untouched). Margin is moved by the gross margin.
 * Both elasticities are of the same customers' value: the initial customers' discounted margin over
 * seven years, long enough for most of their value to have been earned (Gupta et al. value customers
 * over an infinite horizon).
 */
import { series } from '../../engine/index.ts';
import { NEVER } from '../../engine/state.ts';
import { within } from '../judge.ts';
import { arcElasticity, meanWhere } from '../measures.ts';
import type { Check, Design } from '../types.ts';

const BASE = 'baselines/neighbourhood';
const COMPETITOR_CUT_PCT = 20;
const MARGIN_STEP = 1.01;

const design: Design = {
  worlds: [BASE],
  people: 5_000,
  months: 84,
  seed: 'validation/elasticity',
  replications: 5,
  text: {
    en: `The baseline over 7 years (5,000 people) against the same world with competitors ${COMPETITOR_CUT_PCT} points less attractive (retention up) and against the same world with a 1 % higher gross margin; same seeds. Value: the initial customers’ discounted margin; retention: the world’s mean 12-month retention.`,
    zh: `基线运行7年（5,000人），对比竞争者吸引力降低${COMPETITOR_CUT_PCT}个百分点（留存上升）的同一世界，以及毛利率提高1%的同一世界；相同随机数。价值：初始客户的折现毛利；留存：世界的平均12个月留存率。`,
  },
};

export const retentionElasticity: Check = {
  id: 'retention-elasticity',
  group: 'elasticity',
  title: { en: 'Retention against margin', zh: '留存与毛利的作用对比' },
  published: {
    en: '+1 % retention ≈ +5 % customer value, against +1 % for +1 % margin',
    zh: '留存率+1% ≈ 客户价值+5%，而毛利+1%带来+1%',
  },
  accepted: {
    en: 'CLV’s elasticity to retention 3–5 × its elasticity to margin',
    zh: 'CLV对留存的弹性为对毛利弹性的3–5倍',
  },
  source: { en: 'Gupta, Lehmann & Stuart 2004, JMR 41(1)', zh: 'Gupta、Lehmann 与 Stuart 2004，JMR 41(1)' },
  design,
  figures: [
    { label: { en: 'Elasticity to retention ÷ to margin', zh: '对留存弹性 ÷ 对毛利弹性' }, unit: 'times' },
    { label: { en: 'Elasticity to retention', zh: '对留存的弹性' }, unit: 'ratio' },
    { label: { en: 'Elasticity to margin', zh: '对毛利的弹性' }, unit: 'ratio' },
  ],
  sample(lab, k) {
    const d = design;
    const measure = (edit?: Parameters<typeof lab.world>[3]) => {
      const sim = lab.run(lab.world(BASE, d.people, d.months, edit), d.seed, k);
      const initial = (i: number) => sim.pop.firstTick[i] < 0 && sim.pop.firstTick[i] !== NEVER;
      const r = series(sim.metrics, sim.months, 'renewal12').subarray(12);
      return {
        clv: meanWhere(sim.pop.clv, initial),
        retention: r.reduce((a, b) => a + b, 0) / r.length,
        margin: sim.scenario.economics.grossMarginPct,
      };
    };
    const base = measure();
    const loyal = measure((s) => {
      s.market.competitorAttractivenessPct = Math.max(
        0,
        s.market.competitorAttractivenessPct - COMPETITOR_CUT_PCT,
      );
    });
    const richer = measure((s) => {
      s.economics.grossMarginPct *= MARGIN_STEP;
    });
    const toRetention = arcElasticity(base.clv, loyal.clv, base.retention, loyal.retention);
    const toMargin = arcElasticity(base.clv, richer.clv, base.margin, richer.margin);
    return [toRetention / toMargin, toRetention, toMargin];
  },
  judge: (_, [ratio]) => within(ratio, 3, 5),
};
