import { type RunOptions, type Scenario, simulate } from '../engine/index.ts';
import type { OutcomeId } from '../scenario/experimentSchema.ts';
import { dimensions, monthlyLeverSpend, OUTCOMES } from './outcomes.ts';

/** What an experiment keeps of one run: a few numbers, so thousands of runs cost little memory. */
export interface Measurement {
  outcome: number;
  spend: number;
  value: number;
  emotion: number;
  experience: number;
}

export interface Task {
  scenario: Scenario;
  seed: number | string;
  replication: number;
}

/** One run of one task, reduced to its measurement (used in workers and in Node alike). */
export function measure(task: Task, outcome: OutcomeId, options: Partial<RunOptions> = {}): Measurement {
  const r = simulate(task.scenario, { ...options, seed: task.seed, replication: task.replication });
  return { outcome: OUTCOMES[outcome].of(r), spend: monthlyLeverSpend(r), ...dimensions(r) };
}

/** Runs tasks and returns their measurements in order; may run them in parallel. */
export type Evaluator = (
  tasks: Task[],
  outcome: OutcomeId,
  onDone?: (finished: number) => void,
) => Promise<Measurement[]>;

/** Runs every task here, one after another (command line, tests). */
export const evaluateHere: Evaluator = async (tasks, outcome, onDone) => {
  const out: Measurement[] = [];
  for (const t of tasks) {
    out.push(measure(t, outcome));
    onDone?.(out.length);
  }
  return out;
};
