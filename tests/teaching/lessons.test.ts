import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runReplications } from '../../src/analysis/batch.ts';
import type { RunResult } from '../../src/engine/index.ts';
import { parseScenarioText } from '../../src/scenario/importer.ts';
import { headingAnchors, slugify } from '../../src/teaching/anchors.ts';
import { judgeLesson, lessonJobs, verdict } from '../../src/teaching/lesson.ts';

const modelDoc = readFileSync('docs/model.md', 'utf8');
const lessons = readdirSync('scenarios/lessons')
  .sort()
  .map((f) => {
    const r = parseScenarioText(readFileSync(`scenarios/lessons/${f}`, 'utf8'));
    if (!r.ok || !r.file.lesson) throw new Error(`${f}: ${!r.ok ? r.problems[0].en : 'no lesson'}`);
    return { f, file: r.file as typeof r.file & { lesson: NonNullable<typeof r.file.lesson> } };
  });

describe('the shipped lessons', () => {
  it('are at least six, in both languages, each linked to sections of docs/model.md that exist', () => {
    expect(lessons.length).toBeGreaterThanOrEqual(6);
    const anchors = headingAnchors(modelDoc);
    for (const { file } of lessons) {
      const l = file.lesson;
      for (const t of [l.title, l.question, l.explanation, ...l.options.map((o) => o.label)]) {
        expect(t.en.length).toBeGreaterThan(0);
        expect(t.zh).toMatch(/[\u4e00-\u9fff]/);
      }
      expect(l.mechanisms.length).toBeGreaterThan(0);
      for (const m of l.mechanisms) expect(anchors, `${m} in docs/model.md`).toContain(m);
    }
  });

  // The point each lesson teaches must hold in the model, clear of the noise, on the seeds the app uses.
  for (const { f, file } of lessons)
    it(`${f}: the model favours the expected answer, "${file.lesson.answer}"`, () => {
      const results: Record<string, RunResult[]> = {};
      for (const j of lessonJobs(file)) results[j.key] = runReplications(j.scenario, j.seed, j.replications);
      const r = judgeLesson(file.lesson, results);
      expect(r.winner).toBe(file.lesson.answer);
      expect(r.clear).toBe(true);
      expect(verdict(file.lesson, r, results, file.lesson.answer)).toBe('right');
      const loser = file.lesson.options.find((o) => o.id !== file.lesson.answer)!.id;
      expect(verdict(file.lesson, r, results, loser)).toBe('wrong');
    });
});

describe('anchors', () => {
  it('are made the way GitHub makes them', () => {
    expect(slugify('Emotion: the bond (`perception.ts`, `community.ts`)')).toBe(
      'emotion-the-bond-perceptionts-communityts',
    );
    expect(slugify('Staff and the service-profit chain (`staff.ts`)')).toBe(
      'staff-and-the-service-profit-chain-staffts',
    );
  });
});

describe('explanations', () => {
  it('cover every headline KPI, every compared metric and chart, in both languages, linked to real sections', async () => {
    const { EXPLAIN } = await import('../../src/ui/explain.ts');
    const { COMPARISON_KPIS } = await import('../../src/analysis/compare.ts');
    const anchors = headingAnchors(modelDoc);
    const needed = [
      ...COMPARISON_KPIS.map((k) => k.id),
      ...['active', 'retention', 'repurchase', 'referralRate', 'nps', 'satisfaction', 'value', 'bond'],
      ...['experience', 'revenue', 'leverCost', 'profit', 'roi', 'costPerRetained'],
      ...['ladder', 'cohort', 'clv', 'threeDim'],
    ];
    for (const id of needed) {
      const e = EXPLAIN[id];
      expect(e, id).toBeDefined();
      expect(e.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(anchors, `${id} → ${e.anchor}`).toContain(e.anchor);
    }
  });
});

describe('a lesson’s attribution', () => {
  it('lesson 6 splits the spread plan at the default synergy and at additive, on the lesson’s world', async () => {
    const { lessonAttributionPairs } = await import('../../src/teaching/lesson.ts');
    const { attributionDesign } = await import('../../src/experiments/attribution.ts');
    const six = lessons.find((l) => l.f.startsWith('6-'))!.file;
    expect(six.lesson.attribution).toEqual({ option: 'together', synergies: [2, 0] });
    const pairs = lessonAttributionPairs(six);
    expect(pairs.map((p) => [p.synergy, p.baseline.dimensions.synergy, p.plan.dimensions.synergy])).toEqual([
      [2, 2, 2],
      [0, 0, 0],
    ]);
    const together = lessonJobs(six).find((j) => j.key === 'together')!.scenario;
    for (const p of pairs) {
      // The plan is the lesson's option; the baseline is the same world without any option.
      expect(p.plan.levers).toEqual(together.levers);
      const d = attributionDesign(p.baseline, p.plan);
      expect(d.otherChanges).toBe(false);
      expect(d.subsets).toHaveLength(8); // value, emotion and experience change; organisation does not
    }
  });

  it('must name one of the lesson’s options', () => {
    const six = readFileSync('scenarios/lessons/6-three-dimensions.json', 'utf8');
    const r = parseScenarioText(six.replace('"option": "together"', '"option": "nobody"'));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems.some((p) => p.path.includes('attribution') && /one of the options/.test(p.en))).toBe(
        true,
      );
  });
});
