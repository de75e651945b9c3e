/**
 * Problems in a scenario file, said in English and Chinese with the path of the field
 * ("levers.value.discount.depthPct: must be between 0 and 90 (%), got 120"), all of them at once.
 */
import type * as z from 'zod';

export interface Problem {
  path: string;
  en: string;
  zh: string;
}

export function formatProblem(p: Problem, lang: 'en' | 'zh'): string {
  return p.path ? `${p.path}: ${p[lang]}` : p[lang];
}

const show = (v: unknown): string => {
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}…` : v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  return 'an object';
};
const showZh = (v: unknown): string =>
  v === undefined ? '空' : show(v).replace('a list', '列表').replace('an object', '对象');

type AnySchema = z.core.$ZodType;

/** The schema of the field at `path`, looking through defaults, optionals, arrays and objects. */
export function schemaAt(root: AnySchema, path: PropertyKey[]): AnySchema | undefined {
  let s: AnySchema | undefined = root;
  const unwrap = (x: AnySchema | undefined): AnySchema | undefined => {
    let cur = x;
    for (let k = 0; k < 10 && cur; k++) {
      const def = cur._zod.def as { type: string; innerType?: AnySchema; in?: AnySchema };
      if (def.innerType) cur = def.innerType;
      else if (def.type === 'pipe' && def.in) cur = def.in;
      else break;
    }
    return cur;
  };
  for (const key of path) {
    s = unwrap(s);
    if (!s) return undefined;
    const def = s._zod.def as { type: string; shape?: Record<string, AnySchema>; element?: AnySchema };
    if (def.type === 'object' && def.shape && typeof key === 'string') s = def.shape[key];
    else if (def.type === 'array' && def.element) s = def.element;
    else return undefined;
  }
  return unwrap(s);
}

export interface FieldMeta {
  unit?: string;
  minimum?: number;
  maximum?: number;
  /** A text, or a text per language (`localText.ts`): a wrong one is described as either shape. */
  localText?: boolean;
}

export const UNIT_ZH: Record<string, string> = {
  '%': '%',
  months: '个月',
  '% of active customers': '占活跃客户的 %',
  month: '月',
  people: '人',
  money: '金额',
  'money per month': '每月金额',
  hours: '小时',
  staff: '名员工',
  contacts: '位联系人',
  '% per month': '每月 %',
  '% per year': '每年 %',
  'visits per month': '每月到访次数',
  'month of year': '月份',
  '% of spend': '消费额的 %',
  '% of wage': '工资的 %',
  '% of market price': '市场价的 %',
  '% of the visit spend': '单次消费的 %',
  'gestures per customer per year': '每位客户每年关怀次数',
  'contacts per customer per month': '每位客户每月联系次数',
  'hours per staff per month': '每名员工每月小时数',
  'complaints per month': '每月投诉次数',
  score: '分',
  '×': '倍',
  shape: '形状参数',
  weeks: '周',
  loyalty: '忠诚度',
  'per unit of loyalty': '每单位忠诚度',
  'per unit of bond': '每单位情感连接',
};

/** A field's unit as the page shows it in a language ('' for none). */
export function unitText(unit: string | undefined, lang: 'en' | 'zh'): string {
  if (!unit) return '';
  return lang === 'zh' ? (UNIT_ZH[unit] ?? unit) : unit;
}

function metaOf(root: AnySchema, registry: z.core.$ZodRegistry<FieldMeta>, path: PropertyKey[]): FieldMeta {
  const s = schemaAt(root, path);
  return (s && registry.get(s)) || {};
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let cur = input;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (!Object.hasOwn(cur, k as string)) return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[k];
  }
  return cur;
}

const TYPE_ZH: Record<string, string> = {
  number: '数字',
  string: '文本',
  boolean: '是/否',
  object: '对象',
  array: '列表',
};

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A name or description that is neither a text nor `{ "en": …, "zh": … }`. An object is read as
 * meant to be the per-language shape (its own field's problem, at its own path); anything else is
 * told both shapes it may take.
 */
function describeLocalText(
  issue: z.core.$ZodIssue,
  got: unknown,
  input: unknown,
  root: AnySchema,
  registry: z.core.$ZodRegistry<FieldMeta>,
  prefix: PropertyKey[],
): Problem[] {
  const where = [...prefix, ...issue.path].join('.');
  if (issue.code === 'unrecognized_keys')
    return issue.keys.map((key) => ({
      path: where,
      en: `${JSON.stringify(key)} is not a language here: use "en" for the English text and "zh" for the Chinese`,
      zh: `${JSON.stringify(key)} 不是可用的语言：英文文本用 "en"，中文文本用 "zh"`,
    }));
  if (issue.code === 'invalid_union' && isPlainObject(got)) {
    // The union's second shape is the per-language object (localTextSchema).
    const inner = issue.errors[1] ?? [];
    return describeIssues(
      inner.map((i) => ({ ...i, path: [...issue.path, ...i.path] })),
      input,
      root,
      registry,
      prefix,
    );
  }
  return [
    {
      path: where,
      en: `must be a text, or {"en": "…", "zh": "…"} with a text per language, got ${show(got)}`,
      zh: `应为文本，或按语言分列的 {"en": "…", "zh": "…"}，实际为 ${showZh(got)}`,
    },
  ];
}

/** Turns zod's issues into bilingual problems. `input` is what was parsed, to quote the offending value. */
export function describeIssues(
  issues: z.core.$ZodIssue[],
  input: unknown,
  root: AnySchema,
  registry: z.core.$ZodRegistry<FieldMeta>,
  prefix: PropertyKey[] = [],
): Problem[] {
  const out: Problem[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    const where = path.join('.');
    const got = valueAt(input, issue.path);
    const meta = metaOf(root, registry, issue.path);
    const unit = meta.unit ? ` (${meta.unit})` : '';
    const unitZh = meta.unit ? `（${UNIT_ZH[meta.unit] ?? meta.unit}）` : '';
    if (meta.localText && (issue.code === 'invalid_union' || issue.code === 'unrecognized_keys')) {
      out.push(...describeLocalText(issue, got, input, root, registry, prefix));
      continue;
    }
    switch (issue.code) {
      case 'too_small':
      case 'too_big': {
        if (issue.origin === 'number' && meta.minimum !== undefined && meta.maximum !== undefined) {
          out.push({
            path: where,
            en: `must be between ${meta.minimum} and ${meta.maximum}${unit}, got ${show(got)}`,
            zh: `应在 ${meta.minimum} 到 ${meta.maximum} 之间${unitZh}，实际为 ${showZh(got)}`,
          });
        } else {
          const n = issue.code === 'too_small' ? issue.minimum : issue.maximum;
          const what = issue.origin === 'array' ? 'items' : issue.origin === 'string' ? 'characters' : '';
          const whatZh = issue.origin === 'array' ? '项' : issue.origin === 'string' ? '个字符' : '';
          out.push({
            path: where,
            en: `must have ${issue.code === 'too_small' ? 'at least' : 'at most'} ${n} ${what}`.trim(),
            zh: `${issue.code === 'too_small' ? '至少' : '至多'} ${n} ${whatZh}`.trim(),
          });
        }
        break;
      }
      case 'invalid_type': {
        const expected = issue.expected;
        if (got === undefined) {
          out.push({
            path: where,
            en: `is required (${expected})`,
            zh: `缺少此项（${TYPE_ZH[expected] ?? expected}）`,
          });
        } else if (expected === 'int') {
          out.push({
            path: where,
            en: `must be a whole number${unit}, got ${show(got)}`,
            zh: `应为整数${unitZh}，实际为 ${showZh(got)}`,
          });
        } else {
          out.push({
            path: where,
            en: `must be a ${expected}${unit}, got ${show(got)}`,
            zh: `应为${TYPE_ZH[expected] ?? expected}${unitZh}，实际为 ${showZh(got)}`,
          });
        }
        break;
      }
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          const p = [where, key].filter(Boolean).join('.');
          out.push({
            path: p,
            en: 'is not a field of a scenario (misspelt, or from another program?)',
            zh: '不是情景文件的字段（拼写错误，或来自其他程序？）',
          });
        }
        break;
      case 'invalid_value':
        out.push({
          path: where,
          en: `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${show(got)}`,
          zh: `应为 ${issue.values.map((v) => JSON.stringify(v)).join(' 或 ')}，实际为 ${showZh(got)}`,
        });
        break;
      case 'custom': {
        const params = (issue.params ?? {}) as {
          kind?: string;
          total?: number;
          id?: string;
          from?: number;
          horizon?: number;
          /** A custom check may carry its own Chinese message. */
          zh?: string;
        };
        const zh =
          params.zh ??
          (params.kind === 'shares'
            ? `各细分群体占比之和应为 100%，实际为 ${params.total}`
            : params.kind === 'duplicate'
              ? `细分群体编号重复："${params.id}"`
              : params.kind === 'afterHorizon'
                ? `开始于第 ${params.from} 个月，晚于模拟期（${params.horizon} 个月）`
                : '开始月份不能晚于结束月份');
        out.push({ path: where, en: issue.message, zh });
        break;
      }
      case 'invalid_union': {
        // Of a union of shapes (a sweep axis is numeric or a list of choices), the one the input is
        // closest to — fewest fields missing or foreign — says what is wrong, at its real path.
        const misfit = (branch: z.core.$ZodIssue[]) =>
          branch.reduce(
            (n, i) =>
              n +
              (i.code === 'unrecognized_keys' && i.path.length === 0 ? i.keys.length : 0) +
              (i.code === 'invalid_type' && valueAt(got, i.path) === undefined ? 1 : 0),
            0,
          );
        const branches = issue.errors.filter((b) => b.length > 0);
        if (branches.length === 0) {
          out.push({ path: where, en: issue.message, zh: issue.message });
          break;
        }
        const closest = branches.reduce((a, b) =>
          misfit(b) < misfit(a) || (misfit(b) === misfit(a) && b.length < a.length) ? b : a,
        );
        out.push(
          ...describeIssues(
            closest.map((i) => ({ ...i, path: [...issue.path, ...i.path] })),
            input,
            root,
            registry,
            prefix,
          ),
        );
        break;
      }
      default:
        out.push({ path: where, en: issue.message, zh: issue.message });
    }
  }
  return out;
}
