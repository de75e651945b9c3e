/** Phase 1 of a month: the levers and the market as they stand this month, resolved once. */
import { conversionProbability } from '../acquisition.ts';
import { recoveryQuality } from '../complaints.ts';
import { loyaltyVisits, qualityNoise } from '../encounters.ts';
import { resolveLevers } from '../levers.ts';
import { contactEffect } from '../perception.ts';
import type { Scenario } from '../scenario.ts';
import type { World } from './world.ts';

/** Competitor attractiveness in a month (1-based), 0–1, with price wars and entrants. */
export function competitorIn(s: Scenario, month: number): number {
  let c = s.market.competitorAttractivenessPct / 100;
  for (const e of s.market.events) {
    if (month < e.from || month > e.to) continue;
    if (e.kind === 'priceWar') c += e.intensityPct / 100;
    else if (e.kind === 'competitorEntry') c += 0.5 * (e.intensityPct / 100);
  }
  return Math.min(c, 1);
}

/** How many times the usual failure rate service incidents bring in a month (1-based). */
export function incidentMultiplier(s: Scenario, month: number): number {
  let m = 1;
  for (const e of s.market.events) {
    if (e.kind === 'serviceIncident' && month >= e.from && month <= e.to) m += 3 * (e.intensityPct / 100);
  }
  return m;
}

/** The season's multiplier on visits in month t (0-based). */
export function season(s: Scenario, t: number): number {
  const m = s.market;
  const monthOfYear = (t % 12) + 1;
  return 1 + (m.seasonalityPct / 100) * Math.cos((2 * Math.PI * (monthOfYear - m.seasonalityPeakMonth)) / 12);
}

export function beginMonth(w: World): void {
  const s = w.scenario;
  const t = w.t;
  const month = t + 1;
  const l = w.lev;
  const now = w.now;
  w.acc.fill(0);
  w.aux.fill(0);
  w.scores.fill(0);
  resolveLevers(s, month, l);
  const ref = w.cal?.referenceLoyalty;
  now.refLoyalty = ref?.length ? ref[Math.min(t, ref.length - 1)] : Number.NaN;
  now.refVisits = loyaltyVisits(now.refLoyalty);
  now.discountFactor = (1 + s.economics.annualDiscountRatePct / 100) ** (-t / 12);
  now.competitor = competitorIn(s, month);
  now.awareness = s.market.awarenessGrowthPct / 100;
  now.incident = incidentMultiplier(s, month);
  now.season = season(s, t);
  // The month's part of a prospect's organic conversion hazard; the person's part is attitude and price sensitivity.
  now.organic = conversionProbability(
    s.market.organicConversionPct / 100,
    1,
    0,
    0,
    now.competitor,
    now.season,
  );
  now.recovery = recoveryQuality(l.resolution, l.responseHours, l.compensation, l.empowerment);
  now.callbackRecovery = recoveryQuality(
    l.resolution,
    24 / l.callbackSpeed - 24,
    l.compensation,
    l.empowerment,
  );
  now.recoveryUncompensated = recoveryQuality(l.resolution, l.responseHours, 0, l.empowerment);
  now.callbackRecoveryUncompensated = recoveryQuality(
    l.resolution,
    24 / l.callbackSpeed - 24,
    0,
    l.empowerment,
  );
  now.catchRate = l.transparency * l.callbackSpeed;
  now.noise = qualityNoise(l.standards) * 2.449489742783178; // Irwin–Hall(2) has sd 1/√6
  const surpriseCost = s.levers.empowerment.cost.perEvent;
  now.surpriseP =
    l.surpriseFund > 0 && surpriseCost > 0
      ? Math.min(0.5, l.surpriseFund / surpriseCost / Math.max(1, w.visitsLastMonth))
      : 0;
  now.contactBond = contactEffect(l.contactsPerMonth);
  const probe = s.probes.injectedFailure;
  now.probeShare = probe !== null && probe.month === month ? probe.sharePct / 100 : 0;
  now.probeSeverity = probe !== null ? probe.severityPct / 100 : 0;
}
