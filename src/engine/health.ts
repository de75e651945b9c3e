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
 *   F = min(1, visits a month lately (the weighted recent count) / visits a month since they came)
 *
 * good ≥ 60, average 40–60, poor < 40: the poor are the "at risk" audience levers can be aimed at.
 */
export const HEALTH = {
  goodFrom: 60,
  poorBelow: 40,
  unresolvedMonths: 6,
  unresolvedFactor: 0.6,
  trendWeight: 2,
  /** How far the slow average of satisfaction moves towards satisfaction each month. */
  slowSpeed: 0.2,
};

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
