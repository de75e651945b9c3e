/**
 * Visits and service encounters (体验: every moment is a ballot box). Quality is what the customer
 * experiences on a 0–1 scale; failures are drawn per visit.
 */
export const ENCOUNTERS = {
  base: 0.4,
  skill: 0.42,
  morale: 0.12,
  personalisation: 0.04,
  transparency: 0.08,
  /** Service standards lift every visit towards the standard (consistency is quality, not only fewer slips). */
  standards: 0.04,
  /** Month-to-month spread of experienced quality without standards. */
  noise: 0.12,
  /** Share of that spread service standards remove at full level (consistency). */
  standardsNoiseCut: 0.6,
  /** Share of failures service standards prevent at full level. */
  standardsFailureCut: 0.5,
  /** Visits in a month are capped (a sanity bound on heavy users). */
  maxVisits: 60,
  /** A surprise moment (empowered staff, surprise fund) lifts a visit's quality by this much. */
  surpriseLift: 0.2,
};

/** Expected quality of a visit served by staff with this skill and morale, under the month's levers. */
/** How loyalty scales a customer's own visit rate: 0.6× at no loyalty, 1.4× at full loyalty. */
export function loyaltyVisits(loyalty: number): number {
  return 0.6 + 0.8 * loyalty;
}

export function meanQuality(
  skill: number,
  morale: number,
  personalisation: number,
  transparency: number,
  standards: number,
): number {
  const e = ENCOUNTERS;
  return (
    e.base +
    e.skill * skill +
    e.morale * morale +
    e.personalisation * personalisation +
    e.transparency * transparency +
    e.standards * standards
  );
}

export function qualityNoise(standards: number): number {
  return ENCOUNTERS.noise * (1 - ENCOUNTERS.standardsNoiseCut * standards);
}

/** Probability that one visit fails: less with skilled staff and standards, more during an incident. */
export function failureProbability(base: number, skill: number, standards: number, incident: number): number {
  const p = base * (1.55 - skill) * (1 - ENCOUNTERS.standardsFailureCut * standards) * incident;
  return p < 0 ? 0 : Math.min(p, 1);
}

/**
 * Severity of a failure as the customer perceives it: U^a has mean 1/(1+a), so most failures are minor;
 * tolerant customers feel them less.
 */
export function perceivedSeverity(u: number, severityExponent: number, tolerance: number): number {
  const s = u ** severityExponent * (1.4 - 0.8 * tolerance);
  return s < 0.01 ? 0.01 : Math.min(s, 1);
}

export function severityExponent(meanSeverity: number): number {
  return 1 / meanSeverity - 1;
}
