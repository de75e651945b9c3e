/**
 * Fits CLV models to a transaction log off the main thread, so a large log never freezes the page.
 * A file is read as a stream (File.stream(), decoded chunk by chunk into the chunked reader), so
 * its whole text is never in memory; progress (bytes, rows, customers, stage) goes back as it goes.
 * The page cancels by terminating this worker. The per-customer rows stay here: the page gets the
 * top customers, a binned CLV distribution and, on request, the CSV — not 200,000 objects to clone.
 */
import '../src/runner/noEval.ts';
import * as Comlink from 'comlink';
import type { BgNbdParams } from '../src/analysis/clv/bgnbd.ts';
import { type CalibrationOptions, calibratedScenario } from '../src/analysis/clv/calibrate.ts';
import type { CustomerClv } from '../src/analysis/clv/clv.ts';
import type { GammaGammaParams } from '../src/analysis/clv/gammaGamma.ts';
import {
  clvCsv,
  type FitOptions,
  type FitReport,
  type FitStage,
  fitParsedLog,
  fitTransactionLog,
} from '../src/analysis/clv/report.ts';
import { simulatedTransactionLog } from '../src/analysis/clv/simulatedLog.ts';
import { TransactionReader } from '../src/analysis/clv/transactions.ts';
import { lifeLockApi } from '../src/runner/lifeLock.ts';
import { type ScenarioFile, toEngine } from '../src/scenario/schema.ts';

export interface ClvProgress {
  bytes: number;
  totalBytes: number;
  rows: number;
  customers: number;
  stage: 'read' | FitStage;
}

export interface ClvBin {
  x0: number;
  x1: number;
  count: number;
}

/** What the page shows: the report without its per-customer rows. */
export type PageReport = Omit<FitReport, 'clv'> & {
  clvCount: number;
  clvTop: CustomerClv[];
  clvBins: ClvBin[];
};

export type PageFitResult = { ok: true; report: PageReport } | { ok: false; error: string; zh: string };

const TOP = 20;
const BINS = 40;
let lastClv: CustomerClv[] = [];

function forPage(report: FitReport): PageReport {
  const { clv, ...rest } = report;
  lastClv = clv;
  const top = [...clv].sort((a, b) => b.clv - a.clv).slice(0, TOP);
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const c of clv) {
    if (c.clv < lo) lo = c.clv;
    if (c.clv > hi) hi = c.clv;
  }
  const bins: ClvBin[] = [];
  if (clv.length) {
    const width = hi > lo ? (hi - lo) / BINS : 1;
    for (let k = 0; k < BINS; k++) bins.push({ x0: lo + k * width, x1: lo + (k + 1) * width, count: 0 });
    for (const c of clv) bins[Math.min(BINS - 1, Math.floor((c.clv - lo) / width))].count++;
  }
  return { ...rest, clvCount: clv.length, clvTop: top, clvBins: bins };
}

const api = {
  ...lifeLockApi,
  /** A log already in memory (the bundled sample, a simulated log). */
  fit(text: string, options: FitOptions): PageFitResult {
    const r = fitTransactionLog(text, options);
    return r.ok ? { ok: true, report: forPage(r.report) } : r;
  },

  /** The user's file, read as a stream; progress about every 100 ms. */
  async fitFile(
    file: File,
    options: FitOptions,
    onProgress: (p: ClvProgress) => void,
  ): Promise<PageFitResult> {
    const reader = new TransactionReader(options);
    let bytes = 0;
    let last = 0;
    const tell = (stage: ClvProgress['stage']) =>
      onProgress({
        bytes,
        totalBytes: file.size,
        rows: reader.lines,
        customers: reader.customersFound,
        stage,
      });
    // Bytes are decoded as they come (a character split across chunks waits for the next one).
    const decoder = new TextDecoder();
    const it = file.stream().getReader();
    for (;;) {
      const { value, done } = await it.read();
      if (done) break;
      bytes += value.byteLength;
      reader.push(decoder.decode(value, { stream: true }));
      const now = performance.now();
      if (now - last > 100) {
        last = now;
        tell('read');
      }
    }
    reader.push(decoder.decode());
    tell('read');
    const r = fitParsedLog(reader.end(), options, (stage) => tell(stage));
    return r.ok ? { ok: true, report: forPage(r.report) } : r;
  },

  /** Every customer's CLV of the last fit, as CSV. */
  clvCsv(): string {
    return clvCsv(lastClv);
  },

  /** A scenario whose population follows the fit (runs the engine to find its loyalty path). */
  calibrate(bg: BgNbdParams, gg: GammaGammaParams, options: CalibrationOptions): ScenarioFile {
    return calibratedScenario(bg, gg, options);
  },
  /** One replication of a scenario as a transaction log CSV. */
  simulateLog(file: ScenarioFile, seed: string, startDate: string): string {
    return simulatedTransactionLog(toEngine(file), { seed, replication: 0 }, startDate);
  },
};

export type ClvWorkerApi = typeof api;
Comlink.expose(api);
