/** Fits CLV models to a transaction log off the main thread, so a large log never freezes the page. */
import '../src/runner/noEval.ts';
import * as Comlink from 'comlink';
import type { BgNbdParams } from '../src/analysis/clv/bgnbd.ts';
import { type CalibrationOptions, calibratedScenario } from '../src/analysis/clv/calibrate.ts';
import type { GammaGammaParams } from '../src/analysis/clv/gammaGamma.ts';
import { type FitOptions, fitTransactionLog } from '../src/analysis/clv/report.ts';
import { simulatedTransactionLog } from '../src/analysis/clv/simulatedLog.ts';
import { type ScenarioFile, toEngine } from '../src/scenario/schema.ts';

const api = {
  fit(text: string, options: FitOptions) {
    return fitTransactionLog(text, options);
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
