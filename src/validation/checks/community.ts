/** What joining the community does to a member's spending: the same people with and without it. */
import { Flag } from '../../engine/index.ts';
import { within } from '../judge.ts';
import type { Check, Design } from '../types.ts';

const PLAN = 'plans/community-led';

const design: Design = {
  worlds: [PLAN],
  people: 8_000,
  months: 24,
  seed: 'validation/community',
  replications: 6,
  text: {
    en: 'The community-led plan against the same plan with the community switched off (same seeds). Joiners are the customers who joined in the plan; their revenue after the month they joined, in each world.',
    zh: '社群驱动方案对比关闭社群的同一方案（相同随机数）。加入者为方案中加入社群的客户；比较他们加入当月之后在两个世界中的营收。',
  },
};

export const communityLift: Check = {
  id: 'community-lift',
  group: 'community',
  title: { en: 'Community membership', zh: '社群会员' },
  published: {
    en: '19 % of joiners’ later revenue caused by joining (retailer); no revenue effect (eBay field experiment)',
    zh: '加入者此后营收的19%由加入带来（零售商）；eBay实地实验未发现营收效应',
  },
  accepted: { en: 'causal revenue lift in [−5 %, +20 %]', zh: '因果营收提升在 [−5%, +20%]' },
  source: {
    en: 'Manchanda, Packard & Pattabhiramaiah 2015, Marketing Science 34(3); Algesheimer et al. 2010, Marketing Science 29(4)',
    zh: 'Manchanda、Packard 与 Pattabhiramaiah 2015，Marketing Science 34(3)；Algesheimer 等 2010，Marketing Science 29(4)',
  },
  design,
  figures: [
    {
      label: { en: 'Joiners’ later revenue, with ÷ without − 1', zh: '加入者此后营收，有社群 ÷ 无社群 − 1' },
      unit: 'change',
    },
  ],
  sample(lab, k) {
    const n = design.people;
    const joined = new Int16Array(n).fill(-1);
    const atJoinWith = new Float64Array(n);
    const withIt = lab.run(lab.world(PLAN, n, design.months), design.seed, k, {
      after(sim) {
        const p = sim.pop;
        for (let i = 0; i < n; i++) {
          if (joined[i] < 0 && p.flags[i] & Flag.MEMBER) {
            joined[i] = sim.t;
            atJoinWith[i] = p.revenue[i];
          }
        }
      },
    });
    const atJoinWithout = new Float64Array(n);
    const without = lab.run(
      lab.world(PLAN, n, design.months, (s) => {
        s.levers.community.levelPct = 0;
      }),
      design.seed,
      k,
      {
        after(sim) {
          for (let i = 0; i < n; i++) if (joined[i] === sim.t) atJoinWithout[i] = sim.pop.revenue[i];
        },
      },
    );
    let a = 0;
    let b = 0;
    for (let i = 0; i < n; i++) {
      if (joined[i] < 0) continue;
      a += withIt.pop.revenue[i] - atJoinWith[i];
      b += without.pop.revenue[i] - atJoinWithout[i];
    }
    return [a / b - 1];
  },
  judge: (_, [lift]) => within(lift, -0.05, 0.2),
};
