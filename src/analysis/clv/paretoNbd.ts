/**
 * The Pareto/NBD model (Schmittlein, Morrison & Colombo 1987), as fitted by Fader, Hardie & Lee
 * (2005, "A note on deriving the Pareto/NBD model and related expressions"): while alive, a
 * customer buys at Poisson rate λ ~ Gamma(r, α); their lifetime is exponential with rate
 * μ ~ Gamma(s, β), so dropout can happen at any time, not only just after a purchase as in BG/NBD.
 * Time in weeks, as everywhere in the fit.
 */
import type { Fit, Rfm } from './bgnbd.ts';
import { compressHistories, type Histories } from './histories.ts';
import { fitLogParameters } from './optimize.ts';
import { hyp2f1, lnGamma } from './special.ts';

export interface ParetoNbdParams {
  r: number;
  alpha: number;
  s: number;
  beta: number;
}

/**
 * ln A₀ of the note's eq. (19)–(20): ln[F(y = tₓ) − F(y = T)] where F(y) = ₂F₁(r+s+x, t; r+s+x+1;
 * |α−β|/(max(α, β)+y)) / (max(α, β)+y)^(r+s+x), t = s+1 when α ≥ β, r+x otherwise. The difference
 * is taken in logs (both terms can underflow for frequent buyers); −∞ when tₓ = T.
 */
export function logA0(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const l1 = logF(p, x, tx);
  const l2 = logF(p, x, T);
  if (!(l2 < l1)) return Number.NEGATIVE_INFINITY;
  return l1 + Math.log1p(-Math.exp(l2 - l1));
}

/** The two parts of a customer's likelihood (alive through T; dropped out in (tₓ, T]), in logs, without the constant. */
function parts(p: ParetoNbdParams, x: number, tx: number, T: number): [number, number] {
  const { r, alpha, s, beta } = p;
  const alive = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  const gone = Math.log(s) - Math.log(r + s + x) + logA0(p, x, tx, T);
  return [alive, gone];
}

const logAddExp = (a: number, b: number) => {
  if (a === Number.NEGATIVE_INFINITY) return b;
  if (b === Number.NEGATIVE_INFINITY) return a;
  const m = Math.max(a, b);
  return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
};

export function paretoNbdLogLikOne(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = p;
  const [alive, gone] = parts(p, x, tx, T);
  return lnGamma(r + x) - lnGamma(r) + r * Math.log(alpha) + s * Math.log(beta) + logAddExp(alive, gone);
}

/** ln of one F(y) of A₀: ₂F₁(r+s+x, t; r+s+x+1; |α−β|/(max+y)) / (max+y)^(r+s+x). */
function logF(p: ParetoNbdParams, x: number, y: number): number {
  const { r, alpha, s, beta } = p;
  const [hi, t] = alpha >= beta ? [alpha, s + 1] : [beta, r + x];
  const rsx = r + s + x;
  return Math.log(hyp2f1(rsx, t, rsx + 1, Math.abs(alpha - beta) / (hi + y))) - rsx * Math.log(hi + y);
}

/**
 * Total log-likelihood. The 2F1 terms are taken once per distinct (x, tₓ) and (x, T) pair — a few
 * thousand in a log of 200,000 customers — and combined per distinct history.
 */
export function paretoNbdLogLik(p: ParetoNbdParams, d: Rfm | Histories): number {
  const h = 'weight' in d ? d : compressHistories(d);
  const { r, alpha, s, beta } = p;
  const base = r * Math.log(alpha) + s * Math.log(beta) - lnGamma(r);
  const lg = h.xs.map((x) => lnGamma(r + x));
  const { xtx, xT, xtxOf, xTOf } = h.pairs;
  const F1 = new Float64Array(xtx.x.length);
  for (let j = 0; j < F1.length; j++) F1[j] = logF(p, h.xs[xtx.x[j]], h.txs[xtx.tx[j]]);
  const F2 = new Float64Array(xT.x.length);
  const alive = new Float64Array(xT.x.length);
  for (let j = 0; j < F2.length; j++) {
    const x = h.xs[xT.x[j]];
    const T = h.Ts[xT.T[j]];
    F2[j] = logF(p, x, T);
    alive[j] = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  }
  const ls = Math.log(s);
  for (let j = 0; j < lg.length; j++) lg[j] += base;
  const lsx = h.xs.map((x) => ls - Math.log(r + s + x));
  let sum = 0;
  for (let k = 0; k < h.weight.length; k++) {
    const j = h.xIndex[k];
    const l1 = F1[xtxOf[k]];
    const l2 = F2[xTOf[k]];
    const a = alive[xTOf[k]];
    // ln[e^a + s/(r+s+x) (e^l1 − e^l2)], from the larger of a and l1
    let ll: number;
    if (!(l2 < l1)) ll = a;
    else {
      const g = lsx[j] + l1;
      const m = Math.max(a, g);
      ll = m + Math.log(Math.exp(a - m) + Math.exp(g - m) * -Math.expm1(l2 - l1));
    }
    sum += h.weight[k] * (lg[j] + ll);
  }
  return sum;
}

const NAMES = ['r', 'alpha', 's', 'beta'] as const;
const toParams = (v: number[]): ParetoNbdParams => ({ r: v[0], alpha: v[1], s: v[2], beta: v[3] });

/** Maximum likelihood over log-parameters, from the same start as BG/NBD's. */
export function fitParetoNbd(
  d: Rfm,
  start: ParetoNbdParams = { r: 1, alpha: 1, s: 1, beta: 1 },
): Fit<ParetoNbdParams> {
  const h = compressHistories(d);
  return fitLogParameters(
    (v) => paretoNbdLogLik(toParams(v), h),
    NAMES.map((k) => start[k]),
    NAMES,
    toParams,
    12,
  );
}

/** [1 − (1 + u)^−(s−1)]/(s−1), with its limit ln(1 + u) at s = 1. */
function lomaxPart(s: number, u: number): number {
  const l = Math.log1p(u);
  const e = s - 1;
  return Math.abs(e) < 1e-9 ? l : -Math.expm1(-e * l) / e;
}

/** Probability that a customer with this history is still alive at T (note, eq. 18). */
export function paretoProbabilityAlive(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const [alive, gone] = parts(p, x, tx, T);
  return 1 / (1 + Math.exp(gone - alive));
}

/** E[X(t)]: expected purchases in (0, t] of a new customer (note, eq. 17). */
export function paretoExpectedPurchases(p: ParetoNbdParams, t: number): number {
  if (t <= 0) return 0;
  const { r, alpha, s, beta } = p;
  return ((r * beta) / alpha) * lomaxPart(s, t / beta);
}

/** E[Y(t) | x, tₓ, T]: expected purchases in the next t (note, eq. 22). */
export function paretoConditionalExpectedPurchases(
  p: ParetoNbdParams,
  t: number,
  x: number,
  tx: number,
  T: number,
): number {
  if (t <= 0) return 0;
  const { r, alpha, s, beta } = p;
  return (
    paretoProbabilityAlive(p, x, tx, T) *
    (((r + x) * (beta + T)) / (alpha + T)) *
    lomaxPart(s, t / (beta + T))
  );
}

/** Gauss–Legendre nodes and weights on [−1, 1], 16 points. */
const GL_X = [
  0.0950125098376374, 0.2816035507792589, 0.4580167776572274, 0.6178762444026438, 0.755404408355003,
  0.8656312023878318, 0.9445750230732326, 0.9894009349916499,
];
const GL_W = [
  0.1894506104550685, 0.1826034150449236, 0.1691565193950025, 0.1495959888165767, 0.1246289712555339,
  0.0951585116824928, 0.0622535239386479, 0.0271524594117541,
];

/**
 * P(X(t) = x) for a new customer: alive all of (0, t] with probability (β/(β+t))^s and then NBD,
 * or gone at τ < t and NBD up to τ. The second part is an integral over the lifetime's quantile u
 * (τ = β((1−u)^(−1/s) − 1)), by 16-point Gauss–Legendre on eight panels — the closed form has four
 * 2F1 terms of alternating sign; this is checked against it in the tests through Σₓ P = 1 and
 * Σₓ x P = E[X(t)].
 */
export function paretoProbabilityOfPurchases(p: ParetoNbdParams, x: number, t: number): number {
  const { r, alpha, s, beta } = p;
  const c = lnGamma(r + x) - lnGamma(r) - lnGamma(x + 1);
  const nb = (tau: number) =>
    tau <= 0
      ? x === 0
        ? 1
        : 0
      : Math.exp(c + r * Math.log(alpha / (alpha + tau)) + x * Math.log(tau / (alpha + tau)));
  const survive = (beta / (beta + t)) ** s;
  const U = 1 - survive;
  const panels = 8;
  let integral = 0;
  for (let k = 0; k < panels; k++) {
    const lo = (U * k) / panels;
    const half = U / panels / 2;
    const mid = lo + half;
    for (let i = 0; i < GL_X.length; i++)
      for (const sign of [-1, 1]) {
        const u = mid + sign * half * GL_X[i];
        integral += GL_W[i] * half * nb(beta * ((1 - u) ** (-1 / s) - 1));
      }
  }
  return survive * nb(t) + integral;
}
