/**
 * Budget optimiser for noisy simulations: every candidate mix is run with the same seeds (common
 * random numbers), which turns the noisy objective into a deterministic, nearly smooth function of the
 * mix; a space-filling start (Halton points) then a compass search (poll ± a step along each lever,
 * move to the best feasible improvement, halve the step when none) finds its maximum without
 * derivatives; near the budget it also trades one lever for another (single-lever moves alone stall
 * on the budget line). Mixes whose mean monthly lever spend exceeds the budget are infeasible. The search is
 * an ask/tell machine, so the same code runs synchronously (command line, tests) and on a worker pool.
 */
import { type Interval, interval, mean } from '../analysis/stats.ts';
import type { Optimise } from '../scenario/experimentSchema.ts';
import type { Point } from './design.ts';

export interface Candidate {
  /** Normalised position in [0, 1]^d. */
  u: number[];
  point: Point;
}

export interface Evaluation extends Candidate {
  objective: Interval;
  /** Mean monthly lever spend (money). */
  spend: number;
  feasible: boolean;
  /** Order of evaluation, from 0. */
  index: number;
}

const FIRST_STEP = 0.25;
const SMALLEST_STEP = 1 / 64;
const EPS = 1e-9;
/** Within this share of the budget, the poll also trades levers against each other. */
const NEAR_BUDGET = 0.8;

/** The i-th point of the Halton sequence in d dimensions (bases: the first primes). */
export function halton(i: number, d: number): number[] {
  const primes = [2, 3, 5, 7, 11, 13, 17, 19];
  return Array.from({ length: d }, (_, j) => {
    let f = 1;
    let r = 0;
    let n = i;
    const b = primes[j];
    while (n > 0) {
      f /= b;
      r += f * (n % b);
      n = Math.floor(n / b);
    }
    return r;
  });
}

export class BudgetSearch {
  readonly history: Evaluation[] = [];
  /** Best feasible objective after each evaluation (NaN until one is feasible): the convergence curve. */
  readonly trace: number[] = [];
  private step = FIRST_STEP;
  private centre: Evaluation | null = null;
  private pending: Candidate[] = [];
  private readonly seen = new Set<string>();
  private started = false;

  constructor(
    readonly e: Optimise,
    /** The scenario's own values of the levers, where the search starts. */
    private readonly start: number[],
  ) {}

  get done(): boolean {
    return this.history.length >= this.e.evaluations || (this.started && this.step < SMALLEST_STEP);
  }

  private candidate(u: number[]): Candidate {
    const point: Point = {};
    this.e.levers.forEach((l, j) => {
      point[l.path] = l.min + (l.max - l.min) * u[j];
    });
    return { u, point };
  }

  private fresh(us: number[][]): Candidate[] {
    const out: Candidate[] = [];
    for (const u of us) {
      const c = u.map((x) => Math.min(1, Math.max(0, x)));
      const key = c.map((x) => x.toFixed(9)).join(',');
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      out.push(this.candidate(c));
    }
    return out.slice(0, this.e.evaluations - this.history.length);
  }

  /** The next batch of mixes to evaluate (all may run in parallel); empty when the search is over. */
  ask(): Candidate[] {
    if (this.done) return [];
    const d = this.e.levers.length;
    if (!this.started) {
      this.started = true;
      const u0 = this.e.levers.map((l, j) => (this.start[j] - l.min) / (l.max - l.min));
      const design = [u0, u0.map(() => 0)];
      for (let i = 1; design.length < Math.max(6, 2 * d + 2); i++) design.push(halton(i, d));
      this.pending = this.fresh(design);
      return this.pending;
    }
    for (;;) {
      const c = this.centre!.u;
      const poll: number[][] = [];
      for (let j = 0; j < d; j++)
        for (const s of [this.step, -this.step]) poll.push(c.map((x, k) => (k === j ? x + s : x)));
      // Against the budget, single-lever moves either overspend or lose: trade one lever for another
      // so the search can slide along the budget line.
      if (this.centre!.spend >= NEAR_BUDGET * this.e.monthlyBudget)
        for (let i = 0; i < d; i++)
          for (let j = 0; j < d; j++)
            if (i !== j) poll.push(c.map((x, k) => (k === i ? x + this.step : k === j ? x - this.step : x)));
      this.pending = this.fresh(poll);
      if (this.pending.length > 0 || this.done) return this.pending;
      this.step /= 2; // everything around was seen: look closer
      if (this.done) return [];
    }
  }

  /** Results for the batch `ask` returned, in the same order: per replication, outcome and spend. */
  tell(results: { values: number[]; spends: number[] }[]): void {
    if (results.length !== this.pending.length) throw new Error('tell() needs one result per asked mix');
    const before = this.centre;
    results.forEach((r, k) => {
      const spend = mean(r.spends);
      const ev: Evaluation = {
        ...this.pending[k],
        objective: interval(r.values),
        spend,
        feasible: spend <= this.e.monthlyBudget * (1 + EPS) + EPS,
        index: this.history.length,
      };
      this.history.push(ev);
      if (this.better(ev, this.centre)) this.centre = ev;
      this.trace.push(this.centre?.feasible ? this.centre.objective.mean : Number.NaN);
    });
    this.pending = [];
    // A poll that found nothing better: halve the step (the start design never shrinks it).
    if (before !== null && this.centre === before) this.step /= 2;
  }

  /** Feasible beats infeasible; among feasible, higher objective; among infeasible, lower spend. */
  private better(a: Evaluation, b: Evaluation | null): boolean {
    if (!b) return true;
    if (a.feasible !== b.feasible) return a.feasible;
    if (a.feasible) return a.objective.mean > b.objective.mean + EPS * Math.abs(b.objective.mean);
    return a.spend < b.spend;
  }

  best(): Evaluation | null {
    return this.centre?.feasible ? this.centre : null;
  }

  /** The best feasible mixes after the winner, by objective, each at least `apart` from the others. */
  runnersUp(count: number, apart = 0.1): Evaluation[] {
    const best = this.best();
    const ranked = this.history
      .filter((h) => h.feasible && h !== best)
      .sort((a, b) => b.objective.mean - a.objective.mean);
    const chosen: Evaluation[] = [];
    const far = (a: Evaluation, b: Evaluation) =>
      Math.max(...a.u.map((x, j) => Math.abs(x - b.u[j]))) >= apart;
    for (const h of ranked) {
      if (chosen.length >= count) break;
      if ((!best || far(h, best)) && chosen.every((c) => far(h, c))) chosen.push(h);
    }
    return chosen;
  }
}
