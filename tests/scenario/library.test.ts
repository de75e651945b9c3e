import { describe, expect, it } from 'vitest';
import { runReplications } from '../../src/analysis/batch.ts';
import { defaultScenario } from '../../src/engine/index.ts';
import { evaluateCheck } from '../../src/scenario/cases.ts';
import { formatProblem } from '../../src/scenario/errors.ts';
import { DEFAULT_SCENARIO_ID, LIBRARY, loadLibraryScenario } from '../../src/scenario/library.ts';
import { textIn } from '../../src/scenario/localText.ts';

/** Replications per case: the checks compare a mean with a tolerance, so they need a stable mean. */
const REPS = 6;

const load = (id: string) => {
  const r = loadLibraryScenario(id);
  if (!r.ok) throw new Error(`${id}: ${r.problems.map((p) => formatProblem(p, 'en')).join('; ')}`);
  return r;
};

describe('the shipped library', () => {
  it('holds baselines for several industries, lever-focused plans and the seed cases', () => {
    const ids = LIBRARY.map((e) => e.id);
    expect(ids.filter((id) => id.startsWith('baselines/')).length).toBeGreaterThanOrEqual(6);
    expect(ids.filter((id) => id.startsWith('plans/')).length).toBeGreaterThanOrEqual(5);
    expect(ids.filter((id) => id.startsWith('cases/')).sort()).toEqual([
      'cases/chayushe',
      'cases/chengzhangshu',
      'cases/hotpot',
      'cases/yilian',
      'cases/yuejia',
      'cases/yunqi',
    ]);
  });

  it.each(LIBRARY.map((e) => e.id))('%s is valid, current-format and names a baseline that exists', (id) => {
    const r = load(id);
    expect(r.migratedFrom).toBeNull();
    for (const lang of ['en', 'zh'] as const)
      expect(textIn(r.file.description, lang).length).toBeGreaterThan(10);
    if (r.file.baseline) expect(LIBRARY.map((e) => e.id)).toContain(r.file.baseline);
  });

  it('ships the engine’s default as its default scenario', () => {
    const r = load(DEFAULT_SCENARIO_ID);
    expect({ ...r.scenario, name: '' }).toEqual({ ...defaultScenario(), name: '' });
  });

  const cases = LIBRARY.filter((e) => e.id.startsWith('cases/')).map((e) => e.id);
  it.each(cases)('%s reproduces its reported figure through lever and population settings', (id) => {
    const plan = load(id);
    const info = plan.file.case!;
    expect(info.checks.length).toBeGreaterThan(0);
    const baselineId = plan.file.baseline!;
    const baseline = load(baselineId);
    const needsBaseline = info.checks.some((c) => c.kind === 'vsBaseline' || c.kind === 'baselineLevel');
    if (needsBaseline) {
      // A comparison with the baseline is only fair if the world is the same: only levers may differ.
      expect({ ...plan.scenario, levers: null, name: '' }).toEqual({
        ...baseline.scenario,
        levers: null,
        name: '',
      });
    }
    const P = runReplications(plan.scenario, 'case', REPS);
    const B = needsBaseline ? runReplications(baseline.scenario, 'case', REPS) : null;
    for (const check of info.checks) {
      const o = evaluateCheck(check, P, B);
      if (check.departure) {
        // A known departure stays marked only while the model still misses the figure.
        expect(o.reproduced, `${id}: ${check.label.en} is marked as a departure but now reproduces`).toBe(
          false,
        );
        // What the note says the model reaches is what it reaches (to the point it is given to), in
        // both languages: the Cases page shows the note beside the simulated figure.
        const said = [
          /model reaches about ([+−-]?\d+(?:\.\d+)?) %/.exec(check.departure.en),
          /模型约为 ?([+−-]?\d+(?:\.\d+)?) ?%/.exec(check.departure.zh),
        ];
        if (said[0] || said[1]) {
          expect(said.every(Boolean), `${id}: the figure is in one language's note only`).toBe(true);
          const [en, zh] = said.map((m) => Number(m![1].replace('−', '-')));
          expect(zh, `${id}: the notes' figures`).toBe(en);
          expect(
            Math.abs(100 * o.simulated.mean - en),
            `${id}: the note says about ${en} %, the model reaches ${(100 * o.simulated.mean).toFixed(1)} %`,
          ).toBeLessThanOrEqual(1);
        }
        continue;
      }
      expect(
        Math.abs(o.simulated.mean - check.target),
        `${id}: ${check.label.en}: simulated ${o.simulated.mean.toFixed(3)}, reported ${check.target} ± ${check.tolerance}`,
      ).toBeLessThanOrEqual(check.tolerance);
    }
  });
});
