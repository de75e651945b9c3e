import { describe, expect, it } from 'vitest';
import { HEALTH } from '../../src/engine/health.ts';
import { defaultScenario, METRICS, type Scenario } from '../../src/engine/index.ts';
import {
  assertRunnable,
  RANGES,
  ScenarioError,
  SEGMENT_RANGES,
  validateScenario,
} from '../../src/engine/validate.ts';
import { UNIT_ZH } from '../../src/scenario/errors.ts';
import { scenarioJsonSchema } from '../../src/scenario/jsonSchema.ts';
import { LIBRARY, loadLibraryScenario } from '../../src/scenario/library.ts';
import { docSections, sectionTitle } from '../../src/ui/docSections.ts';
import { COST_FIELDS, SECTIONS, WORLD_FIELDS } from '../../src/ui/editorFields.ts';
import { labelOfPath } from '../../src/ui/experimentLabels.ts';
import { EXPLAIN } from '../../src/ui/explain.ts';
import { type Key, STRINGS } from '../../src/ui/i18n.ts';
import { hasTranslation, runErrorLines, translateEngineMessage } from '../../src/ui/messages.ts';

describe('interface strings', () => {
  it('has every key in English and Chinese, none empty', () => {
    const en = Object.keys(STRINGS.en).sort();
    expect(Object.keys(STRINGS.zh).sort()).toEqual(en);
    for (const lang of ['en', 'zh'] as const) {
      for (const [k, v] of Object.entries(STRINGS[lang]))
        expect(v.trim().length, `${lang}.${k}`).toBeGreaterThan(0);
    }
  });
  it('explains every editor field in both languages', () => {
    const texts = [
      ...SECTIONS.flatMap((s) => [
        s.label,
        ...s.levers.flatMap((l) => [l.label, l.help, ...l.fields.flatMap((f) => [f.label, f.help])]),
      ]),
      ...WORLD_FIELDS.flatMap((f) => [f.label, f.help]),
      ...COST_FIELDS.flatMap((f) => [f.label, f.help]),
    ];
    for (const t of texts) {
      expect(t.en.trim().length).toBeGreaterThan(0);
      expect(t.zh.trim().length).toBeGreaterThan(0);
      expect(/[\u4e00-\u9fff]/.test(t.zh)).toBe(true);
    }
    // A Chinese help text that cites a section of the model cites it by its Chinese title.
    const titles = [...docSections().values()].filter((title) => title.includes(' '));
    expect(titles.length).toBeGreaterThan(10);
    for (const t of texts)
      expect(
        titles.filter((title) => t.zh.includes(title)),
        t.zh,
      ).toEqual([]);
  });
  it('has a Chinese name for every unit a scenario field or engine check shows (the editor prints it beside the field)', () => {
    const units = new Set<string>();
    const walk = (x: unknown) => {
      if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === 'object')
        for (const [k, v] of Object.entries(x))
          k === 'unit' && typeof v === 'string' ? units.add(v) : walk(v);
    };
    walk(scenarioJsonSchema());
    for (const r of [...RANGES, ...SEGMENT_RANGES]) units.add(r[3]);
    units.delete('');
    expect(units.size).toBeGreaterThan(15);
    expect([...units].filter((u) => !(u in UNIT_ZH))).toEqual([]);
  });
});

describe('health-score strings', () => {
  it('state the bands’ thresholds as the score applies them (whole scores: poor below 45, average 45–59, good from 60)', () => {
    const { goodFrom, poorBelow } = HEALTH;
    const expected: [Key, number[]][] = [
      ['popHealth_good', [goodFrom]],
      ['popHealth_average', [poorBelow, goodFrom - 1]],
      ['popHealth_poor', [poorBelow]],
      ['audience_atRisk', [poorBelow]],
      ['healthSharesNote', [goodFrom, poorBelow]],
    ];
    for (const lang of ['en', 'zh'] as const)
      for (const [key, numbers] of expected)
        expect(STRINGS[lang][key].match(/\d+/g)?.map(Number), `${lang}.${key}`).toEqual(numbers);
  });
});

describe('chart strings', () => {
  it('names every engine metric in both languages (a lesson may chart any of them)', () => {
    for (const m of METRICS) {
      const key = `m_${m}` as Key;
      expect(STRINGS.en[key], m).toBeTruthy();
      expect(STRINGS.zh[key], m).toMatch(/[\u4e00-\u9fff]/);
      expect(STRINGS.en[key]).not.toBe(m);
    }
  });

  it('titles every model section a lesson or an ⓘ links to, in both languages, without file names', () => {
    const anchors = new Set(Object.values(EXPLAIN).map((e) => e.anchor));
    for (const e of LIBRARY.filter((x) => x.id.startsWith('lessons/'))) {
      const r = loadLibraryScenario(e.id);
      for (const m of r.ok ? (r.file.lesson?.mechanisms ?? []) : []) anchors.add(m);
    }
    expect(anchors.size).toBeGreaterThan(5);
    for (const a of anchors) {
      const en = sectionTitle(a, 'en');
      expect(en, a).not.toBe(a);
      expect(en, a).not.toMatch(/\.ts|`/);
      expect(sectionTitle(a, 'zh'), a).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('engine messages', () => {
  /** Scenarios broken in every way the engine checks, and the messages it gives for them. */
  function engineMessages(): string[] {
    const broken: ((s: Scenario) => void)[] = [
      (s) => {
        s.population.marketSize = 0;
        s.horizonMonths = 2.5;
        s.staff.headcount = Number.NaN;
      },
      (s) => {
        s.population.segments = [];
      },
      (s) => {
        s.population.segments[0].sharePct += 5;
        s.population.segments[0].weights = { value: 0, emotion: 0, experience: 0 };
      },
      (s) => {
        s.levers.discount.schedule = [{ from: 0, to: 3 }];
        s.levers.points.schedule = [{ from: 99, to: 100 }];
        (s.levers.community as { schedule: unknown }).schedule = 'always';
        (s.levers.discount as { target: string }).target = 'friends';
      },
      (s) => {
        delete (s.levers as Partial<Scenario['levers']>).training;
      },
      (s) => {
        s.market.events = [{ kind: 'flood' as 'priceWar', from: 1, to: 2, intensityPct: 50 }];
      },
    ];
    const out: string[] = [];
    for (const edit of broken) {
      const s = defaultScenario();
      edit(s);
      out.push(...validateScenario(s).map((i) => i.message));
    }
    const big = defaultScenario();
    big.population.marketSize = 5_000_000;
    try {
      assertRunnable(big, 64 * 2 ** 20);
    } catch (e) {
      out.push(...(e as ScenarioError).issues.map((i) => i.message));
    }
    return out;
  }

  it('says every range and structure problem the engine reports in Chinese', () => {
    const messages = engineMessages();
    expect(messages.length).toBeGreaterThan(10);
    for (const m of messages) {
      expect(hasTranslation(m), m).toBe(true);
      const zh = translateEngineMessage(m, 'zh');
      expect(zh, m).toMatch(/[\u4e00-\u9fff]/);
      expect(zh, m).not.toMatch(/must|between|got|people need/);
    }
  });

  it('shows a refused run per field, under the editor’s label with the file’s path beside it', () => {
    const e = new ScenarioError([
      { path: 'levers.discount.depthPct', message: 'must be between 0 and 90 (%), got 120' },
      { path: 'population.marketSize', message: 'must be a whole number (people), got 2.5' },
    ]);
    expect(runErrorLines(e.message, 'en')).toEqual([
      'Discount → Depth (levers.value.discount.depthPct): must be between 0 and 90 (%), got 120',
      `${labelOfPath('population.marketSize', 'en')} (population.marketSize): must be a whole number (people), got 2.5`,
    ]);
    const zh = runErrorLines(e.message, 'zh');
    expect(zh[0]).toBe(
      '折扣 → 折扣深度 (levers.value.discount.depthPct): 必须在 0 到 90 之间（%），实际为 120',
    );
    expect(runErrorLines('worker crashed', 'zh')).toEqual(['worker crashed']);
  });
});
