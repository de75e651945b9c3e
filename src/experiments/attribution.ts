/**
 * Where a plan's effect comes from: the paired difference plan − baseline split into the parts due
 * to its value, emotion, experience and organisation levers by Shapley values over those four lever
 * groups, plus the interaction part (the total minus the sum of each group applied alone).
 *
 * Every subset of the plan's changed groups is applied to the baseline and run on the same seeds
 * (replication k of every subset shares its customers and draws), so the parts of one replication
 * add up to that replication's difference exactly, and their intervals over replications are paired.
 * docs/model.md, "Attribution over lever groups", gives the formula, why Shapley and the mapping.
 */

import { scenarioDiff } from '../analysis/scenarioDiff.ts';
import { type Interval, interval } from '../analysis/stats.ts';
import type { Levers, Scenario } from '../engine/index.ts';
import type { OutcomeId } from '../scenario/experimentSchema.ts';
import { LEVER_GROUPS } from '../scenario/migrations.ts';
import type { Evaluator, Task } from './measure.ts';

export const GROUPS = ['value', 'emotion', 'experience', 'organisation'] as const;
export type Group = (typeof GROUPS)[number];

/** The outcomes the attribution offers (Compare page and lesson): what a strategist asks about. */
export const ATTRIBUTION_OUTCOMES = ['profit', 'retention12', 'meanClv', 'nps', 'referralRate'] as const;

/**
 * Which group a lever belongs to: the scenario file's own grouping (src/scenario/migrations.ts), which
 * follows the source's classification (docs/model.md, "Attribution over lever groups").
 */
export function groupOf(lever: string): Group {
  const g = GROUPS.find((x) => LEVER_GROUPS[x].includes(lever));
  if (!g) throw new Error(`lever ${lever} belongs to no dimension`);
  return g;
}

/** A subset of the four groups as a bit mask (bit k = GROUPS[k]). */
export type Mask = number;
const FULL: Mask = (1 << GROUPS.length) - 1;
const bits = (m: Mask) => GROUPS.filter((_, k) => m & (1 << k)).length;

export interface AttributionDesign {
  /** Groups whose levers the plan changes, as a mask. */
  changed: Mask;
  /** Every subset of `changed` (2^k of them, the empty set first): each is run. */
  subsets: Mask[];
  /** Whether the plan also differs outside its levers (market, population…): then it is run too. */
  otherChanges: boolean;
  /** Paths the plan changes outside the levers. */
  otherPaths: string[];
}

/** What must be run to attribute `plan`'s effect against `baseline`. */
export function attributionDesign(baseline: Scenario, plan: Scenario): AttributionDesign {
  let changed = 0;
  const otherPaths: string[] = [];
  for (const d of scenarioDiff(baseline, plan)) {
    const [top, lever] = d.path.split('.');
    if (top === 'levers') changed |= 1 << GROUPS.indexOf(groupOf(lever));
    else otherPaths.push(d.path);
  }
  const subsets: Mask[] = [];
  for (let m = 0; m <= FULL; m++) if ((m & changed) === m) subsets.push(m);
  return { changed, subsets, otherChanges: otherPaths.length > 0, otherPaths };
}

/** The baseline with the plan's levers of the groups in `mask` (everything else the baseline's). */
export function subsetScenario(baseline: Scenario, plan: Scenario, mask: Mask): Scenario {
  const levers = structuredClone(baseline.levers);
  const from = plan.levers as unknown as Record<string, unknown>;
  const into = levers as unknown as Record<string, unknown>;
  for (const [k, g] of GROUPS.entries())
    if (mask & (1 << k)) for (const lever of LEVER_GROUPS[g]) into[lever] = structuredClone(from[lever]);
  return {
    ...baseline,
    name: `${baseline.name} + ${groupsIn(mask).join('+') || '∅'}`,
    levers: levers as Levers,
  };
}

export const groupsIn = (mask: Mask): Group[] => GROUPS.filter((_, k) => mask & (1 << k));

const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));

/** One replication's split. `parts` sum to `total` (to rounding); `interaction` = total − Σ alone − other. */
export interface ReplicationSplit {
  replication: number;
  /** Shapley value of each group. */
  parts: Record<Group, number>;
  /** Each group applied alone to the baseline: v({g}) − v(∅). */
  alone: Record<Group, number>;
  /** What the plan's changes outside its levers add: plan − (baseline + all the plan's levers). */
  other: number;
  interaction: number;
  total: number;
}

/**
 * Shapley values over the four groups from v(S) for every subset S of the changed groups (a group
 * the plan leaves alone adds nothing to any coalition: v(S ∪ {g}) = v(S), its value is 0):
 * φ_g = Σ_{S ⊆ N∖{g}} |S|! (n − |S| − 1)! / n! · (v(S ∪ {g}) − v(S)), n = 4.
 */
export function split(
  v: ReadonlyMap<Mask, number>,
  changed: Mask,
  replication: number,
  planValue?: number,
): ReplicationSplit {
  const at = (m: Mask) => {
    const x = v.get(m & changed);
    if (x === undefined) throw new Error(`subset ${groupsIn(m & changed).join('+') || '∅'} was not run`);
    return x;
  };
  const n = GROUPS.length;
  const parts = {} as Record<Group, number>;
  const alone = {} as Record<Group, number>;
  for (const [k, g] of GROUPS.entries()) {
    const bit = 1 << k;
    let phi = 0;
    for (let s = 0; s <= FULL; s++) {
      if (s & bit) continue;
      const size = bits(s);
      phi += ((factorial(size) * factorial(n - size - 1)) / factorial(n)) * (at(s | bit) - at(s));
    }
    parts[g] = phi;
    alone[g] = at(bit) - at(0);
  }
  const levers = at(FULL) - at(0);
  const other = planValue === undefined ? 0 : planValue - at(FULL);
  const total = levers + other;
  const interaction = levers - GROUPS.reduce((a, g) => a + alone[g], 0);
  return { replication, parts, alone, other, interaction, total };
}

export interface AttributionRow {
  /** A group, or the interaction part, or the plan's changes outside its levers, or the total. */
  part: Group | 'interaction' | 'other' | 'total';
  /** The Shapley part (for a group), else the part itself; 95 % paired interval over replications. */
  value: Interval;
  /** For a group: its effect applied alone. */
  alone?: Interval;
}

export interface Attribution {
  outcome: OutcomeId;
  seed: number | string;
  replications: number;
  design: AttributionDesign;
  splits: ReplicationSplit[];
  rows: AttributionRow[];
}

/** The table: the four Shapley parts (with each group alone), the interaction, anything else, the total. */
export function summariseSplits(splits: ReplicationSplit[], otherChanges: boolean): AttributionRow[] {
  const rows: AttributionRow[] = GROUPS.map((g) => ({
    part: g,
    value: interval(splits.map((s) => s.parts[g])),
    alone: interval(splits.map((s) => s.alone[g])),
  }));
  rows.push({ part: 'interaction', value: interval(splits.map((s) => s.interaction)) });
  if (otherChanges) rows.push({ part: 'other', value: interval(splits.map((s) => s.other)) });
  rows.push({ part: 'total', value: interval(splits.map((s) => s.total)) });
  return rows;
}

/** Outcomes already measured on the same seeds (a comparison's baseline and plan runs): not run again. */
export interface Known {
  baseline?: readonly number[];
  plan?: readonly number[];
}

/** Runs the attribution needs beyond what is `known`: subsets × replications, plus the plan if it differs elsewhere. */
export function attributionCost(design: AttributionDesign, replications: number, known: Known = {}): number {
  return attributionTasks(design, replications, known).length;
}

interface Slot {
  mask: Mask | 'plan';
  replication: number;
}

function attributionTasks(design: AttributionDesign, replications: number, known: Known): Slot[] {
  const out: Slot[] = [];
  const full = design.changed;
  for (let k = 0; k < replications; k++) {
    for (const m of design.subsets) {
      if (m === 0 && known.baseline) continue;
      // Without changes elsewhere, the baseline with all the plan's levers is the plan itself.
      if (m === full && !design.otherChanges && known.plan && m !== 0) continue;
      out.push({ mask: m, replication: k });
    }
    if (design.otherChanges && !known.plan) out.push({ mask: 'plan', replication: k });
  }
  return out;
}

/**
 * Attributes `plan`'s effect on `outcome` against `baseline` over replications 0…R−1 of `seed`,
 * running what is not `known` through `evaluate` (the worker pool in the app, this thread in the CLI).
 */
export async function attribute(
  baseline: Scenario,
  plan: Scenario,
  outcome: OutcomeId,
  seed: number | string,
  replications: number,
  evaluate: Evaluator,
  known: Known = {},
  onDone?: (finished: number, total: number) => void,
): Promise<Attribution> {
  const design = attributionDesign(baseline, plan);
  const slots = attributionTasks(design, replications, known);
  const scenarios = new Map<Mask, Scenario>(
    design.subsets.map((m) => [m, subsetScenario(baseline, plan, m)]),
  );
  const tasks: Task[] = slots.map((s) => ({
    scenario: s.mask === 'plan' ? plan : scenarios.get(s.mask)!,
    seed,
    replication: s.replication,
  }));
  const ms = await evaluate(tasks, outcome, (n) => onDone?.(n, tasks.length));
  const v = Array.from({ length: replications }, () => new Map<Mask, number>());
  const planValues: number[] = known.plan ? [...known.plan] : [];
  slots.forEach((s, i) => {
    if (s.mask === 'plan') planValues[s.replication] = ms[i].outcome;
    else v[s.replication].set(s.mask, ms[i].outcome);
  });
  const splits = v.map((vk, k) => {
    if (known.baseline) vk.set(0, known.baseline[k]);
    if (!vk.has(design.changed) && known.plan) vk.set(design.changed, known.plan[k]);
    return split(vk, design.changed, k, design.otherChanges ? planValues[k] : undefined);
  });
  return {
    outcome,
    seed,
    replications,
    design,
    splits,
    rows: summariseSplits(splits, design.otherChanges),
  };
}

/** The table as CSV: one row per part, with the mean and 95 % paired interval, and each group alone. */
export function attributionCsv(a: Attribution, labels: { baseline: string; plan: string }): string {
  const q = (s: string) => JSON.stringify(s);
  const n = (x: number | undefined) => (x !== undefined && Number.isFinite(x) ? String(x) : '');
  const lines = ['baseline,plan,outcome,seed,replications,part,mean,lo,hi,alone_mean,alone_lo,alone_hi'];
  for (const r of a.rows)
    lines.push(
      [
        q(labels.baseline),
        q(labels.plan),
        a.outcome,
        q(String(a.seed)),
        a.replications,
        r.part,
        n(r.value.mean),
        n(r.value.lo),
        n(r.value.hi),
        n(r.alone?.mean),
        n(r.alone?.lo),
        n(r.alone?.hi),
      ].join(','),
    );
  return `${lines.join('\n')}\n`;
}
