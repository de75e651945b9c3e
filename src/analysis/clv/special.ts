/**
 * Special functions for the CLV models: log-gamma, digamma, log-beta and the Gauss hypergeometric 2F1.
 *
 * 2F1 is evaluated for real parameters and real z < 1 the way Cephes (behind SciPy's real hyp2f1)
 * does: the power series where it converges fast, and otherwise a linear transformation — Pfaff for
 * z < 0, Euler when it makes the numerator parameters smaller, and near z = 1 the connection formula
 * in 1 − z (Abramowitz & Stegun 15.3.6), with the digamma expansions of A&S 15.3.10–12 when c − a − b
 * is an integer, where 15.3.6 divides by zero. Every loop has a bound.
 */

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln |Γ(x)| (Lanczos, g = 7; relative error ~1e-15); Infinity at the poles 0, −1, −2, … */
export function lnGamma(x: number): number {
  if (x < 0.5) {
    if (Number.isInteger(x)) return Number.POSITIVE_INFINITY;
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
  }
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Sign of Γ(x) (0 at the poles). */
export function gammaSign(x: number): number {
  if (x > 0) return 1;
  if (Number.isInteger(x)) return 0;
  return Math.floor(x) % 2 === 0 ? 1 : -1;
}

export function lnBeta(a: number, b: number): number {
  return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
}

/** ψ(x) = d ln Γ(x)/dx: recurrence up to x ≥ 10, then the asymptotic series; reflection below 0. */
export function digamma(x: number): number {
  if (x <= 0) {
    if (Number.isInteger(x)) return Number.NaN;
    return digamma(1 - x) - Math.PI / Math.tan(Math.PI * x);
  }
  let r = 0;
  while (x < 10) {
    r -= 1 / x;
    x += 1;
  }
  const f = 1 / (x * x);
  return (
    r +
    Math.log(x) -
    0.5 / x -
    f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f * (1 / 132 - (691 / 32760) * f)))))
  );
}

/** Product of Γ(num…)/Γ(den…) as sign and log-magnitude; sign 0 when a denominator is at a pole. */
function gammaRatio(num: number[], den: number[]): { sign: number; log: number } {
  let sign = 1;
  let log = 0;
  for (const v of den) {
    const s = gammaSign(v);
    if (s === 0) return { sign: 0, log: Number.NEGATIVE_INFINITY };
    sign *= s;
    log -= lnGamma(v);
  }
  for (const v of num) {
    sign *= gammaSign(v);
    log += lnGamma(v);
  }
  return { sign, log };
}

const EPS = 1e-16;
/**
 * Most terms any series here may take (about a millisecond). Reached only by the z-series as a
 * fallback near z = 1; beyond it the value is NaN, not a wrong number.
 */
export const MAX_SERIES_TERMS = 200_000;

const isNonPositiveInteger = (v: number) => v <= 0 && Number.isInteger(v);

/**
 * Where the series' term ratio ρ(n) = z (n+a)(n+b)/((n+c)(n+1)) becomes monotone: past the largest
 * real root of the numerator of ρ'(n), A n² + B n + C with A = c+1−a−b, B = 2(c−ab),
 * C = (a+b)c − ab(c+1). Beyond it ρ only moves towards its limit z, so the tail after a term t is
 * at most |t| R/(1−R), R = max(ρ(n), z).
 */
function monotoneFrom(a: number, b: number, c: number): number {
  const A = c + 1 - a - b;
  const B = 2 * (c - a * b);
  const C = (a + b) * c - a * b * (c + 1);
  let root = Number.NEGATIVE_INFINITY;
  if (A === 0) root = B !== 0 ? -C / B : Number.NEGATIVE_INFINITY;
  else {
    const disc = B * B - 4 * A * C;
    if (disc >= 0) {
      const q = Math.sqrt(disc);
      root = Math.max((-B + q) / (2 * A), (-B - q) / (2 * A));
    }
  }
  // Poles of ρ (n = −c) and sign changes of the terms (n = −a, −b) also lie before this.
  return Math.max(0, root, -a, -b, -c);
}

/**
 * The power series Σ (a)ₙ(b)ₙ/((c)ₙ n!) zⁿ, 0 ≤ z < 1. Stops when the bound on the rest of the
 * series falls below EPS of the sum (once the term ratio is monotone, see monotoneFrom), or at
 * maxTerms. Returns the sum and whether it converged.
 */
function series(a: number, b: number, c: number, z: number, maxTerms: number): { sum: number; ok: boolean } {
  let term = 1;
  let sum = 1;
  const settle = monotoneFrom(a, b, c);
  const az = Math.abs(z);
  for (let n = 0; n < maxTerms; n++) {
    const ratio = (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    term *= ratio;
    sum += term;
    if (term === 0) return { sum, ok: true };
    if (n + 1 > settle) {
      const R = Math.max(Math.abs(ratio), az);
      if (R < 1 && (Math.abs(term) * R) / (1 - R) <= EPS * Math.abs(sum)) return { sum, ok: true };
    }
  }
  return { sum, ok: false };
}

/** Terms the z-series needs: to where its ratio is monotone, then until zⁿ ~ EPS. */
function seriesLength(a: number, b: number, c: number, z: number): number {
  return monotoneFrom(a, b, c) + 37 / -Math.log(Math.abs(z));
}

/**
 * ₂F₁(a, b; c; z) for real a, b, c (c not 0, −1, −2, …) and real z ≤ 1 (z = 1 only when
 * c − a − b > 0, by Gauss's theorem). NaN outside that domain.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z <= 1) || isNonPositiveInteger(c)) return Number.NaN;
  if (z === 0 || a === 0 || b === 0) return 1;
  // A polynomial: the series ends by itself.
  if (isNonPositiveInteger(a) || isNonPositiveInteger(b)) return series(a, b, c, z, MAX_SERIES_TERMS).sum;
  if (z === 1) {
    if (c - a - b <= 0) return Number.POSITIVE_INFINITY;
    const g = gammaRatio([c, c - a - b], [c - a, c - b]);
    return g.sign * Math.exp(g.log);
  }
  if (z < 0) {
    // Pfaff: z/(z − 1) lies in (0, 1). Take the form whose second parameter is smaller.
    const w = z / (z - 1);
    return Math.abs(c - b) <= Math.abs(c - a)
      ? (1 - z) ** -a * hyp2f1(a, c - b, c, w)
      : (1 - z) ** -b * hyp2f1(c - a, b, c, w);
  }
  // Euler: (1 − z)^(c−a−b) ₂F₁(c−a, c−b; c; z), when its numerator parameters are smaller and
  // above −1, so that its terms keep one sign (the strict inequality keeps the two forms from
  // calling each other back and forth).
  if (c - a > -1 && c - b > -1 && Math.abs(c - a) + Math.abs(c - b) < Math.abs(a) + Math.abs(b)) {
    const e = hyp2f1(c - a, c - b, c, z);
    return e === 0 ? 0 : (1 - z) ** (c - a - b) * e;
  }
  if (z <= 0.5 || seriesLength(a, b, c, z) < 200) return series(a, b, c, z, MAX_SERIES_TERMS).sum;
  return nearOne(a, b, c, z);
}

/** How far c − a − b may be from an integer before 15.3.6 is used as it stands. */
const NEAR_INTEGER = 1e-4;

/** ₂F₁ for 0.5 < z < 1 through 1 − z, falling back to the z-series if the two terms cancel. */
function nearOne(a: number, b: number, c: number, z: number): number {
  const d = c - a - b;
  const m = Math.round(d);
  let value: number;
  let magnitude: number;
  if (Math.abs(d - m) > NEAR_INTEGER) ({ value, magnitude } = connection(a, b, c, z));
  else {
    // 15.3.6 has poles at integer d: use the exact digamma expansion at c' = a + b + m, and move to
    // the actual c by a Taylor step whose derivatives in c come from five-point differences of
    // 15.3.6 at c' ± h, c' ± 2h (where it loses only ~3 digits to the nearby pole).
    const h = 1e-3;
    const c0 = a + b + m;
    const f0 = integerCase(a, b, m, z);
    const at = [-2, -1, 1, 2].map((k) => connection(a, b, c0 + k * h, z));
    const [f2m, f1m, f1p, f2p] = at.map((r) => r.value);
    const d1 = (8 * (f1p - f1m) - (f2p - f2m)) / (12 * h);
    const d2 = (16 * (f1p + f1m) - (f2p + f2m) - 30 * f0.value) / (12 * h * h);
    const d3 = (f2p - 2 * f1p + 2 * f1m - f2m) / (2 * h * h * h);
    const delta = c - c0;
    value = f0.value + delta * (d1 + (delta / 2) * (d2 + (delta / 3) * d3));
    magnitude = Math.max(f0.magnitude, ...at.map((r) => r.magnitude));
  }
  // Large parameters make the two terms of 15.3.6 huge and opposite; the z-series, slow but with
  // no cancellation for positive parameters, is then the better answer if it can finish.
  if (!Number.isFinite(value) || magnitude > 1e5 * Math.abs(value)) {
    if (seriesLength(a, b, c, z) < MAX_SERIES_TERMS) {
      const s = series(a, b, c, z, MAX_SERIES_TERMS);
      if (s.ok) return s.sum;
    }
    // More than five digits lost and no direct route within the bound: say so.
    if (magnitude > 1e10 * Math.abs(value)) return Number.NaN;
  }
  return value;
}

/** A&S 15.3.6, d = c − a − b not an integer; also the larger of the two terms' sizes. */
function connection(a: number, b: number, c: number, z: number): { value: number; magnitude: number } {
  const d = c - a - b;
  const w = 1 - z;
  const g1 = gammaRatio([c, d], [c - a, c - b]);
  const g2 = gammaRatio([c, -d], [a, b]);
  const t1 = g1.sign === 0 ? 0 : g1.sign * Math.exp(g1.log) * series(a, b, 1 - d, w, MAX_SERIES_TERMS).sum;
  // (A zero factor times an overflowing one is zero here, not NaN: the term is below double range.)
  const t2 =
    g2.sign === 0
      ? 0
      : g2.sign * Math.exp(g2.log + d * Math.log(w)) * series(c - a, c - b, d + 1, w, MAX_SERIES_TERMS).sum;
  return { value: t1 + t2, magnitude: Math.max(Math.abs(t1), Math.abs(t2)) };
}

/**
 * ₂F₁(a, b; a + b + m; z) for integer m (A&S 15.3.10–11 for m ≥ 0; m < 0 through Euler's
 * transformation, which turns it into m > 0). a and b are not non-positive integers here.
 */
function integerCase(a: number, b: number, m: number, z: number): { value: number; magnitude: number } {
  if (m < 0) {
    // ₂F₁(a, b; a+b+m; z) = (1−z)^m ₂F₁(b+m, a+m; a+b+m; z), and (b+m) + (a+m) + (−m) = a+b+m.
    const inner = integerCase(a + m, b + m, -m, z);
    const f = (1 - z) ** m;
    return { value: f * inner.value, magnitude: f * inner.magnitude };
  }
  const c = a + b + m;
  const w = 1 - z;
  const lw = Math.log(w);
  // Finite part: Γ(m)Γ(c)/(Γ(a+m)Γ(b+m)) Σ_{n<m} (a)ₙ(b)ₙ/(n!(1−m)ₙ) wⁿ.
  let finite = 0;
  if (m > 0) {
    const g = gammaRatio([m, c], [a + m, b + m]);
    let term = 1;
    let s = 1;
    for (let n = 0; n < m - 1; n++) {
      term *= ((a + n) * (b + n) * w) / ((n + 1) * (1 - m + n));
      s += term;
    }
    finite = g.sign * Math.exp(g.log) * s;
  }
  // Logarithmic part: −(−1)^m Γ(c)/(Γ(a)Γ(b)) Σ (a+m)ₙ(b+m)ₙ/(n!(n+m)!) w^(n+m)
  //   × [ln w − ψ(n+1) − ψ(n+m+1) + ψ(a+n+m) + ψ(b+n+m)].
  const g = gammaRatio([c], [a, b]);
  if (g.sign === 0) return { value: finite, magnitude: Math.abs(finite) };
  // The n = 0 coefficient Γ(c)/(Γ(a)Γ(b)) w^m/m! is formed in logs: its factors can overflow
  // while it does not. The series then carries ratios to it.
  const scale = Math.exp(g.log + m * lw - lnGamma(m + 1));
  let coef = 1;
  let psi1 = digamma(1);
  let psi2 = digamma(m + 1);
  let psiA = digamma(a + m);
  let psiB = digamma(b + m);
  let s = 0;
  for (let n = 0; n < MAX_SERIES_TERMS && scale !== 0; n++) {
    const term = coef * (lw - psi1 - psi2 + psiA + psiB);
    s += term;
    if (Math.abs(term) <= EPS * Math.abs(s) && n > Math.abs(a) + Math.abs(b) + m) break;
    // Next n: the Pochhammers and factorials step, and each ψ steps by ψ(x+1) = ψ(x) + 1/x.
    coef *= ((a + m + n) * (b + m + n) * w) / ((n + 1) * (n + m + 1));
    psi1 += 1 / (n + 1);
    psi2 += 1 / (n + m + 1);
    psiA += 1 / (a + m + n);
    psiB += 1 / (b + m + n);
  }
  const log = scale === 0 ? 0 : -(m % 2 === 0 ? 1 : -1) * g.sign * scale * s;
  return { value: finite + log, magnitude: Math.max(Math.abs(finite), Math.abs(log)) };
}
