import * as Comlink from 'comlink';
import type { SimulationWorkerApi } from '../../workers/simulation.worker.ts';
import type { RunResult, Scenario } from '../engine/index.ts';

export interface RunProgress {
  done: number;
  total: number;
}

/**
 * A pool of simulation workers, one per core. Replication k always runs with (seed, k), and its result
 * lands at index k, so the results are identical whatever the number of workers or the finishing order.
 */
export class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly apis: Comlink.Remote<SimulationWorkerApi>[] = [];

  constructor(size = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2))) {
    for (let k = 0; k < size; k++) {
      const w = new Worker(new URL('../../workers/simulation.worker.ts', import.meta.url), {
        type: 'module',
      });
      this.workers.push(w);
      this.apis.push(Comlink.wrap<SimulationWorkerApi>(w));
    }
  }

  get size(): number {
    return this.apis.length;
  }

  async run(
    scenario: Scenario,
    seed: number | string,
    replications: number,
    onProgress?: (p: RunProgress) => void,
  ): Promise<RunResult[]> {
    const results: RunResult[] = new Array(replications);
    let next = 0;
    let done = 0;
    const lane = async (api: Comlink.Remote<SimulationWorkerApi>) => {
      while (next < replications) {
        const k = next++;
        results[k] = await api.run(scenario, seed, k);
        done++;
        onProgress?.({ done, total: replications });
      }
    };
    await Promise.all(this.apis.map(lane));
    return results;
  }

  terminate(): void {
    for (const w of this.workers) w.terminate();
  }
}
