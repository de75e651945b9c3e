/**
 * A seeded synthetic transaction log drawn from BG/NBD purchasing and Gamma-Gamma spend with known
 * parameters, at any size: for timing the CLV pipeline at the size of a real business and for
 * checking that the fit recovers what generated it. Customers' first purchases spread over the first
 * twelve weeks; the log runs 78 weeks and comes out in date order, as a point-of-sale export would.
 */
import { Stream } from '../../engine/index.ts';
import type { BgNbdParams } from './bgnbd.ts';
import type { GammaGammaParams } from './gammaGamma.ts';
import { dayToIso } from './transactions.ts';

export interface SyntheticLogOptions {
  customers: number;
  seed: number;
  bg?: BgNbdParams;
  gg?: GammaGammaParams;
  /** First day of the log, YYYY-MM-DD. */
  start?: string;
  arrivalWeeks?: number;
  weeks?: number;
}

/** About five transactions per customer over 78 weeks: 200,000 customers give about a million rows. */
export const SYNTHETIC_BG: BgNbdParams = { r: 0.9, alpha: 8, a: 0.8, b: 3.2 };
export const SYNTHETIC_GG: GammaGammaParams = { p: 6, q: 4, gamma: 30 };

export interface SyntheticLog {
  customer: Int32Array;
  day: Int32Array;
  amount: Float64Array;
  /** Day number of the log's first day. */
  startDay: number;
}

export function syntheticTransactions(o: SyntheticLogOptions): SyntheticLog {
  const bg = o.bg ?? SYNTHETIC_BG;
  const gg = o.gg ?? SYNTHETIC_GG;
  const arrival = (o.arrivalWeeks ?? 12) * 7;
  const end = (o.weeks ?? 78) * 7;
  const startDay = Math.round(Date.parse(`${o.start ?? '2024-01-01'}T00:00:00Z`) / 86_400_000);
  const rng = new Stream(o.seed);
  let cust = new Int32Array(o.customers * 6);
  let day = new Int32Array(cust.length);
  let amount = new Float64Array(cust.length);
  let n = 0;
  const push = (c: number, d: number, v: number) => {
    if (n === cust.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      cust = grow(cust);
      day = grow(day);
      amount = grow(amount);
    }
    cust[n] = c;
    day[n] = d;
    amount[n++] = Math.round(v * 100) / 100;
  };
  for (let i = 0; i < o.customers; i++) {
    rng.at(i, 0);
    const first = Math.floor(rng.next() * arrival);
    const lambda = rng.gamma(bg.r, 1 / bg.alpha) / 7; // per day
    const p = rng.beta(bg.a / (bg.a + bg.b), bg.a + bg.b);
    const nu = rng.gamma(gg.q, 1 / gg.gamma);
    push(i, first, rng.gamma(gg.p, 1 / nu));
    let t = first;
    for (;;) {
      t += -Math.log(1 - rng.next()) / lambda;
      if (!(t < end)) break;
      push(i, Math.floor(t), rng.gamma(gg.p, 1 / nu));
      if (rng.next() < p) break;
    }
  }
  // Date order (counting sort by day; stable, so a customer's same-day rows keep their order).
  const counts = new Uint32Array(end + 1);
  for (let k = 0; k < n; k++) counts[day[k] + 1]++;
  for (let d = 0; d < end; d++) counts[d + 1] += counts[d];
  const out = { customer: new Int32Array(n), day: new Int32Array(n), amount: new Float64Array(n), startDay };
  for (let k = 0; k < n; k++) {
    const j = counts[day[k]]++;
    out.customer[j] = cust[k];
    out.day[j] = startDay + day[k];
    out.amount[j] = amount[k];
  }
  return out;
}

/** The log as CSV text, in chunks of about `rowsPerChunk` rows (so a large one can be streamed to disk). */
export function* syntheticCsvChunks(log: SyntheticLog, rowsPerChunk = 50_000): Generator<string> {
  let lines: string[] = ['customer,date,amount'];
  let iso = '';
  let isoDay = Number.NaN;
  for (let k = 0; k < log.customer.length; k++) {
    if (log.day[k] !== isoDay) {
      isoDay = log.day[k];
      iso = dayToIso(isoDay);
    }
    lines.push(`C${String(log.customer[k] + 1).padStart(7, '0')},${iso},${log.amount[k].toFixed(2)}`);
    if (lines.length >= rowsPerChunk) {
      yield `${lines.join('\n')}\n`;
      lines = [];
    }
  }
  if (lines.length) yield `${lines.join('\n')}\n`;
}
