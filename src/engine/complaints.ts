/**
 * Complaints and service recovery (投诉处理, 服务补救). Only about one dissatisfied customer in ten
 * voices a complaint; the rest stay silent. A voiced complaint is handled with the scenario's speed,
 * resolution quality and compensation; excellent handling of a minor failure can leave the customer
 * better off than before (service recovery paradox), poor handling leaves them worse.
 */
export const COMPLAINTS = {
  /** Base chance of voicing a dissatisfying incident (the "silent 90 %"). */
  baseVoice: 0.1,
  /** Making complaining easy multiplies voicing by up to 1 + this. */
  easeBoost: 3,
  /** Severity and engagement shape who speaks up; normalised so the defaults average ≈ 1. */
  severityWeight: 1.2,
  engagementWeight: 0.8,
  norm: 1 / ((0.55 + 1.2 * 0.3) * (0.7 + 0.8 * 0.3)),
  /** How much of a failure's harm excellent recovery can undo, and the extra for minor failures. */
  paradox: 1.2,
  severeRecoveryCut: 0.6,
  /** Handling that is worse than this adds insult to injury. */
  insultThreshold: 0.4,
  insult: 0.3,
  /** On-the-spot recovery by empowered frontline staff. */
  empowermentRecovery: 0.15,
};

/** Probability that a customer voices this incident. Engaged (bonded) customers bother more. */
export function voiceProbability(propensity: number, ease: number, severity: number, bond: number): number {
  const c = COMPLAINTS;
  const p =
    c.baseVoice *
    c.norm *
    propensity *
    (1 + c.easeBoost * ease) *
    (0.55 + c.severityWeight * severity) *
    (0.7 + c.engagementWeight * bond);
  return Math.min(p, 1);
}

/**
 * Quality of the firm's response, 0–1: resolution quality scaled by speed (a day's wait halves the
 * speed factor), plus compensation and empowered staff who can fix things on the spot.
 */
export function recoveryQuality(
  resolution: number,
  responseHours: number,
  compensation: number,
  empowerment: number,
): number {
  const speed = 1 / (1 + responseHours / 24);
  const comp = Math.min(compensation, 1);
  const r =
    resolution * (0.45 + 0.55 * speed) +
    0.25 * comp * (1 - 0.5 * resolution) +
    COMPLAINTS.empowermentRecovery * empowerment;
  return Math.min(r, 1);
}

/**
 * The incident's net effect on the experience of that visit, in quality units (−1…+0.3).
 * Silent: the full harm stays. Voiced: recovery undoes part of it, more for minor failures; at
 * excellent recovery of a minor failure the net is positive (the paradox); poor handling insults.
 */
export function incidentOutcome(severity: number, recovery: number, voiced: boolean): number {
  if (!voiced) return -severity;
  const c = COMPLAINTS;
  const effective = recovery * (1 - c.severeRecoveryCut * severity);
  const insult = recovery < c.insultThreshold ? c.insult * (c.insultThreshold - recovery) : 0;
  return -severity + severity * effective * (1 + c.paradox * (1 - severity)) - insult;
}
