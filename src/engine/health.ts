/**
 * The customer-health score (客户健康评分系统) a customer-success team keeps, from what its CRM records
 * — nothing the model hides from a real firm (no bond, no loyalty): whether the customer keeps
 * coming as often as they used to, how satisfied they are and which way that is moving, and whether
 * a complaint of theirs was left unresolved. The sources (seeds, second article, "创建一个客户健康评分
 * 系统") grade customers good / average / poor by whether they use the service, use it well, and how
 * their experience went; the inputs and weights here are this model's reading of that, stated, and
 * the score is judged by what it predicts (tests/engine/health.test.ts). Usage is measured against
 * the customer's own history, not the segment's: visit rates differ between customers far more than
 * loyalty does, so a rarely visiting customer is not, for that alone, at risk.
 *
 *   H = 100 · (0.7·S + 0.3·F) · (0.6 if a complaint went unresolved in the last 6 months, else 1)
 *   S = clamp01(satisfaction + 2·(satisfaction − its slow average))
 *   F = min(1, visits a month lately / visits a month since they came), 1 in the month they came
 *
 * "Lately" is the recent-visit score (each month's visits, the older weighted by 0.92 a month) as a
 * weighted mean over the months it has run (`recentRate`): without that, a customer of three months
 * read as one who had all but stopped coming (a fifth of their usual rate) and the score called most
 * new customers at risk.
 *
 * good ≥ 60, average 45–60, poor < 45 (a customer who has stopped coming, at ordinary satisfaction,
 * scores about 42): the poor are the "at risk" audience levers can be aimed at.
 */
export const HEALTH = {
  goodFrom: 60,
  poorBelow: 45,
  unresolvedMonths: 6,
  unresolvedFactor: 0.6,
  trendWeight: 2,
  /** How far the slow average of satisfaction moves towards satisfaction each month. */
  slowSpeed: 0.2,
};

/**
 * The recent-visit score r = Σ decayᵏ·visits(t − k) over the `months` it has run, as visits a month:
 * r·(1 − decay)/(1 − decay^months), the weighted mean (the bias correction of an exponentially
 * weighted average that starts from nothing).
 */
export function recentRate(recent: number, months: number, decay: number): number {
  return recent * ((1 - decay) / (1 - decay ** months));
}

/**
 * Months a customer's recent-visit score has run in month t: from the run's start for a customer
 * from before it (`firstTick` −1), from the month after they came for the others; 0 in the month they
 * came, when there is no history yet and the score counts them as using the service as they mean to.
 */
export function historyMonths(firstTick: number, t: number): number {
  return firstTick < 0 ? t + 1 : t - firstTick;
}

/** Visits a month since they came, over `months` of history (the month they came counts too). */
export function usualVisitRate(visits: number, firstTick: number, months: number): number {
  return visits / (firstTick < 0 ? months : months + 1);
}

export function healthScore(
  recentVisitsPerMonth: number,
  usualVisitsPerMonth: number,
  sat: number,
  satSlow: number,
  unresolved: boolean,
): number {
  const h = HEALTH;
  const usage = usualVisitsPerMonth > 0 ? Math.min(1, recentVisitsPerMonth / usualVisitsPerMonth) : 0;
  const s = sat + h.trendWeight * (sat - satSlow);
  const feeling = s < 0 ? 0 : s > 1 ? 1 : s;
  const score = 100 * (0.7 * feeling + 0.3 * usage);
  return unresolved ? score * h.unresolvedFactor : score;
}

export const HEALTH_BANDS = ['good', 'average', 'poor'] as const;
export type HealthBand = (typeof HEALTH_BANDS)[number];

/** The band of a score as the at-risk audience reads it (the score kept per customer is rounded). */
export function healthBand(score: number): HealthBand {
  return score >= HEALTH.goodFrom ? 'good' : score < HEALTH.poorBelow ? 'poor' : 'average';
}
