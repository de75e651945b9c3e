import type { Stream } from './rng.ts';
import type { Scenario } from './scenario.ts';
import type { Population } from './state.ts';

/** Who talks to whom: directed contact lists in compressed rows (contacts of i are targets[offsets[i]..offsets[i+1]]). */
export interface Network {
  offsets: Int32Array;
  targets: Int32Array;
}

const MAX_DEGREE_FACTOR = 4;

/**
 * A small world (Watts–Strogatz): each person's contacts are ring neighbours, each rewired to a random
 * person with the scenario's probability, so the network has local clusters and short paths. Degree
 * varies with the segment's social activity and a Gamma(4) personal factor, so some people are hubs.
 */
export function createNetwork(s: Scenario, pop: Population, rng: Stream): Network {
  const n = pop.n;
  const mean = s.population.network.meanContacts;
  const rewire = s.population.network.rewiringPct / 100;
  const maxDegree = Math.min(n - 1, Math.ceil(mean * MAX_DEGREE_FACTOR) + 1);
  const social = s.population.segments.map((seg) => seg.socialActivity);
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    rng.at(i, -2);
    const d = Math.round(mean * social[pop.segment[i]] * rng.gamma(4, 0.25));
    offsets[i + 1] = offsets[i] + Math.max(0, Math.min(maxDegree, d));
  }
  const targets = new Int32Array(offsets[n]);
  for (let i = 0; i < n; i++) {
    rng.at(i, -3);
    const start = offsets[i];
    const d = offsets[i + 1] - start;
    for (let k = 0; k < d; k++) {
      let j: number;
      if (rng.next() < rewire) {
        j = Math.floor(rng.next() * (n - 1));
        if (j >= i) j++;
      } else {
        const step = (k >> 1) + 1;
        j = k & 1 ? (((i - step) % n) + n) % n : (i + step) % n;
      }
      targets[start + k] = j;
    }
  }
  return { offsets, targets };
}
