import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Interval } from '../analysis/stats.ts';
import type { RunResult, Scenario } from '../engine/index.ts';
import { defaultDimensions } from '../engine/index.ts';
import {
  ATTRIBUTION_OUTCOMES,
  type Attribution,
  type AttributionRow,
  attribute,
  attributionCost,
  attributionCsv,
  attributionDesign,
  type Known,
} from '../experiments/attribution.ts';
import type { Evaluator } from '../experiments/measure.ts';
import { OUTCOMES } from '../experiments/outcomes.ts';
import type { RunProgress, WorkerPool } from '../runner/pool.ts';
import type { OutcomeId } from '../scenario/experimentSchema.ts';
import type { Lesson } from '../scenario/lessonSchema.ts';
import type { ScenarioFile } from '../scenario/schema.ts';
import { Chart } from './Chart.tsx';
import { type AttributionBar, attributionChart } from './charts/attributionChart.ts';
import { download } from './download.ts';
import { Explain } from './Explain.tsx';
import { formatIntervalFull, formatIntervalShort, formatShort } from './format.ts';
import { fill, type Key, type Lang } from './i18n.ts';
import { runStoppedMessage } from './messages.ts';
import { RunControls } from './RunControls.tsx';

const DEFAULT_SYNERGY = defaultDimensions().synergy;

/** One split to compute: a plan against its baseline on given seeds (a panel of the chart). */
export interface AttributionRequest {
  facet: string;
  baseline: Scenario;
  plan: Scenario;
  baselineName: string;
  planName: string;
  seed: number | string;
  replications: number;
  /** Runs of the baseline and the plan that already exist on these seeds (reused, not rerun). */
  known?: { baseline?: RunResult[]; plan?: RunResult[] };
}

interface Finished {
  outcome: OutcomeId;
  splits: { request: AttributionRequest; attribution: Attribution }[];
}

const knownFor = (r: AttributionRequest, outcome: OutcomeId): Known => ({
  baseline: r.known?.baseline?.map(OUTCOMES[outcome].of),
  plan: r.known?.plan?.map(OUTCOMES[outcome].of),
});

/** The pool's measurements as an Evaluator, reporting the pool's progress offset by what ran before. */
function poolEvaluator(
  pool: WorkerPool,
  before: number,
  total: number,
  onProgress: (p: RunProgress) => void,
): Evaluator {
  return (tasks, outcome, onDone) =>
    pool.measureMany(tasks, outcome, (p) => {
      onProgress({ done: before + p.done, total, etaSeconds: p.etaSeconds });
      onDone?.(p.done);
    });
}

/**
 * Splits one or more plans' effects into the parts of their lever groups on the worker pool, after
 * saying what it costs; shows them as a chart with 95 % paired intervals and a table, and exports
 * both. `requests` null: not available yet (`waiting` says why).
 */
export function AttributionPanel({
  t,
  lang,
  requests,
  waiting,
  pool,
  busy = false,
  onBusy,
  outcomes = ATTRIBUTION_OUTCOMES,
  title,
  intro,
  name,
  testId = 'attribution',
  children,
}: {
  t: (k: Key) => string;
  lang: Lang;
  requests: AttributionRequest[] | null;
  waiting?: string;
  pool: () => WorkerPool | null;
  /** Another run holds the pool. */
  busy?: boolean;
  onBusy?: (busy: boolean) => void;
  outcomes?: readonly OutcomeId[];
  title: string;
  intro: string;
  /** File names of the exports: loyalty-lab-NAME-OUTCOME.… */
  name: string;
  testId?: string;
  /** Choices shown before the outcome (e.g. which plan). */
  children?: React.ReactNode;
}) {
  const [outcome, setOutcome] = useState<OutcomeId>(outcomes[0]);
  const [progress, setProgress] = useState<RunProgress | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [finished, setFinished] = useState<Finished | null>(null);
  // A split belongs to what it was made of: another plan, baseline, seed or scenario clears it; new
  // labels (the language) do not.
  const made = useMemo(
    () => JSON.stringify((requests ?? []).map((r) => [r.baseline, r.plan, r.seed, r.replications])),
    [requests],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: cleared when what is split changes
  useEffect(() => {
    setFinished(null);
    setMessage(null);
  }, [made]);

  const designs = useMemo(
    () => (requests ?? []).map((r) => attributionDesign(r.baseline, r.plan)),
    [requests],
  );
  const costs = (requests ?? []).map((r, k) =>
    attributionCost(designs[k], r.replications, knownFor(r, outcome)),
  );
  const cost = costs.reduce((a, c) => a + c, 0);
  const nothing = designs.length > 0 && designs.every((d) => d.changed === 0 && !d.otherChanges);

  const run = async () => {
    const p = pool();
    if (!requests || !p) return;
    setMessage(null);
    setFinished(null);
    onBusy?.(true);
    try {
      const splits: Finished['splits'] = [];
      let before = 0;
      for (const [k, r] of requests.entries()) {
        const attribution = await attribute(
          r.baseline,
          r.plan,
          outcome,
          r.seed,
          r.replications,
          poolEvaluator(p, before, cost, setProgress),
          knownFor(r, outcome),
        );
        before += costs[k];
        splits.push({ request: r, attribution });
      }
      setFinished({ outcome, splits });
    } catch (e) {
      setMessage(runStoppedMessage(e, lang, t('cancelled')));
    } finally {
      setProgress(null);
      onBusy?.(false);
    }
  };

  // The same requests as when run (see `made`), with labels in the current language.
  const shownSplits = useMemo(
    () => (finished?.splits ?? []).map((sp, k) => ({ ...sp, request: requests?.[k] ?? sp.request })),
    [finished, requests],
  );
  const unit = finished ? OUTCOMES[finished.outcome].unit : OUTCOMES[outcome].unit;
  const partLabel = useCallback((p: AttributionRow['part']) => t(`attrPart_${p}` as Key), [t]);
  const outcomeLabel = useCallback((o: OutcomeId) => t(`out_${o}` as Key), [t]);
  const chart = useCallback(
    (width: number) => {
      const rows: AttributionBar[] = [];
      for (const { request, attribution } of shownSplits)
        for (const r of attribution.rows)
          rows.push({
            facet: request.facet,
            part: partLabel(r.part),
            kind: r.part === 'interaction' || r.part === 'other' || r.part === 'total' ? r.part : 'group',
            mean: r.value.mean,
            lo: r.value.lo,
            hi: r.value.hi,
            alone: r.alone?.mean,
          });
      return attributionChart(rows, {
        title: fill(t('attrChartTitle'), { outcome: finished ? outcomeLabel(finished.outcome) : '' }),
        xLabel: t('attrAxis'),
        aloneLabel: t('attrAlone'),
        width: Math.min(width, 900),
        format: (x) => formatShort(x, unit, lang),
      });
    },
    [finished, shownSplits, partLabel, outcomeLabel, t, unit, lang],
  );
  const caption = useMemo(
    () =>
      shownSplits.map(({ request: r }) =>
        [
          r.facet,
          fill(t('attrCaption'), {
            plan: r.planName,
            baseline: r.baselineName,
            outcome: finished ? outcomeLabel(finished.outcome) : '',
          }),
          fill(t('chartCaptionRuns'), { reps: r.replications, seed: r.seed }),
        ].join(' · '),
      ),
    [finished, shownSplits, outcomeLabel, t],
  );

  const downloadCsv = () => {
    if (!finished) return;
    const parts = shownSplits.map(({ request: r, attribution }) =>
      attributionCsv(attribution, {
        baseline: r.baselineName,
        plan: r.facet === r.planName ? r.planName : `${r.planName} (${r.facet})`,
      })
        .trimEnd()
        .split('\n'),
    );
    const csv = [parts[0][0], ...parts.flatMap((p) => p.slice(1))].join('\n');
    download(new Blob([`${csv}\n`], { type: 'text/csv' }), `loyalty-lab-${name}-${finished.outcome}.csv`);
  };

  const cell = (iv: Interval | undefined) =>
    iv ? (
      <span title={formatIntervalFull(iv, unit, true)}>{formatIntervalShort(iv, unit, lang, true)}</span>
    ) : (
      '—'
    );

  return (
    <section className="attribution" data-testid={testId}>
      <h3>
        {title} <Explain id="attribution" about={title} lang={lang} t={t} />
      </h3>
      <p className="note">{intro}</p>
      <div className="compare-setup no-print">
        {children}
        {outcomes.length > 1 && (
          <label>
            {t('attrOutcome')}{' '}
            <select
              value={outcome}
              onChange={(e) => setOutcome(e.target.value as OutcomeId)}
              data-testid={`${testId}-outcome`}
              disabled={progress !== null}
            >
              {outcomes.map((o) => (
                <option key={o} value={o}>
                  {outcomeLabel(o)}
                </option>
              ))}
            </select>
          </label>
        )}
        {requests && !nothing && (
          <RunControls
            progress={progress}
            onRun={() => void run()}
            onCancel={() => pool()?.cancel()}
            label={t('attrRun')}
            disabled={busy}
            anchor={false}
            ids={{ run: `${testId}-run`, cancel: `${testId}-cancel`, progress: `${testId}-progress` }}
          />
        )}
      </div>
      {!requests ? (
        <p className="note">{waiting}</p>
      ) : nothing ? (
        <p className="note">{t('attrNothing')}</p>
      ) : (
        <p className="note" data-testid={`${testId}-cost`} data-runs={cost}>
          {/* "This costs 0 extra runs" reads as a contradiction: say that everything is already run. */}
          {cost === 0
            ? fill(t('attrCostNone'), {
                subsets: designs.map((d) => d.subsets.length).join(' + '),
                reps: requests[0].replications,
              })
            : `${fill(t('attrCost'), {
                runs: cost,
                subsets: designs.map((d) => d.subsets.length).join(' + '),
                reps: requests[0].replications,
              })} ${requests.some((r) => r.known) ? t('attrCostKnown') : ''}`.trim()}
        </p>
      )}
      {message && (
        <output className="note" data-testid={`${testId}-message`}>
          {message}
        </output>
      )}
      {finished && (
        <>
          <Chart
            build={chart}
            testId={`${testId}-chart`}
            name={`${name}-${finished.outcome}`}
            caption={[...caption, t('attrNote')]}
          />
          <div className="table-scroll">
            <table className="kpis" data-testid={`${testId}-table`}>
              <thead>
                <tr>
                  {finished.splits.length > 1 && (
                    <th scope="col">
                      <span className="visually-hidden">{t('attrSetting')}</span>
                    </th>
                  )}
                  <th scope="col">{t('attrPart')}</th>
                  <th scope="col">{t('attrShapley')}</th>
                  <th scope="col">{t('attrAloneCol')}</th>
                </tr>
              </thead>
              <tbody>
                {shownSplits.flatMap(({ request, attribution }) =>
                  attribution.rows.map((r) => (
                    <tr
                      key={`${request.facet}-${r.part}`}
                      data-facet={request.facet}
                      data-part={r.part}
                      data-mean={String(r.value.mean)}
                      data-lo={String(r.value.lo)}
                      data-hi={String(r.value.hi)}
                      data-alone={r.alone ? String(r.alone.mean) : undefined}
                    >
                      {finished.splits.length > 1 && <th scope="row">{request.facet}</th>}
                      <th scope="row">{partLabel(r.part)}</th>
                      <td>{cell(r.value)}</td>
                      <td>{cell(r.alone)}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
          {shownSplits.map(({ request, attribution }) =>
            attribution.design.otherChanges ? (
              <p className="note" key={request.facet}>
                {fill(t('attrOther'), { paths: attribution.design.otherPaths.join(', ') })}
              </p>
            ) : null,
          )}
          <p className="note">{t('attrNote')}</p>
          <div className="no-print">
            <button type="button" onClick={downloadCsv} data-testid={`${testId}-csv`}>
              {t('attrCsv')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

/**
 * The Compare page's attribution: one plan of the finished comparison against its baseline, on the
 * comparison's seeds and replications; the comparison's own baseline and plan runs are reused.
 */
export function CompareAttribution({
  t,
  lang,
  baseline,
  plans,
  scenarioOf,
  nameOf,
  results,
  seed,
  replications,
  complete,
  fresh,
  pool,
  busy,
  onBusy,
}: {
  t: (k: Key) => string;
  lang: Lang;
  baseline: string;
  plans: string[];
  scenarioOf: (id: string) => Scenario | undefined;
  nameOf: (id: string) => string;
  results: Record<string, RunResult[]>;
  seed: string;
  replications: number;
  /** Whether every replication of the comparison is in. */
  complete: boolean;
  /** Whether the results were run from the scenarios as they are now (not a past run reopened). */
  fresh: boolean;
  pool: () => WorkerPool | null;
  busy: boolean;
  onBusy: (busy: boolean) => void;
}) {
  const [picked, setPicked] = useState(plans[0]);
  const plan = plans.includes(picked) ? picked : plans[0];
  const requests = useMemo((): AttributionRequest[] | null => {
    const b = scenarioOf(baseline);
    const p = plan ? scenarioOf(plan) : undefined;
    if (!complete || !b || !p) return null;
    return [
      {
        facet: nameOf(plan),
        baseline: b,
        plan: p,
        baselineName: nameOf(baseline),
        planName: nameOf(plan),
        seed,
        replications,
        known: fresh ? { baseline: results[baseline], plan: results[plan] } : undefined,
      },
    ];
  }, [baseline, plan, scenarioOf, nameOf, results, seed, replications, complete, fresh]);
  if (plans.length === 0) return null;
  return (
    <AttributionPanel
      t={t}
      lang={lang}
      requests={requests}
      waiting={t('attrWaiting')}
      pool={pool}
      busy={busy}
      onBusy={onBusy}
      title={t('attrTitle')}
      intro={t('attrIntro')}
      name="compare-attribution"
    >
      {plans.length > 1 && (
        <label>
          {t('attrPlan')}{' '}
          <select value={plan} onChange={(e) => setPicked(e.target.value)} data-testid="attribution-plan">
            {plans.map((id) => (
              <option key={id} value={id}>
                {nameOf(id)}
              </option>
            ))}
          </select>
        </label>
      )}
    </AttributionPanel>
  );
}

/**
 * A lesson's attribution: its option against the lesson's world without it, at each setting of the
 * synergy dial the lesson names, on the lesson's seeds; the lesson's own runs of the option are
 * reused at the scenario's own setting.
 */
export function LessonAttribution({
  t,
  lang,
  file,
  pairs,
  optionLabel,
  known,
  pool,
}: {
  t: (k: Key) => string;
  lang: Lang;
  file: ScenarioFile & { lesson: Lesson };
  pairs: { synergy: number; baseline: Scenario; plan: Scenario }[];
  optionLabel: string;
  known: RunResult[] | undefined;
  pool: () => WorkerPool | null;
}) {
  const l = file.lesson;
  const requests = useMemo(
    (): AttributionRequest[] =>
      pairs.map((p) => ({
        facet:
          fill(t('attrSynergy'), { s: p.synergy }) +
          (p.synergy === 0
            ? ` (${t('attrAdditive')})`
            : p.synergy === DEFAULT_SYNERGY
              ? ` (${t('attrDefault')})`
              : ''),
        baseline: p.baseline,
        plan: p.plan,
        baselineName: l.title[lang],
        planName: optionLabel,
        seed: l.seed,
        replications: l.replications,
        known: p.synergy === file.dimensions.synergy && known ? { plan: known } : undefined,
      })),
    [pairs, t, l, lang, optionLabel, file, known],
  );
  return (
    <AttributionPanel
      t={t}
      lang={lang}
      requests={requests}
      pool={pool}
      outcomes={[l.outcome]}
      title={t('attrLessonTitle')}
      intro={t('attrLessonIntro')}
      name={`lesson-attribution`}
      testId="lesson-attribution"
    />
  );
}
