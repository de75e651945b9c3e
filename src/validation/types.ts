/**
 * The validation suite's vocabulary: a check compares one mechanism's effect in the shipped worlds
 * with a published figure (docs/evidence.md §2). Pure TypeScript: runs in Node, a worker or a test.
 */
import type { Interval } from '../analysis/stats.ts';
import type { Lab } from './lab.ts';

export interface Text {
  en: string;
  zh: string;
}

/** How a figure is shown: a ratio (0.52), a share (52 %), a score (NPS), or an elasticity ratio (3.4×). */
export type Unit = 'ratio' | 'share' | 'score' | 'times' | 'change';

export interface FigureSpec {
  label: Text;
  unit: Unit;
}

/** Which shipped worlds a check runs, how big, how long, under which seed, and how it compares them. */
export interface Design {
  /** Library ids (scenarios/<id>.json), read through the scenario parser. */
  worlds: string[];
  /** People in the market: each world is scaled to this size (see scaleWorld). */
  people: number;
  months: number;
  /** Replication k of every world of the check runs with (seed, k): common random numbers. */
  seed: string;
  /** Replications the suite runs by default (tests, `npm run validate`, the page). */
  replications: number;
  /** What is compared with what, in words. */
  text: Text;
}

export interface Verdict {
  /** The model's figure lies where the published one does. */
  met: boolean;
  /** The 95 % intervals lie wholly on one side of every bound, so noise cannot flip `met`. */
  clear: boolean;
}

export interface Check {
  id: string;
  /** Checks of one group share their simulations within a replication. */
  group: string;
  title: Text;
  /** The published figure, as the source states it. */
  published: Text;
  /** The range the model must reach, in words (evidence.md's "checks these suggest"). */
  accepted: Text;
  source: Text;
  design: Design;
  /** What `sample` returns for one replication, in order. */
  figures: FigureSpec[];
  /** Replication k's figures (one number each; NaN where a replication has nothing to measure). */
  sample(lab: Lab, k: number): number[];
  /** The verdict from every replication's figures (rows: replications) and their intervals. */
  judge(samples: number[][], intervals: Interval[]): Verdict;
}

/**
 * met: the model reaches the figure. departure: it does not, and the registry says why.
 * notMet: it does not, and nothing says why (a regression or a new failure). resolved: marked as a
 * known departure but now met — the marking should go.
 */
export type Status = 'met' | 'departure' | 'notMet' | 'resolved';

export interface CheckResult {
  check: Check;
  replications: number;
  samples: number[][];
  intervals: Interval[];
  verdict: Verdict;
  /** The reason from the known-departure list, or null. */
  departure: Text | null;
  status: Status;
}
