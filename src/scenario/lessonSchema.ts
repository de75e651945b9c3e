/**
 * A lesson saved with a scenario (format 3): a question, two to four options (each a set of numbers
 * changed in this scenario, by dotted path), the outcome that decides, and the explanation shown
 * after the run. A trainer writes one as a scenario file and shares it as a link.
 */
import * as z from 'zod';
import { METRICS } from '../engine/index.ts';
import { audiencesByLever } from './audienceSchema.ts';
import { fieldPath, id, OUTCOME_IDS } from './experimentSchema.ts';

const text = z.strictObject({ en: z.string().min(1).max(5000), zh: z.string().min(1).max(5000) });

export const lessonOption = z.strictObject({
  id,
  label: text,
  /** Numbers this option changes in the scenario. */
  set: z.record(fieldPath, z.number()).default({}),
  /** Who this option's aimed levers reach (by lever name); levers it does not name keep the scenario's. */
  aim: audiencesByLever.default({}),
});

export const lessonSchema = z
  .strictObject({
    title: text,
    question: text,
    options: z.array(lessonOption).min(2).max(4),
    /** Which option wins: the one with the highest value of this outcome. */
    outcome: z.enum(OUTCOME_IDS),
    /** The option the trainer expects the model to favour (a test checks that it does). */
    answer: z.string(),
    replications: z.int().min(2).max(100).default(8),
    seed: z.union([z.string().max(60), z.int()]).default('lesson'),
    /** Why, shown after the run (paragraphs separated by blank lines). */
    explanation: text,
    /** Sections of docs/model.md that hold the mechanism, by heading anchor. */
    mechanisms: z.array(z.string().max(120)).max(6).default([]),
    /** Metrics drawn over the months for every option. */
    charts: z.array(z.enum(METRICS)).min(1).max(4).default(['active']),
    /**
     * After the run, offer where one option's effect comes from (value, emotion, experience,
     * organisation and their interaction) against the scenario without any option, at each of these
     * settings of the synergy dial.
     */
    attribution: z
      .strictObject({
        option: z.string(),
        synergies: z.array(z.number().min(-1).max(10)).min(1).max(3),
      })
      .optional(),
  })
  .superRefine((l, ctx) => {
    if (!l.options.some((o) => o.id === l.answer))
      ctx.addIssue({
        code: 'custom',
        path: ['answer'],
        message: `must be one of the options: ${l.options.map((o) => o.id).join(', ')}`,
        params: { zh: `应为选项之一：${l.options.map((o) => o.id).join('、')}` },
      });
    if (l.attribution && !l.options.some((o) => o.id === l.attribution?.option))
      ctx.addIssue({
        code: 'custom',
        path: ['attribution', 'option'],
        message: `must be one of the options: ${l.options.map((o) => o.id).join(', ')}`,
        params: { zh: `应为选项之一：${l.options.map((o) => o.id).join('、')}` },
      });
    const ids = new Set<string>();
    l.options.forEach((o, k) => {
      if (ids.has(o.id))
        ctx.addIssue({
          code: 'custom',
          path: ['options', k, 'id'],
          message: `another option is already called "${o.id}"`,
          params: { zh: `选项编号重复："${o.id}"` },
        });
      ids.add(o.id);
    });
  });

export type Lesson = z.output<typeof lessonSchema>;
export type LessonOption = z.output<typeof lessonOption>;
