import { AIMED_LEVERS, LEVER_NAMES } from './scenario.ts';

/**
 * Per-month outputs. Each metric is a row of `months` numbers in one Float64Array (metric-major), so a
 * result crosses a worker boundary as a single transferable buffer.
 */
export const METRICS = [
  // population and ladder
  'active',
  'suspects',
  'prospects',
  'firstTime',
  'repeat',
  'advocates',
  'lapsed',
  'newOrganic',
  'newMarketing',
  'newReferral',
  'newDiscount',
  'winbacks',
  'churned',
  // loyalty
  'retention', // 1 − churned / active at the start of the month
  'repurchase', // share of existing customers who visited this month
  'repeatPurchaseShare', // 复购率 in the retail sense: share of the month's buying customers who bought twice or more
  'renewal12', // share of customers active 12 months ago still continuously active
  'referralRate', // share of new customers (trailing 12 months) who came by referral
  'referrerShare', // share of active customers with a successful referral in the last 12 months
  'referrals',
  'nps',
  'promoters',
  'detractors',
  'healthGood',
  'healthAverage',
  'healthPoor',
  // three dimensions and satisfaction
  'satisfaction',
  'satisfiedShare', // CSAT 4–5 of 5, i.e. satisfaction ≥ 0.625
  'value',
  'bond',
  'experience',
  'trust',
  'loyalty', // mean loyalty of existing customers as they were served this month
  // encounters and complaints
  'visits',
  'failures',
  'voiced',
  'silent',
  'callbacks',
  'recovered',
  'goodReviews',
  'careGestures',
  'contacts',
  // comparisons the stylized facts need
  'members',
  'memberRepurchase',
  'nonMemberRepurchase',
  'memberReferrerShare',
  'nonMemberReferrerShare',
  'complainantRepurchase',
  'nonComplainantRepurchase',
  'discountAcquiredChurn', // monthly churn rate of customers first acquired with a discount
  'otherNewChurn', // … and of customers first acquired during the run without one
  'tierMembers',
  // money
  'revenue',
  'grossMargin',
  'discountCost',
  'pointsCost',
  'compensationCost',
  'leverCost',
  ...LEVER_NAMES.map((n) => `cost.${n}` as const),
  // active customers each aimed lever reaches (its audience) at the end of the month
  ...AIMED_LEVERS.map((n) => `reach.${n}` as const),
  'acquisitionCost',
  'staffCost',
  'fixedCost',
  'profit',
  // staff
  'staffSkill',
  'staffMorale',
  'staffTurnover',
] as const;

export type MetricName = (typeof METRICS)[number];
export const METRIC_INDEX = Object.fromEntries(METRICS.map((m, k) => [m, k])) as Record<MetricName, number>;
export const M = METRIC_INDEX;

/** One metric's time series from a metric-major buffer (a view, not a copy). */
export function series(buffer: Float64Array, months: number, metric: MetricName): Float64Array {
  const k = METRIC_INDEX[metric];
  return buffer.subarray(k * months, (k + 1) * months);
}
