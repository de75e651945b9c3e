/**
 * Running a lesson: every option of the lesson's scenario with the same seeds, then which option
 * won, whether the win is clear of the noise, and how the learner's prediction fared.
 */
import { investment } from '../analysis/compare.ts';
import { type Interval, interval, mean, pairedDifference } from '../analysis/stats.ts';
import { total } from '../analysis/summary.ts';
import type { AimedLever, RunResult, Scenario } from '../engine/index.ts';
import { scenarioAt } from '../experiments/apply.ts';
import { dimensions, OUTCOMES } from '../experiments/outcomes.ts';
import type { OutcomeId } from '../scenario/experimentSchema.ts';
import type { Lesson } from '../scenario/lessonSchema.ts';
import type { ScenarioFile } from '../scenario/schema.ts';

export interface LessonJob {
  key: string;
  scenario: Scenario;
  seed: number | string;
  replications: number;
}

/** An option's scenario: the lesson's, with the option's numbers set and its levers aimed. */
export function optionScenario(file: ScenarioFile, o: Lesson['options'][number]): Scenario {
  const s = scenarioAt(file, o.set);
  for (const [lever, a] of Object.entries(o.aim)) if (a) s.levers[lever as AimedLever].audience = { ...a };
  return s;
}

/** One job per option: the lesson's scenario with that option's numbers set. */
export function lessonJobs(file: ScenarioFile & { lesson: Lesson }): LessonJob[] {
  const l = file.lesson;
  return l.options.map((o) => ({
    key: o.id,
    scenario: optionScenario(file, o),
    seed: l.seed,
    replications: l.replications,
  }));
}

/**
 * What a lesson's attribution splits: its option against the lesson's scenario without any option,
 * at each setting of the synergy dial it names (everything else, seeds included, the lesson's).
 */
export function lessonAttributionPairs(
  file: ScenarioFile & { lesson: Lesson },
): { synergy: number; baseline: Scenario; plan: Scenario }[] {
  const a = file.lesson.attribution;
  const option = a && file.lesson.options.find((o) => o.id === a.option);
  if (!a || !option) return [];
  return a.synergies.map((synergy) => {
    const f = { ...file, dimensions: { ...file.dimensions, synergy } };
    return { synergy, baseline: scenarioAt(f, {}), plan: optionScenario(f, option) };
  });
}

export interface OptionResult {
  id: string;
  outcome: Interval;
  /** Loyalty levers, forgone discount revenue and acquisition spend, per month (mean). */
  spend: number;
  /** Every outcome's mean, for the table beside the deciding one. */
  others: Record<OutcomeId, number>;
  dimensions: { value: number; emotion: number; experience: number };
}

export interface LessonResult {
  options: OptionResult[];
  /** The option with the highest mean outcome. */
  winner: string;
  /** The winner's paired lead over the runner-up; `clear` when its interval excludes zero. */
  lead: Interval;
  clear: boolean;
}

export function judgeLesson(lesson: Lesson, results: Record<string, RunResult[]>): LessonResult {
  const of = OUTCOMES[lesson.outcome].of;
  const options = lesson.options.map((o): OptionResult => {
    const rs = results[o.id];
    const dims = rs.map(dimensions);
    return {
      id: o.id,
      outcome: interval(rs.map(of)),
      spend: mean(rs.map((r) => (investment(r) + total(r, 'acquisitionCost')) / r.months)),
      others: Object.fromEntries(Object.values(OUTCOMES).map((oc) => [oc.id, mean(rs.map(oc.of))])) as Record<
        OutcomeId,
        number
      >,
      dimensions: {
        value: mean(dims.map((d) => d.value)),
        emotion: mean(dims.map((d) => d.emotion)),
        experience: mean(dims.map((d) => d.experience)),
      },
    };
  });
  const ranked = [...options].sort((a, b) => b.outcome.mean - a.outcome.mean);
  const winner = ranked[0].id;
  const lead = pairedDifference(results[ranked[1].id].map(of), results[winner].map(of));
  return { options, winner, lead, clear: lead.lo > 0 };
}

export type Verdict = 'right' | 'close' | 'wrong';

/**
 * Right when the prediction is the clear winner; close when it is within the noise of the winner
 * (the runs cannot tell them apart); wrong otherwise.
 */
export function verdict(
  lesson: Lesson,
  result: LessonResult,
  results: Record<string, RunResult[]>,
  prediction: string,
): Verdict {
  if (prediction === result.winner) return result.clear ? 'right' : 'close';
  const of = OUTCOMES[lesson.outcome].of;
  const gap = pairedDifference(results[prediction].map(of), results[result.winner].map(of));
  return gap.lo > 0 ? 'wrong' : 'close';
}
