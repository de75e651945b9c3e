import { useEffect, useRef, useState } from 'react';
import { AIMED_LEVERS, type AimedLever, AUDIENCE_KINDS } from '../engine/index.ts';
import { formatProblem, type Problem, unitText } from '../scenario/errors.ts';
import { fieldMeta, getAt, setAt } from '../scenario/fields.ts';
import { textIn } from '../scenario/localText.ts';
import type { ScenarioFile } from '../scenario/schema.ts';
import type { AudienceFigure } from './audienceFigures.ts';
import { Explain } from './Explain.tsx';
import {
  AUDIENCE_FIELDS,
  COST_FIELDS,
  type LeverSpec,
  SECTIONS,
  type Text,
  WORLD_FIELDS,
} from './editorFields.ts';
import type { Key, Lang } from './i18n.ts';
import { problemText } from './messages.ts';

interface Props {
  file: ScenarioFile;
  /** The scenario the edits are measured from (the file's baseline), for change marks and resets. */
  reference?: ScenarioFile | null;
  lang: Lang;
  t: (k: Key) => string;
  /** The edited file, and whether it is valid (invalid edits are shown, not run). */
  onChange: (file: ScenarioFile) => void;
  problems: Problem[];
  /** Who each aimed lever reached and what it cost in the last run (absent before one). */
  audiences?: Partial<Record<AimedLever, AudienceFigure>>;
}

type Path = (string | number)[];

/** A slider is offered beside the number box where the range is short enough to slide through. */
const SLIDER_SPAN = 1000;

/**
 * Fields whose value sets how long a run takes. Typed key by key, each of their keystrokes was a run
 * of its own: on the way to 1,000,000,000 (refused) the page started a run of 1,000,000 people,
 * which went on for 20 s under the refusal. They take effect once typing pauses (or on Enter or
 * leaving the field); every other field takes effect at once, which is what makes what-if instant.
 */
const SIZE_FIELDS = new Set(['population.marketSize', 'horizonMonths', 'population.network.meanContacts']);
const SIZE_PAUSE_MS = 500;

/** Whether a value differs from the reference's (both present). */
function changed(file: ScenarioFile, reference: ScenarioFile | null | undefined, path: Path): boolean {
  if (!reference) return false;
  return JSON.stringify(getAt(file, path)) !== JSON.stringify(getAt(reference, path));
}

/**
 * A number input that keeps what the user typed until it is a number, and shows its range and
 * unit; a slider beside it for short ranges; a mark when it differs from the baseline.
 */
function NumberField({
  path,
  label,
  help,
  file,
  reference,
  lang,
  t,
  onChange,
  problem,
}: {
  path: Path;
  label: Text;
  help: Text;
  file: ScenarioFile;
  reference?: ScenarioFile | null;
  lang: Lang;
  t: (k: Key) => string;
  onChange: (p: Path, v: unknown) => void;
  problem?: Problem;
}) {
  const meta = fieldMeta(path);
  const value = getAt(file, path) as number;
  const [text, setText] = useState<string | null>(null);
  const id = `f-${path.join('-')}`;
  const sized = SIZE_FIELDS.has(path.join('.'));
  // The value waiting for the pause, committed through the latest onChange (which holds the latest
  // file: a closure of the keystroke's render would write an older file over a newer one).
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; value: unknown } | null>(null);
  const latest = useRef(onChange);
  latest.current = onChange;
  const flush = useRef(() => {
    const p = pending.current;
    pending.current = null;
    if (p) {
      clearTimeout(p.timer);
      latest.current(path, p.value);
    }
  }).current;
  // Nothing typed is lost: it is committed when the editor closes or the page goes away too.
  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);
  const lo = meta.minimum;
  const hi = meta.maximum;
  const slidable = lo !== undefined && hi !== undefined && hi - lo <= SLIDER_SPAN;
  const step = slidable && !meta.integer ? (hi - lo) / 200 : 1;
  const was = reference ? getAt(reference, path) : undefined;
  const isChanged = changed(file, reference, path);
  return (
    <div className={`field${problem ? ' invalid' : ''}${isChanged ? ' changed' : ''}`}>
      <label htmlFor={id}>
        {label[lang]}
        {isChanged && (
          <span
            className="changed-mark"
            data-changed={path.join('.')}
            title={`${t('editorWas')} ${String(was)}`}
          >
            {' '}
            ●
            <span className="visually-hidden">
              {t('editorChanged')} {t('editorWas')} {String(was)}
            </span>
          </span>
        )}
      </label>
      <input
        id={id}
        data-field={path.join('.')}
        type="number"
        inputMode="decimal"
        min={meta.minimum}
        max={meta.maximum}
        step={meta.integer ? 1 : 'any'}
        value={text ?? String(value)}
        aria-invalid={problem ? true : undefined}
        onChange={(e) => {
          setText(e.target.value);
          const v = e.target.value.trim() === '' ? Number.NaN : Number(e.target.value);
          const typed = Number.isFinite(v) ? v : e.target.value;
          if (!sized) return onChange(path, typed);
          clearTimeout(pending.current?.timer);
          pending.current = { value: typed, timer: setTimeout(flush, SIZE_PAUSE_MS) };
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') flush();
        }}
        onBlur={() => {
          flush();
          setText(null);
        }}
      />
      <span className="unit">
        {unitText(meta.unit, lang)} · {meta.minimum}–{meta.maximum}
      </span>
      {slidable && (
        <input
          type="range"
          className="slider"
          aria-label={label[lang]}
          data-slider={path.join('.')}
          min={lo}
          max={hi}
          step={step}
          value={Number.isFinite(value) ? value : lo}
          onChange={(e) => {
            setText(null);
            onChange(path, Number(e.target.value));
          }}
        />
      )}
      <small className="help">
        {problem ? formatProblem({ ...problem, path: '' }, lang).replace(/^: /, '') : help[lang]}
      </small>
    </div>
  );
}

function Schedule({
  path,
  file,
  lang,
  onChange,
}: {
  path: Path;
  file: ScenarioFile;
  lang: Lang;
  onChange: (p: Path, v: unknown) => void;
}) {
  const windows = (getAt(file, path) as { from: number; to: number }[] | undefined) ?? [];
  const horizon = file.horizonMonths;
  return (
    <div className="schedule">
      <span>{lang === 'zh' ? '启用月份：' : 'On in months: '}</span>
      {windows.length === 0 && <span className="always">{lang === 'zh' ? '全程' : 'always'}</span>}
      {windows.map((w, k) => (
        <span key={`${k}-${w.from}-${w.to}`} className="window">
          <input
            type="number"
            min={1}
            max={horizon}
            value={w.from}
            aria-label={lang === 'zh' ? '起始月' : 'from month'}
            onChange={(e) => onChange([...path, k, 'from'], Number(e.target.value))}
          />
          –
          <input
            type="number"
            min={1}
            max={horizon}
            value={w.to}
            aria-label={lang === 'zh' ? '结束月' : 'to month'}
            onChange={(e) => onChange([...path, k, 'to'], Number(e.target.value))}
          />
          <button
            type="button"
            aria-label={lang === 'zh' ? '删除此时段' : 'remove this window'}
            onClick={() =>
              onChange(
                path,
                windows.filter((_, j) => j !== k),
              )
            }
          >
            ×
          </button>{' '}
        </span>
      ))}{' '}
      <button
        type="button"
        onClick={() => onChange(path, [...windows, { from: 1, to: Math.min(horizon, 3) }])}
      >
        {lang === 'zh' ? '+ 时段' : '+ window'}
      </button>
    </div>
  );
}

/** Who an aimed lever reaches: the kind, its one setting, and the last run's audience size and cost. */
function Audience({
  lever,
  path,
  file,
  lang,
  t,
  onChange,
  problem,
  figure,
}: {
  lever: AimedLever;
  path: Path;
  file: ScenarioFile;
  lang: Lang;
  t: (k: Key) => string;
  onChange: (p: Path, v: unknown) => void;
  problem?: Problem;
  figure?: AudienceFigure;
}) {
  const a = getAt(file, path) as { kind: string; segment: string; topPct: number; newMonths: number };
  const id = `f-${path.join('-')}`;
  const fmt = (x: number) => Math.round(x).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en');
  const setKind = (kind: string) => {
    const next = { ...a, kind };
    // A segment audience needs a segment: the first one, until the user picks another.
    if (kind === 'segment' && !file.population.segments.some((g) => g.id === a.segment))
      next.segment = file.population.segments[0]?.id ?? '';
    onChange(path, next);
  };
  return (
    <div className="field audience" data-audience={lever}>
      {/* The ⓘ beside the label, not in it: a button inside a label would also focus the select. */}
      <span>
        <label htmlFor={id}>{t(lever === 'complaintHandling' ? 'audienceCompensated' : 'audienceWho')}</label>{' '}
        <Explain
          id="audience"
          about={t(lever === 'complaintHandling' ? 'audienceCompensated' : 'audienceWho')}
          lang={lang}
          t={t}
        />
      </span>
      <select
        id={id}
        data-field={`${path.join('.')}.kind`}
        value={a.kind}
        onChange={(e) => setKind(e.target.value)}
      >
        {AUDIENCE_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`audience_${k}`)}
          </option>
        ))}
      </select>
      {a.kind === 'segment' && (
        <select
          aria-label={t('audienceSegment')}
          data-field={`${path.join('.')}.segment`}
          value={a.segment}
          onChange={(e) => onChange([...path, 'segment'], e.target.value)}
        >
          {file.population.segments.map((g) => (
            <option key={g.id} value={g.id}>
              {textIn(g.label, lang) || g.id}
            </option>
          ))}
        </select>
      )}
      {a.kind === 'topValue' && (
        <NumberField
          path={[...path, 'topPct']}
          label={AUDIENCE_FIELDS[0].label}
          help={AUDIENCE_FIELDS[0].help}
          file={file}
          lang={lang}
          t={t}
          onChange={onChange}
        />
      )}
      {a.kind === 'new' && (
        <NumberField
          path={[...path, 'newMonths']}
          label={AUDIENCE_FIELDS[1].label}
          help={AUDIENCE_FIELDS[1].help}
          file={file}
          lang={lang}
          t={t}
          onChange={onChange}
        />
      )}
      <small className="help" data-testid={`audience-size-${lever}`}>
        {figure && Number.isFinite(figure.reach)
          ? t('audienceSize')
              .replace('{reach}', fmt(figure.reach))
              .replace(
                '{share}',
                figure.active > 0 ? String(Math.round((100 * figure.reach) / figure.active)) : '0',
              )
              .replace('{cost}', fmt(figure.cost))
          : t('audienceSizeLater')}
      </small>
      {problem && (
        <small className="error" role="alert">
          {problemText(problem, lang)}
        </small>
      )}
    </div>
  );
}

function Lever({
  spec,
  file,
  reference,
  lang,
  t,
  onChange,
  problems,
  audiences,
}: {
  spec: LeverSpec;
  file: ScenarioFile;
  reference?: ScenarioFile | null;
  lang: Lang;
  t: (k: Key) => string;
  onChange: (p: Path, v: unknown) => void;
  problems: Problem[];
  audiences?: Props['audiences'];
}) {
  const name = spec.path[spec.path.length - 1];
  const aimed = (AIMED_LEVERS as readonly string[]).includes(name) ? (name as AimedLever) : null;
  const problemAt = (p: Path) => problems.find((x) => x.path === p.join('.'));
  const leverChanged = changed(file, reference, spec.path);
  return (
    <div className={`lever${leverChanged ? ' changed' : ''}`} data-lever={spec.path.join('.')}>
      <h3>
        {spec.label[lang]}
        {leverChanged && reference && (
          <button
            type="button"
            className="link reset"
            data-reset={spec.path.join('.')}
            onClick={() => onChange(spec.path, structuredClone(getAt(reference, spec.path)))}
          >
            {t('editorReset')}
          </button>
        )}
      </h3>
      <p className="help">{spec.help[lang]}</p>
      {spec.fields.map((f) => {
        const p = [...spec.path, f.key];
        if (f.kind === 'boolean') {
          return (
            <label key={f.key} className="field check">
              <input
                type="checkbox"
                checked={Boolean(getAt(file, p))}
                onChange={(e) => onChange(p, e.target.checked)}
              />{' '}
              {f.label[lang]}
              <small className="help">{f.help[lang]}</small>
            </label>
          );
        }
        if (f.kind === 'target') {
          return (
            <div key={f.key} className="field">
              <label htmlFor={`f-${p.join('-')}`}>{f.label[lang]}</label>
              <select
                id={`f-${p.join('-')}`}
                data-field={p.join('.')}
                value={String(getAt(file, p))}
                onChange={(e) => onChange(p, e.target.value)}
              >
                <option value="all">{lang === 'zh' ? '全部客户' : 'everyone'}</option>
                <option value="new">{lang === 'zh' ? '新客' : 'new customers'}</option>
                <option value="lapsed">{lang === 'zh' ? '流失客户' : 'lapsed customers'}</option>
              </select>
              <small className="help">{f.help[lang]}</small>
            </div>
          );
        }
        return (
          <NumberField
            key={f.key}
            path={p}
            label={f.label}
            help={f.help}
            file={file}
            reference={reference}
            lang={lang}
            t={t}
            onChange={onChange}
            problem={problemAt(p)}
          />
        );
      })}
      {aimed && (
        <Audience
          lever={aimed}
          path={[...spec.path, 'audience']}
          file={file}
          lang={lang}
          t={t}
          onChange={onChange}
          problem={problems.find((x) => x.path.startsWith([...spec.path, 'audience'].join('.')))}
          figure={audiences?.[aimed]}
        />
      )}
      <Schedule path={[...spec.path, 'schedule']} file={file} lang={lang} onChange={onChange} />
      <details className="costs">
        <summary>{lang === 'zh' ? '成本' : 'Cost'}</summary>
        {COST_FIELDS.map((f) => (
          <NumberField
            key={f.key}
            path={[...spec.path, 'cost', f.key]}
            label={f.label}
            help={f.help}
            file={file}
            reference={reference}
            lang={lang}
            t={t}
            onChange={onChange}
            problem={problemAt([...spec.path, 'cost', f.key])}
          />
        ))}
      </details>
    </div>
  );
}

/** Levers grouped by the three dimensions and organisation, plus the market, each with unit, range and help. */
export function ScenarioEditor({ file, reference, lang, t, onChange, problems, audiences }: Props) {
  const change = (p: Path, v: unknown) => onChange(setAt(file, p, v));
  return (
    <section className="editor" data-testid="editor">
      <h2 className="visually-hidden">{t('editorHeading')}</h2>
      {reference && textIn(reference.name, lang) !== textIn(file.name, lang) && (
        <p className="note" data-testid="editor-reference">
          {t('editorReference').replace('{baseline}', textIn(reference.name, lang))}
        </p>
      )}
      <div className="field">
        <label htmlFor="f-name">{lang === 'zh' ? '名称' : 'Name'}</label>
        <input
          id="f-name"
          data-field="name"
          value={textIn(file.name, lang)}
          // A name typed here is the user's own text, in whichever language they type it.
          onChange={(e) => onChange({ ...file, name: e.target.value })}
          size={50}
        />
      </div>
      <div className="world">
        {WORLD_FIELDS.map((f) => (
          <NumberField
            key={f.path.join('.')}
            path={f.path}
            label={f.label}
            help={f.help}
            file={file}
            reference={reference}
            lang={lang}
            t={t}
            onChange={change}
            problem={problems.find((x) => x.path === f.path.join('.'))}
          />
        ))}
      </div>
      <div className="dimensions">
        {SECTIONS.map((section) => (
          <fieldset key={section.id} className={`dimension ${section.id}`}>
            <legend>{section.label[lang]}</legend>
            {section.levers.map((l) => (
              <Lever
                key={l.path.join('.')}
                spec={l}
                file={file}
                reference={reference}
                lang={lang}
                t={t}
                onChange={change}
                problems={problems}
                audiences={audiences}
              />
            ))}
          </fieldset>
        ))}
      </div>
      {problems.length > 0 && (
        <p className="error" data-testid="editor-problems">
          {t('editorNotRun')} {problems.map((p) => problemText(p, lang)).join('; ')}
        </p>
      )}
    </section>
  );
}
