import { describe, expect, it } from 'vitest';
import { COST_FIELDS, SECTIONS, WORLD_FIELDS } from '../../src/ui/editorFields.ts';
import { STRINGS } from '../../src/ui/i18n.ts';

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
  });
});
