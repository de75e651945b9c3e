/** Small numerical tools for maximum likelihood: Nelder–Mead, a numerical Hessian, a matrix inverse. */

export interface Minimum {
  x: number[];
  value: number;
  iterations: number;
  converged: boolean;
  /** Why the search stopped without converging (absent when it converged), and in Chinese. */
  message?: string;
  messageZh?: string;
}

/**
 * Nelder–Mead simplex minimisation (Lagarias et al. 1998 coefficients), with restarts from the best
 * point until the simplex stops improving: derivative-free and robust on likelihood surfaces.
 * The stopping rule is bounded: at most maxIterations iterations in all, over at most five
 * restarts; a search that reaches the bound returns its best point with converged false and says
 * so. A function that is not finite at the start, or anywhere on the first simplex, stops at once.
 */
export function nelderMead(
  objective: (x: number[]) => number,
  start: number[],
  options: {
    tolerance?: number;
    maxIterations?: number;
    step?: number;
    /** Search only where every |xᵢ| ≤ box (the likelihoods here are over log-parameters). */
    box?: number;
    /** Names of the coordinates, for the message. */
    names?: readonly string[];
  } = {},
): Minimum {
  const tol = options.tolerance ?? 1e-10;
  const maxIt = options.maxIterations ?? 5_000;
  const box = options.box ?? Number.POSITIVE_INFINITY;
  const f = (x: number[]) => (x.every((v) => Math.abs(v) <= box) ? objective(x) : Number.POSITIVE_INFINITY);
  const n = start.length;
  const v0 = safe(f, start);
  if (!Number.isFinite(v0))
    return {
      x: start,
      value: v0,
      iterations: 0,
      converged: false,
      message: 'the likelihood is not finite at the starting point',
      messageZh: '似然函数在起点不是有限值',
    };
  let best: Minimum = { x: start, value: v0, iterations: 0, converged: false };
  let total = 0;
  for (let restart = 0; restart < 5 && total < maxIt; restart++) {
    const simplex: number[][] = [best.x.slice()];
    for (let i = 0; i < n; i++) {
      const p = best.x.slice();
      p[i] += options.step ?? (restart === 0 ? 0.5 : 0.1);
      simplex.push(p);
    }
    let values = simplex.map((p) => safe(f, p));
    let it = 0;
    let settled = false;
    for (; total + it < maxIt; it++) {
      const idx = values.map((_, k) => k).sort((a, b) => values[a] - values[b]);
      const s = idx.map((k) => simplex[k]);
      values = idx.map((k) => values[k]);
      for (let k = 0; k <= n; k++) simplex[k] = s[k];
      if (values[n] - values[0] <= tol * (Math.abs(values[0]) + tol)) {
        settled = true;
        break;
      }
      const centroid = new Array(n).fill(0);
      for (let k = 0; k < n; k++) for (let j = 0; j < n; j++) centroid[j] += simplex[k][j] / n;
      const along = (t: number) => centroid.map((c, j) => c + t * (simplex[n][j] - c));
      const r = along(-1);
      const fr = safe(f, r);
      if (fr < values[0]) {
        const e = along(-2);
        const fe = safe(f, e);
        if (fe < fr) {
          simplex[n] = e;
          values[n] = fe;
        } else {
          simplex[n] = r;
          values[n] = fr;
        }
      } else if (fr < values[n - 1]) {
        simplex[n] = r;
        values[n] = fr;
      } else {
        const outside = fr < values[n];
        const c = along(outside ? -0.5 : 0.5);
        const fc = safe(f, c);
        if (fc < (outside ? fr : values[n])) {
          simplex[n] = c;
          values[n] = fc;
        } else {
          for (let k = 1; k <= n; k++) {
            simplex[k] = simplex[k].map((v, j) => simplex[0][j] + 0.5 * (v - simplex[0][j]));
            values[k] = safe(f, simplex[k]);
          }
        }
      }
    }
    total += it;
    let k = 0;
    for (let j = 1; j <= n; j++) if (values[j] < values[k]) k = j;
    const improved = values[k] < best.value - tol * (Math.abs(best.value) + tol);
    best = { x: simplex[k], value: values[k], iterations: total, converged: settled };
    if (!improved && restart > 0) break;
  }
  if (!best.converged) {
    best.message = `did not converge after ${total} iterations`;
    best.messageZh = `${total} 次迭代后仍未收敛`;
  } else {
    // A minimum on the edge of the box is where the search stopped, not a maximum of the likelihood.
    const edge = best.x.findIndex((v) => Math.abs(v) > box - 0.05);
    if (edge >= 0) {
      best.converged = false;
      const name = options.names?.[edge] ?? `parameter ${edge + 1}`;
      const bound = `${best.x[edge] > 0 ? '' : '1/'}e^${box}`;
      best.message = `${name} ran to the edge of the search (${bound}): the data do not pin it down`;
      best.messageZh = `${name} 到达搜索边界（${bound}）：数据无法确定它`;
    }
  }
  return best;
}

function safe(f: (x: number[]) => number, x: number[]): number {
  const v = f(x);
  return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
}

/** Hessian of f at x by central differences with relative steps. */
export function hessian(f: (x: number[]) => number, x: number[]): number[][] {
  const n = x.length;
  const h = x.map((v) => 1e-4 * Math.max(Math.abs(v), 1e-2));
  const at = (d: [number, number][]) => {
    const p = x.slice();
    for (const [i, s] of d) p[i] += s * h[i];
    return f(p);
  };
  const H = Array.from({ length: n }, () => new Array(n).fill(0));
  const f0 = f(x);
  for (let i = 0; i < n; i++) {
    H[i][i] = (at([[i, 1]]) - 2 * f0 + at([[i, -1]])) / (h[i] * h[i]);
    for (let j = 0; j < i; j++) {
      const v =
        (at([
          [i, 1],
          [j, 1],
        ]) -
          at([
            [i, 1],
            [j, -1],
          ]) -
          at([
            [i, -1],
            [j, 1],
          ]) +
          at([
            [i, -1],
            [j, -1],
          ])) /
        (4 * h[i] * h[j]);
      H[i][j] = v;
      H[j][i] = v;
    }
  }
  return H;
}

/** Inverse by Gauss–Jordan with partial pivoting; null when singular. */
export function invert(m: number[][]): number[][] | null {
  const n = m.length;
  const a = m.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
    if (Math.abs(a[p][c]) < 1e-300) return null;
    [a[c], a[p]] = [a[p], a[c]];
    const d = a[c][c];
    for (let j = 0; j < 2 * n; j++) a[c][j] /= d;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const k = a[r][c];
      for (let j = 0; j < 2 * n; j++) a[r][j] -= k * a[c][j];
    }
  }
  return a.map((row) => row.slice(n));
}

/** Standard errors from the inverse Hessian of the negative log-likelihood (NaN if not positive definite). */
export function standardErrors(negLogLik: (x: number[]) => number, at: number[]): number[] {
  const inv = invert(hessian(negLogLik, at));
  return at.map((_, i) => (inv && inv[i][i] > 0 ? Math.sqrt(inv[i][i]) : Number.NaN));
}

/**
 * Covariance of the estimates on the scale the search ran on (log-parameters here): the inverse
 * Hessian of the negative log-likelihood, or null when it is not positive definite.
 */
export function covariance(negLogLik: (x: number[]) => number, at: number[]): number[][] | null {
  const inv = invert(hessian(negLogLik, at));
  return inv && cholesky(inv) ? inv : null;
}

/** Lower Cholesky factor, or null when the matrix is not positive definite. */
export function cholesky(m: number[][]): number[][] | null {
  const n = m.length;
  const L = Array.from({ length: n }, () => new Array(n).fill(0));
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      let v = m[i][j];
      for (let k = 0; k < j; k++) v -= L[i][k] * L[j][k];
      if (i === j) {
        if (!(v > 0)) return null;
        L[i][i] = Math.sqrt(v);
      } else L[i][j] = v / L[j][j];
    }
  return L;
}

/** A maximum-likelihood fit: estimates, standard errors, and how the search ended. */
export interface Fit<P> {
  params: P;
  standardErrors: P;
  logLik: number;
  iterations: number;
  converged: boolean;
  /** Why the search stopped without converging; params are then its best point. */
  message?: string;
  messageZh?: string;
  /** Covariance of the log-parameters (for draws of the parameters); null if not positive definite. */
  logCovariance?: number[][] | null;
}

/**
 * Maximum likelihood over log-parameters, so that every parameter stays positive: Nelder–Mead in a
 * box of log-parameters, standard errors from the Hessian on the parameters' own scale, and the
 * covariance on the log scale for draws.
 */
export function fitLogParameters<P>(
  logLik: (v: number[]) => number,
  start: number[],
  names: readonly string[],
  toParams: (v: number[]) => P,
  box: number,
): Fit<P> {
  const negLL = (logs: number[]) => -logLik(logs.map(Math.exp));
  const m = nelderMead(negLL, start.map(Math.log), { box, names });
  const est = m.x.map(Math.exp);
  return {
    params: toParams(est),
    standardErrors: toParams(standardErrors((v) => -logLik(v), est)),
    logLik: -m.value,
    iterations: m.iterations,
    converged: m.converged,
    ...(m.message ? { message: m.message, messageZh: m.messageZh } : {}),
    logCovariance: covariance(negLL, m.x),
  };
}
