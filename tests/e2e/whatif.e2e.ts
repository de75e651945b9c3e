import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HEADLINE_KPIS, summarise } from '../../src/analysis/summary.ts';
import { type RunResult, simulate } from '../../src/engine/index.ts';
import { setAt } from '../../src/scenario/fields.ts';
import { parseScenarioObject } from '../../src/scenario/importer.ts';
import { servedApp, watchErrors, watchLongTasks } from './browser.ts';

const app = servedApp();

const FIELD = 'levers.value.discount.depthPct';
const REPLICATIONS = 8; // the Scenario tab's (src/ui/App.tsx)
const SEED = 1;
/** Lever values each left to finish: the timed changes. None repeats (a repeat is read from the cache). */
const SETTLED = [10, 20, 30, 5, 15];
/** Lever values each changed again as soon as its first replication is drawn. */
const INTERRUPTING = [12, 22, 32, 8, 18];
/** Lever values changed faster than a run takes: every run but the last goes stale. */
const RAPID = [25, 35, 40];
/** The last change, with the page in Chinese. */
const IN_CHINESE = 45;

type Means = Record<string, number>;

/**
 * What the Scenario tab must show for the default scenario with the discount at a depth, whichever
 * of its replications it shows: computed here in Node by the same engine, after the page's timings
 * (so as not to compete with them for the cores).
 */
function scenarioAt(depth: number) {
  const file = JSON.parse(readFileSync('scenarios/baselines/neighbourhood.json', 'utf8'));
  const r = parseScenarioObject(setAt(file, FIELD.split('.'), depth));
  if (!r.ok) throw new Error(`the default scenario with the discount at ${depth} % is invalid`);
  return r.scenario;
}

const runs = new Map<string, RunResult>();
/** Replication k of the default scenario with the discount at `depth`, run here in Node (once). */
function replication(depth: number, k: number): RunResult {
  const key = `${depth} ${k}`;
  let r = runs.get(key);
  if (!r) {
    r = simulate(scenarioAt(depth), { seed: SEED, replication: k });
    runs.set(key, r);
  }
  return r;
}

/** The headline KPIs' means over the replications listed. */
const meansOf = (depth: number, shown: number[]): Means =>
  Object.fromEntries(
    summarise(
      shown.map((k) => replication(depth, k)),
      HEADLINE_KPIS,
    ).map((s) => [s.kpi.id, s.interval.mean]),
  );

const same = (a: Means, b: Means) =>
  Object.keys(b).length === Object.keys(a).length &&
  Object.entries(b).every(([k, v]) => Math.abs(a[k] - v) <= 1e-9 * Math.max(1, Math.abs(v)));

/** One state of the results the page drew: when, of how many replications, with which KPI means. */
interface Drawn {
  at: number;
  kind: 'partial' | 'full';
  replications: number;
  /** Which replications a partial result shows (all, for a full one). */
  shown: number[];
  /** The note over a partial result, as shown. */
  note: string | null;
  means: Means;
}

/**
 * Records in the page, from now on, each edit of the lever (its input event) and each new state of
 * the results once its charts are drawn (an SVG in both), with performance.now() times.
 */
async function record(page: Page) {
  await page.evaluate((field) => {
    const w = window as unknown as { edits: { at: number; value: number }[]; drawn: Drawn[] };
    w.edits = [];
    w.drawn = [];
    document.addEventListener(
      'input',
      (e) => {
        const el = e.target as HTMLInputElement;
        if (el.dataset.field === field) w.edits.push({ at: performance.now(), value: Number(el.value) });
      },
      true,
    );
    let last = '';
    const look = () => {
      const box = document.querySelector(
        '[data-testid="results"], [data-testid="partial-results"]',
      ) as HTMLElement | null;
      if (!box) return;
      const kind = box.dataset.testid === 'results' ? 'full' : 'partial';
      const suffix = kind === 'full' ? '' : '-partial';
      if (
        !box.querySelector(`[data-testid="chart-active${suffix}"] svg`) ||
        !box.querySelector(`[data-testid="chart-nps${suffix}"] svg`)
      )
        return;
      const attr = kind === 'full' ? 'kpi' : 'partial-kpi';
      const means: Record<string, number> = {};
      for (const row of box.querySelectorAll<HTMLElement>(`[data-${attr}]`))
        means[row.getAttribute(`data-${attr}`)!] = Number(
          row.getAttribute(kind === 'full' ? 'data-mean' : 'data-partial-mean'),
        );
      const replications = Number(box.dataset.replications);
      const shown =
        kind === 'full'
          ? Array.from({ length: replications }, (_, k) => k)
          : (box.dataset.shown ?? '').split(' ').map(Number);
      const sig = `${kind} ${shown} ${JSON.stringify(means)}`;
      if (sig === last) return;
      last = sig;
      const note = box.querySelector('[data-testid="partial-note"]')?.textContent ?? null;
      w.drawn.push({ at: performance.now(), kind, replications, shown, note, means });
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true });
  }, FIELD);
  return () =>
    page.evaluate(() => {
      const w = window as unknown as { edits: { at: number; value: number }[]; drawn: Drawn[] };
      return { edits: w.edits, drawn: w.drawn };
    });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

interface Edit {
  at: number;
  value: number;
}

/**
 * The states drawn after an edit (until the next one): their times, and checks that each is of the
 * edit's value (never a previous value's, nor other replications than it says).
 */
function after(edit: Edit, next: Edit | undefined, drawn: Drawn[], name: string) {
  const during = drawn.filter((d) => d.at >= edit.at && d.at < (next?.at ?? Number.POSITIVE_INFINITY));
  for (const d of during) {
    expect(d.kind === 'full', `${name}: full only with every replication`).toBe(
      d.replications === REPLICATIONS,
    );
    expect(d.shown).toHaveLength(d.replications);
    expect(
      same(d.means, meansOf(edit.value, d.shown)),
      `${name}: replications ${d.shown} of ${edit.value} %`,
    ).toBe(true);
  }
  const first = during[0];
  const full = during.find((d) => d.kind === 'full');
  return { during, first, full };
}

const ONE_REPLICATION = {
  en: /^1 replication .*the bands are coming/,
  zh: /^目前只有 1 次重复模拟.*置信带即将呈现/,
};

/** The first state drawn after an edit is one replication, marked as such in the page's language. */
function firstIsOne(first: Drawn | undefined, name: string, lang: 'en' | 'zh') {
  expect(first, `${name}: something was drawn`).toBeDefined();
  expect(first!.kind, `${name}: the first result is drawn as partial`).toBe('partial');
  expect(first!.replications, `${name}: the first result is one replication`).toBe(1);
  expect(first!.note).toMatch(ONE_REPLICATION[lang]);
}

/**
 * Instant what-if on the Scenario tab: a lever change on the default scenario draws one
 * replication first (marked as such), then the bands; an edit made while a run goes on cancels it
 * and its results never appear. It prints the times and the longest main-thread task (reported,
 * never asserted: speed is not a pass/fail condition) and asserts what is drawn.
 */
describe('instant what-if', () => {
  it('draws one replication, then the bands, and never a stale run', async () => {
    // The machine may be shared: its load, one minute's average of runnable processes, goes with the times.
    const loadBefore = loadavg()[0];
    const context = await app.browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url);
    await page.waitForSelector('[data-testid="chart-active"] svg', { timeout: 90_000 });
    await page.click('[data-testid="edit"]');
    await page.waitForSelector(`[data-field="${FIELD}"]`);
    const longTasks = await watchLongTasks(page);
    const read = await record(page);
    /** Waits until a state of this kind is drawn after the last edit. */
    const drawnAfterEdit = (kind: 'partial' | 'full') =>
      page.waitForFunction(
        (kind) => {
          const w = window as unknown as { edits: Edit[]; drawn: Drawn[] };
          const since = w.edits[w.edits.length - 1].at;
          return w.drawn.some((d) => d.at >= since && d.kind === kind);
        },
        kind,
        { timeout: 60_000 },
      );
    const edit = (v: number) => page.fill(`[data-field="${FIELD}"]`, String(v));

    // Each change left to finish.
    for (const v of SETTLED) {
      await edit(v);
      await drawnAfterEdit('full');
      // A second to read it, as a user would; an edit at once also meets the finished run's last work (storing it).
      await page.waitForTimeout(1000);
    }
    // Each change made once the previous one's first replication is drawn: it cancels a run.
    for (const v of INTERRUPTING) {
      await edit(v);
      await drawnAfterEdit(v === INTERRUPTING[INTERRUPTING.length - 1] ? 'full' : 'partial');
    }
    // Changes faster than a first replication: each run but the last is cancelled before it shows anything.
    for (const v of RAPID) {
      await edit(v);
      await page.waitForTimeout(100);
    }
    await drawnAfterEdit('full');
    // The same in Chinese.
    await page.click('[data-testid="lang"]');
    await edit(IN_CHINESE);
    await drawnAfterEdit('full');
    await page.waitForTimeout(1000); // anything stale still on its way would land now
    const { edits, drawn } = await read();
    const { longest, count, tasks } = await longTasks();
    const workers = await page.evaluate(() => navigator.hardwareConcurrency);
    expect(errors).toEqual([]);
    await context.close();

    const values = [...SETTLED, ...INTERRUPTING, ...RAPID, IN_CHINESE];
    expect(edits.map((e) => e.value)).toEqual(values);
    const states = edits.map((e, i) => after(e, edits[i + 1], drawn, `${e.value} % (change ${i + 1})`));
    const times = (from: number, to: number, lang: 'en' | 'zh' = 'en') =>
      states.slice(from, to).map((s, i) => {
        firstIsOne(s.first, `${values[from + i]} %`, lang);
        return {
          first: s.first!.at - edits[from + i].at,
          full: s.full ? s.full.at - edits[from + i].at : null,
        };
      });
    const settled = times(0, SETTLED.length);
    for (const s of settled) expect(s.full, 'the bands arrive').not.toBeNull();
    const interrupting = times(SETTLED.length, SETTLED.length + INTERRUPTING.length);
    // A cancelled run's results are never drawn once the next edit is made (checked in after()), and
    // the interrupted ones never finished.
    for (const s of interrupting.slice(0, -1)) expect(s.full).toBeNull();
    const rapidFrom = SETTLED.length + INTERRUPTING.length;
    const rapid = states.slice(rapidFrom, rapidFrom + RAPID.length);
    for (const s of rapid.slice(0, -1)) expect(s.full, 'a stale run never reaches its bands').toBeUndefined();
    const lastRapid = times(rapidFrom + RAPID.length - 1, rapidFrom + RAPID.length)[0];
    expect(lastRapid.full).not.toBeNull();
    expect(times(values.length - 1, values.length, 'zh')[0].full).not.toBeNull();

    // Each long task with the change it followed, to tell what caused it.
    const long = tasks.map((task) => {
      const i = edits.findLastIndex((e) => e.at <= task.start);
      return { ms: task.duration, change: i + 1, afterMs: i >= 0 ? task.start - edits[i].at : null };
    });
    const load = [loadBefore, loadavg()[0]].map((x) => Number(x.toFixed(1)));
    const report = {
      workers,
      load,
      settled,
      interrupting,
      lastOfRapid: lastRapid,
      medianFirstMs: median(settled.map((x) => x.first)),
      medianFullMs: median(settled.map((x) => x.full!)),
      medianFirstAfterCancelMs: median(interrupting.slice(1).map((x) => x.first)),
      longestTaskMs: longest,
      longTasks: count,
      long,
    };
    mkdirSync('tests/.reports', { recursive: true });
    writeFileSync('tests/.reports/whatif.json', `${JSON.stringify(report, null, 2)}\n`);
    const ms = (x: number | null) => (x === null ? '—' : x.toFixed(0));
    console.log(
      `what-if on the default scenario (${REPLICATIONS} replications, ${workers} workers, ` +
        `load average ${load.join(' → ')}): ` +
        `first result (1 replication) drawn ${ms(report.medianFirstMs)} ms after a change, ` +
        `full bands ${ms(report.medianFullMs)} ms (medians of ${settled.length} changes, first/full: ` +
        `${settled.map((x) => `${ms(x.first)}/${ms(x.full)}`).join(', ')} ms); ` +
        `a change cancelling a run: first result ${ms(report.medianFirstAfterCancelMs)} ms ` +
        `(median of ${interrupting.length - 1}: ${interrupting
          .slice(1)
          .map((x) => ms(x.first))
          .join(', ')} ms); ` +
        `after ${RAPID.length} quick changes ${ms(lastRapid.first)}/${ms(lastRapid.full)} ms; ` +
        `longest main-thread task ${ms(longest)} ms (${count} over 50 ms` +
        `${long.map((l) => `: ${ms(l.ms)} ms ${ms(l.afterMs)} ms after change ${l.change}`).join(',')})`,
    );
  }, 400_000); // the page's 14 changes, then about 70 replications in Node to check them against
});
