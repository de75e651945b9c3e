/**
 * Customers' (x, tₓ, T) histories with the repeats merged: the BG/NBD and Pareto/NBD likelihoods
 * depend on a customer only through these three numbers, and a log at daily resolution has far
 * fewer distinct triples than customers (everyone with x = 0 who first bought on the same day is
 * one). Each distinct x, tₓ and T is also listed once, so that a likelihood evaluation takes its
 * gamma functions and logarithms per distinct value rather than per customer.
 */
import type { Rfm } from './bgnbd.ts';

export interface Histories {
  /** Distinct triples: how many customers have each, and indices into xs, txs, Ts. */
  weight: Float64Array;
  xIndex: Uint32Array;
  txIndex: Uint32Array;
  TIndex: Uint32Array;
  xs: Float64Array;
  txs: Float64Array;
  Ts: Float64Array;
  /** Customers in all, and each customer's triple. */
  customers: number;
  of: Uint32Array;
  /**
   * Distinct (x, tₓ) and (x, T) pairs, and each triple's: the Pareto/NBD likelihood's two 2F1
   * terms and the BG/NBD forecast's depend on a customer only through one pair each.
   */
  pairs: {
    xtx: { x: Uint32Array; tx: Uint32Array };
    xT: { x: Uint32Array; T: Uint32Array };
    xtxOf: Uint32Array;
    xTOf: Uint32Array;
  };
}

function pairIndex(a: Uint32Array, b: Uint32Array, nb: number) {
  const map = new Map<number, number>();
  const of = new Uint32Array(a.length);
  const pa: number[] = [];
  const pb: number[] = [];
  for (let k = 0; k < a.length; k++) {
    const key = a[k] * nb + b[k];
    let j = map.get(key);
    if (j === undefined) {
      j = pa.length;
      map.set(key, j);
      pa.push(a[k]);
      pb.push(b[k]);
    }
    of[k] = j;
  }
  return { of, a: Uint32Array.from(pa), b: Uint32Array.from(pb) };
}

function indexer() {
  const map = new Map<number, number>();
  return {
    map,
    of(v: number): number {
      let k = map.get(v);
      if (k === undefined) {
        k = map.size;
        map.set(v, k);
      }
      return k;
    },
    values: () => Float64Array.from(map.keys()),
  };
}

export function compressHistories(d: Rfm): Histories {
  const X = indexer();
  const TX = indexer();
  const TT = indexer();
  const triples = new Map<string, number>();
  const weight: number[] = [];
  const xi: number[] = [];
  const txi: number[] = [];
  const Ti: number[] = [];
  const of = new Uint32Array(d.x.length);
  for (let i = 0; i < d.x.length; i++) {
    const a = X.of(d.x[i]);
    const b = TX.of(d.tx[i]);
    const c = TT.of(d.T[i]);
    const key = `${a},${b},${c}`;
    const k = triples.get(key);
    if (k !== undefined) {
      weight[k]++;
      of[i] = k;
    } else {
      of[i] = weight.length;
      triples.set(key, weight.length);
      weight.push(1);
      xi.push(a);
      txi.push(b);
      Ti.push(c);
    }
  }
  const xIndex = Uint32Array.from(xi);
  const txIndex = Uint32Array.from(txi);
  const TIndex = Uint32Array.from(Ti);
  const xtx = pairIndex(xIndex, txIndex, TX.map.size);
  const xT = pairIndex(xIndex, TIndex, TT.map.size);
  return {
    weight: Float64Array.from(weight),
    xIndex,
    txIndex,
    TIndex,
    xs: X.values(),
    txs: TX.values(),
    Ts: TT.values(),
    customers: d.x.length,
    of,
    pairs: {
      xtx: { x: xtx.a, tx: xtx.b },
      xT: { x: xT.a, T: xT.b },
      xtxOf: xtx.of,
      xTOf: xT.of,
    },
  };
}

/** A per-history quantity, once for each distinct triple. */
export function perHistory(h: Histories, f: (x: number, tx: number, T: number) => number): Float64Array {
  const out = new Float64Array(h.weight.length);
  for (let k = 0; k < out.length; k++) out[k] = f(h.xs[h.xIndex[k]], h.txs[h.txIndex[k]], h.Ts[h.TIndex[k]]);
  return out;
}

/** Distinct values of a per-customer array and how many customers have each. */
export function tally(v: ArrayLike<number>): { values: number[]; counts: number[] } {
  const m = new Map<number, number>();
  for (let i = 0; i < v.length; i++) m.set(v[i], (m.get(v[i]) ?? 0) + 1);
  return { values: [...m.keys()], counts: [...m.values()] };
}
