/** Fits CLV models to a transaction log off the main thread, so a large log never freezes the page. */
import * as Comlink from 'comlink';
import { type FitOptions, fitTransactionLog } from '../src/analysis/clv/report.ts';

const api = {
  fit(text: string, options: FitOptions) {
    return fitTransactionLog(text, options);
  },
};

export type ClvWorkerApi = typeof api;
Comlink.expose(api);
