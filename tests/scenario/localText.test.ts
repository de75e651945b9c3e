import { describe, expect, it } from 'vitest';
import { DEFAULT_SEGMENTS, defaultScenario } from '../../src/engine/index.ts';
import { formatProblem } from '../../src/scenario/errors.ts';
import { parseScenarioObject, serialiseScenario } from '../../src/scenario/importer.ts';
import { LIBRARY, libraryName, loadLibraryScenario } from '../../src/scenario/library.ts';
import { textIn, withSuffix } from '../../src/scenario/localText.ts';
import { fromEngine, SCHEMA_VERSION } from '../../src/scenario/schema.ts';

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

describe('a name or description in two languages', () => {
  it('picks the text of the page’s language, falls back to the other, and shows a plain text as written', () => {
    const both = { en: 'Discount-heavy plan', zh: '折扣主导方案' };
    expect(textIn(both, 'en')).toBe('Discount-heavy plan');
    expect(textIn(both, 'zh')).toBe('折扣主导方案');
    expect(textIn({ en: 'Only English' }, 'zh')).toBe('Only English');
    expect(textIn({ zh: '只有中文' }, 'en')).toBe('只有中文');
    expect(textIn({ en: '', zh: '中文' }, 'en')).toBe('中文');
    expect(textIn('My own plan 我的方案', 'en')).toBe('My own plan 我的方案');
    expect(textIn('My own plan 我的方案', 'zh')).toBe('My own plan 我的方案');
    expect(textIn(undefined, 'zh')).toBe('');
  });

  it('adds a copy’s word in each language, or in the page’s language to a plain text', () => {
    const suffix = { en: ' — my copy', zh: ' — 我的副本' };
    expect(withSuffix({ en: 'Plan', zh: '方案' }, suffix, 'en')).toEqual({
      en: 'Plan — my copy',
      zh: '方案 — 我的副本',
    });
    expect(withSuffix({ zh: '方案' }, suffix, 'en')).toEqual({ zh: '方案 — 我的副本' });
    expect(withSuffix('Plan', suffix, 'zh')).toBe('Plan — 我的副本');
  });

  it('reads a file with { en, zh } names and one with plain ones; the engine gets one plain text', () => {
    const base = fromEngine(parseOk({}).scenario);
    const both = parseOk({
      ...base,
      name: { en: 'Two-language plan', zh: '双语方案' },
      description: { en: 'In English.', zh: '中文说明。' },
    });
    expect(both.file.name).toEqual({ en: 'Two-language plan', zh: '双语方案' });
    expect(both.file.description).toEqual({ en: 'In English.', zh: '中文说明。' });
    expect(both.scenario.name).toBe('Two-language plan');
    expect(parseOk({ ...base, name: { zh: '只有中文' } }).scenario.name).toBe('只有中文');
    const plain = parseOk({ ...base, name: 'My plan 我的方案', description: 'Mine.' });
    expect(plain.file.name).toBe('My plan 我的方案');
    expect(plain.scenario.name).toBe('My plan 我的方案');
    // Saved and read again, both languages survive.
    expect(parseOk(JSON.parse(serialiseScenario(both.file))).file.name).toEqual(both.file.name);
  });

  it.each([
    [{ fr: 'x' }, ['name: "fr" is not a language here', 'name: must have "en" (the English text) or "zh"']],
    [{}, ['name: must have "en" (the English text) or "zh" (the Chinese), or both; it has neither']],
    [5, ['name: must be a text, or {"en": "…", "zh": "…"} with a text per language, got 5']],
    [['a'], ['name: must be a text, or {"en": "…", "zh": "…"} with a text per language, got a list']],
    [{ en: 'Plan', zh: 3 }, ['name.zh: must be a string, got 3']],
    [{ en: '' }, ['name.en: must have at least 1 characters']],
    [{ en: 'Plan', fr: 'Plan' }, ['name: "fr" is not a language here']],
  ])('refuses the name %j, saying what and where in both languages', (name, starts) => {
    const r = parseScenarioObject({ schemaVersion: SCHEMA_VERSION, name });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const en = r.problems.map((p) => formatProblem(p, 'en'));
    expect(en.length).toBe(starts.length);
    starts.forEach((s, k) => {
      expect(en[k].startsWith(s), en[k]).toBe(true);
    });
    for (const p of r.problems) {
      expect(p.zh).toMatch(CJK);
      expect(p.zh).not.toBe(p.en);
    }
  });

  it('refuses a description of neither shape, at its path', () => {
    const r = parseScenarioObject({ schemaVersion: SCHEMA_VERSION, description: { de: 'Text' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.path)).toEqual(['description', 'description']);
  });
});

describe('the library’s names and descriptions', () => {
  it.each(
    LIBRARY.map((e) => e.id),
  )('%s has an English and a Chinese name and description, each in its own language', (id) => {
    const r = loadLibraryScenario(id);
    if (!r.ok) throw new Error(id);
    for (const text of [r.file.name, r.file.description]) {
      expect(typeof text).toBe('object');
      const { en, zh } = text as { en?: string; zh?: string };
      expect(en && en.length > 0 && !CJK.test(en), `${id}: ${en}`).toBe(true);
      expect(zh && CJK.test(zh), `${id}: ${zh}`).toBe(true);
    }
    expect(libraryName(id, 'en')).toBe((r.file.name as { en: string }).en);
    expect(libraryName(id, 'zh')).toBe((r.file.name as { zh: string }).zh);
  });

  it.each(
    LIBRARY.map((e) => e.id),
  )('%s labels its customer segments in English and in Chinese, each in its own language', (id) => {
    const r = loadLibraryScenario(id);
    if (!r.ok) throw new Error(id);
    for (const seg of r.file.population.segments) {
      const label = seg.label ?? DEFAULT_SEGMENTS.find((d) => d.id === seg.id)?.label;
      expect(typeof label, `${id}: ${seg.id}`).toBe('object');
      const { en, zh } = label as { en?: string; zh?: string };
      expect(en && en.length > 0 && !CJK.test(en), `${id}: ${en}`).toBe(true);
      expect(zh && CJK.test(zh), `${id}: ${zh}`).toBe(true);
    }
  });
});

describe('a segment’s label', () => {
  const withLabel = (label: unknown) => {
    const file = JSON.parse(serialiseScenario(fromEngine(defaultScenario())));
    file.population.segments[0].label = label;
    return parseScenarioObject(file);
  };
  it('is one text or a text per language, and reaches the population view as written', () => {
    for (const label of ['Walk-ins', { en: 'Walk-ins', zh: '散客' }, { zh: '散客' }]) {
      const r = withLabel(label);
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      expect(r.scenario.population.segments[0].label).toEqual(label);
    }
    expect(textIn(defaultScenario().population.segments[0].label, 'zh')).toBe('价格驱动');
    expect(textIn(defaultScenario().population.segments[0].label, 'en')).toBe('Price-driven');
  });
  it('refuses an unknown language at its path, in both languages', () => {
    const r = withLabel({ fr: 'Clients' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(new Set(r.problems.map((p) => p.path))).toEqual(new Set(['population.segments.0.label']));
    expect(r.problems.map((p) => formatProblem(p, 'en')).join(' ')).toContain('"fr" is not a language here');
    for (const p of r.problems) expect(p.zh).toMatch(CJK);
  });
});

function parseOk(json: unknown) {
  const r = parseScenarioObject(json);
  if (!r.ok) throw new Error(r.problems.map((p) => formatProblem(p, 'en')).join('; '));
  return r;
}
