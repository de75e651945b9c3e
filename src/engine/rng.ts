import seedrandom from 'seedrandom';

/**
 * Random streams.
 *
 * Every purpose (population, network, encounters, complaints, churn, word of mouth, acquisition,
 * staff, …) has its own 32-bit key, derived by seedrandom from (seed, replication, purpose). Inside
 * the tick loop a draw is a function of (key, agent, tick, k) alone: the stream is reset per agent
 * and tick and then stepped. So customer i's churn draw in month t is the same number in plan A
 * and plan B whatever else the plans change (common random numbers), and replication k run alone
 * is bit-identical to replication k inside a batch.
 */
export const PURPOSES = [
  'population',
  'network',
  'encounters',
  'complaints',
  'emotion',
  'churn',
  'wordOfMouth',
  'acquisition',
  'staff',
  'probe',
] as const;
export type Purpose = (typeof PURPOSES)[number];
export type StreamKeys = Record<Purpose, number>;

export function streamKeys(seed: number | string, replication: number): StreamKeys {
  const keys = {} as StreamKeys;
  for (const purpose of PURPOSES) {
    keys[purpose] = seedrandom(`loyalty-lab:${seed}:${replication}:${purpose}`).int32() | 0;
  }
  return keys;
}

/** murmur3's 32-bit finaliser: full avalanche, so neighbouring (agent, tick) pairs are unrelated. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/**
 * Ziggurat tables (Marsaglia & Tsang 2000, 128 layers) for the standard normal. A layer index and the
 * draw's magnitude come from disjoint bits of one 32-bit number (7 and 25 bits), which avoids the
 * original's correlation between layer and value (Doornik 2005).
 */
const ZIG_LAYERS = 128;
const ZIG_R = 3.442619855899;
const ZIG_SCALE = 2 ** 24; // the value part is a signed 25-bit integer
const zigK = new Uint32Array(ZIG_LAYERS);
const zigW = new Float64Array(ZIG_LAYERS);
const zigF = new Float64Array(ZIG_LAYERS);
{
  const v = 9.91256303526217e-3; // area of each layer
  let d = ZIG_R;
  let tn = d;
  const q = v / Math.exp(-0.5 * d * d);
  zigK[0] = Math.floor((d / q) * ZIG_SCALE);
  zigK[1] = 0;
  zigW[0] = q / ZIG_SCALE;
  zigW[ZIG_LAYERS - 1] = d / ZIG_SCALE;
  zigF[0] = 1;
  zigF[ZIG_LAYERS - 1] = Math.exp(-0.5 * d * d);
  for (let i = ZIG_LAYERS - 2; i >= 1; i--) {
    d = Math.sqrt(-2 * Math.log(v / d + Math.exp(-0.5 * d * d)));
    zigK[i + 1] = Math.floor((d / tn) * ZIG_SCALE);
    tn = d;
    zigF[i] = Math.exp(-0.5 * d * d);
    zigW[i] = d / ZIG_SCALE;
  }
}

/**
 * A counter-based stream: `at(key, i, t)` positions it, `next()` steps it (mulberry32).
 * One instance per purpose is allocated per simulation and reused, so the hot loop allocates nothing.
 */
export class Stream {
  private s = 0;
  constructor(private readonly key: number) {}

  at(i: number, t: number): this {
    this.s = fmix32(this.key ^ Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(t + 0x3c6ef372, 0x85ebca77));
    return this;
  }

  /** Uniform in [0, 1). */
  next(): number {
    const s = (this.s = (this.s + 0x6d2b79f5) | 0);
    let z = Math.imul(s ^ (s >>> 15), 1 | s);
    z = (z + Math.imul(z ^ (z >>> 7), 61 | z)) ^ z;
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  }

  /** The same step as `next()`, as 32 signed bits (kept apart so the hot `next()` inlines cheaply). */
  private bits(): number {
    const s = (this.s = (this.s + 0x6d2b79f5) | 0);
    let z = Math.imul(s ^ (s >>> 15), 1 | s);
    z = (z + Math.imul(z ^ (z >>> 7), 61 | z)) ^ z;
    return z ^ (z >>> 14);
  }

  /**
   * Exact standard normal by the ziggurat: one table lookup and a multiply ~98 % of the time, no
   * transcendental function. Traits are drawn millions of times per run (gamma and beta variates);
   * Box–Muller's log and cosine made up a sixth of a run.
   */
  gaussian(): number {
    for (;;) {
      const u = this.bits();
      const layer = u & (ZIG_LAYERS - 1);
      const h = u >> 7; // signed 25 bits
      const x = h * zigW[layer];
      if ((h < 0 ? -h : h) < zigK[layer]) return x;
      if (layer === 0) {
        // The tail beyond R (Marsaglia 1964).
        let t: number;
        let y: number;
        do {
          t = -Math.log(1 - this.next()) / ZIG_R;
          y = -Math.log(1 - this.next());
        } while (y + y < t * t);
        return h > 0 ? ZIG_R + t : -ZIG_R - t;
      }
      // Wedge: accept under the density.
      if (zigF[layer] + this.next() * (zigF[layer - 1] - zigF[layer]) < Math.exp(-0.5 * x * x)) return x;
    }
  }

  /** Standard normal, Irwin–Hall of four uniforms rescaled: smooth enough, cheap, bounded at ±3.46. */
  normal(): number {
    return (this.next() + this.next() + this.next() + this.next() - 2) * 1.7320508075688772;
  }

  /** Poisson by inversion; fine for the small means (visits per month) it is used for. */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const l = Math.exp(-mean);
    let k = 0;
    let p = l;
    let c = p;
    const u = this.next();
    while (u > c && k < 200) {
      k++;
      p *= mean / k;
      c += p;
    }
    return k;
  }

  /** Gamma(shape, scale) by Marsaglia–Tsang (with the shape < 1 boost). */
  gamma(shape: number, scale: number): number {
    if (shape < 1) {
      const u = this.next();
      return this.gamma(shape + 1, scale) * (u > 0 ? u ** (1 / shape) : 0);
    }
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.gaussian();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.next();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v * scale;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
    }
  }

  /** Beta with the given mean and concentration (α + β), via two gammas. */
  beta(mean: number, concentration: number): number {
    if (mean <= 0) return 0;
    if (mean >= 1) return 1;
    const a = this.gamma(mean * concentration, 1);
    const b = this.gamma((1 - mean) * concentration, 1);
    return a + b > 0 ? a / (a + b) : mean;
  }
}
