import { describe, expect, it } from 'vitest';
import { churnHazard, lockIn } from '../../src/engine/churn.ts';
import { incidentOutcome, recoveryQuality, voiceProbability } from '../../src/engine/complaints.ts';
import { failureProbability, perceivedSeverity, severityExponent } from '../../src/engine/encounters.ts';
import { scheduled } from '../../src/engine/levers.ts';
import { contactEffect, recommendScore, valueTarget } from '../../src/engine/perception.ts';
import { turnoverProbability } from '../../src/engine/staff.ts';
import { referralProbability } from '../../src/engine/wordOfMouth.ts';

describe('complaints and recovery', () => {
  const excellent = recoveryQuality(1, 1, 0.5, 0.5);
  const poor = recoveryQuality(0.1, 168, 0, 0);
  it('rates fast, generous, empowered handling above slow, stingy handling', () => {
    expect(excellent).toBeGreaterThan(0.9);
    expect(poor).toBeLessThan(0.2);
    expect(recoveryQuality(0.8, 1, 0, 0)).toBeGreaterThan(recoveryQuality(0.8, 72, 0, 0));
  });
  it('turns a minor failure into a net gain when recovery is excellent (the paradox)', () => {
    expect(incidentOutcome(0.1, excellent, true)).toBeGreaterThan(0);
  });
  it('never fully recovers a severe failure', () => {
    expect(incidentOutcome(0.9, 1, true)).toBeLessThan(-0.2);
  });
  it('makes poor handling worse than silence for a minor failure (insult)', () => {
    expect(incidentOutcome(0.1, 0, true)).toBeLessThan(incidentOutcome(0.1, 0, false));
  });
  it('makes voicing likelier when complaining is easy, the failure severe, the customer engaged', () => {
    const p = voiceProbability(1, 0, 0.3, 0.3);
    expect(p).toBeGreaterThan(0.08);
    expect(p).toBeLessThan(0.12);
    expect(voiceProbability(1, 1, 0.3, 0.3)).toBeGreaterThan(3 * p);
    expect(voiceProbability(1, 0, 0.9, 0.3)).toBeGreaterThan(p);
    expect(voiceProbability(1, 0, 0.3, 0.9)).toBeGreaterThan(p);
  });
});

describe('encounters', () => {
  it('fails less with skilled staff and standards, more in an incident', () => {
    const p = failureProbability(0.05, 0.55, 0, 1);
    expect(p).toBeCloseTo(0.05, 3);
    expect(failureProbability(0.05, 0.9, 0, 1)).toBeLessThan(p);
    expect(failureProbability(0.05, 0.55, 1, 1)).toBeLessThan(p);
    expect(failureProbability(0.05, 0.55, 0, 2)).toBeGreaterThan(p);
  });
  it('draws severities whose mean is the scenario mean for a typical customer', () => {
    const a = severityExponent(0.35);
    let s = 0;
    const n = 20_000;
    for (let k = 0; k < n; k++) s += perceivedSeverity((k + 0.5) / n, a, 0.5);
    expect(s / n).toBeCloseTo(0.35, 2);
  });
});

describe('perception, churn, word of mouth, staff', () => {
  it('makes the end of a discount feel like a loss to the price-sensitive', () => {
    const during = valueTarget(0.7, 0, 0.45, 0, 0, false, 0.8, 0.8, 0.8);
    const after = valueTarget(0.7, 0, 0.45, 0, 0, false, 0.8, 1, 0.8);
    const never = valueTarget(0.7, 0, 0.45, 0, 0, false, 0.8, 1, 1);
    expect(after).toBeLessThan(never);
    expect(during).toBeGreaterThan(never);
  });
  it('turns proactive contact from help into annoyance when overdone', () => {
    expect(contactEffect(1)).toBeGreaterThan(0);
    expect(contactEffect(6)).toBeLessThan(0);
  });
  it('keeps the recommend score on 0–10 and rising in satisfaction', () => {
    expect(recommendScore(1, 1, 0.5)).toBe(10);
    expect(recommendScore(0, 0, -0.5)).toBe(0);
    expect(recommendScore(0.9, 0.5, 0)).toBeGreaterThan(recommendScore(0.4, 0.5, 0));
  });
  it('lowers churn with loyalty and switching costs; competitors pull the price-sensitive', () => {
    expect(churnHazard(0.8, 0.7, 0.5, 0.5, 0.4, 0)).toBeLessThan(churnHazard(0.4, 0.7, 0.5, 0.5, 0.4, 0));
    expect(churnHazard(0.5, 0.7, 0.9, 0.2, 0.8, 0)).toBeGreaterThan(churnHazard(0.5, 0.7, 0.1, 0.2, 0.8, 0));
    const lock = lockIn(true, 0.05, true);
    expect(churnHazard(0.5, 0.7, 0.5, 0.5, 0.4, lock)).toBeLessThan(churnHazard(0.5, 0.7, 0.5, 0.5, 0.4, 0));
  });
  it('only lets promoters refer, members and advocates more', () => {
    expect(referralProbability(8, 1, 0, false)).toBe(0);
    expect(referralProbability(10, 1, 1, false)).toBeGreaterThan(referralProbability(10, 1, 0, false));
    expect(referralProbability(10, 1, 0, true)).toBeGreaterThan(referralProbability(10, 1, 0, false));
  });
  it('lowers staff turnover with morale', () => {
    expect(turnoverProbability(0.03, 0.9)).toBeLessThan(turnoverProbability(0.03, 0.5));
  });
  it('schedules levers by inclusive month windows, always on without windows', () => {
    expect(scheduled([], 7)).toBe(true);
    expect(scheduled([{ from: 1, to: 3 }], 3)).toBe(true);
    expect(scheduled([{ from: 1, to: 3 }], 4)).toBe(false);
  });
});
