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
