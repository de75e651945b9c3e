import type { Audience } from '../engine/index.ts';
import { AUDIENCE_FIELDS, COST_FIELDS, SECTIONS, WORLD_FIELDS } from './editorFields.ts';
import { fill, type Lang, STRINGS } from './i18n.ts';

const EXTRA: Record<string, { en: string; zh: string }> = {
  'service.failurePctPerVisit': { en: 'Failure rate per visit (%)', zh: '每次到访的失误率（%）' },
  'service.meanSeverityPct': { en: 'Mean failure severity (%)', zh: '失误平均严重度（%）' },
  'economics.grossMarginPct': { en: 'Gross margin (%)', zh: '毛利率（%）' },
  'economics.fixedCostsPerMonth': { en: 'Fixed costs a month', zh: '每月固定成本' },
};

/**
 * A readable name for a dotted path of the scenario file, as the editor labels it: "Community → Level"
 * (the report, which also shows "from → to", joins with " · "). An unlabelled path comes back as itself.
 */
export function labelOfPath(path: string, lang: Lang, join = ' → '): string {
  if (EXTRA[path]) return EXTRA[path][lang];
  for (const w of WORLD_FIELDS) if (w.path.join('.') === path) return w.label[lang];
  for (const section of SECTIONS)
    for (const lever of section.levers) {
      const prefix = `${lever.path.join('.')}.`;
      if (!path.startsWith(prefix)) continue;
      const rest = path.slice(prefix.length);
      const field = [...lever.fields, ...COST_FIELDS.map((c) => ({ ...c, key: `cost.${c.key}` }))].find(
        (f) => f.key === rest,
      );
      const audienceField = AUDIENCE_FIELDS.find((f) => rest === `audience.${f.key}`);
      const name =
        rest === 'audience'
          ? STRINGS[lang].xp_audience
          : rest === 'schedule'
            ? STRINGS[lang].chg_schedule
            : audienceField
              ? `${STRINGS[lang].xp_audience}: ${audienceField.label[lang]}`
              : field
                ? field.label[lang]
                : rest;
      return `${lever.label[lang]}${join}${name}`;
    }
  return path;
}

/** A choice of a categorical dimension as people say it: "everyone", "top 20 % by value", "at risk". */
export function choiceLabel(a: Audience, lang: Lang): string {
  const t = STRINGS[lang];
  switch (a.kind) {
    case 'everyone':
      return t.choice_everyone;
    case 'topValue':
      return fill(t.choice_topValue, { pct: a.topPct });
    case 'atRisk':
      return t.choice_atRisk;
    case 'new':
      return fill(t.choice_new, { months: a.newMonths });
    case 'segment':
      return fill(t.choice_segment, { segment: a.segment });
  }
}
