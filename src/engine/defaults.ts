import type { Audience, CostModel, Levers, Scenario, SegmentSpec } from './scenario.ts';

const cost = (fixedPerMonth: number, perCustomerPerMonth: number, perEvent: number): CostModel => ({
  fixedPerMonth,
  perCustomerPerMonth,
  perEvent,
});

/**
 * Four segments after the sources' own typology (price-driven, value-seeking, relationship-seeking,
 * convenience). Visit-rate shape below 1 and spend shape near 2 give BG/NBD-like heterogeneity, from
 * which 80/20-type revenue concentration emerges.
 */
export const DEFAULT_SEGMENTS: SegmentSpec[] = [
  {
    id: 'price',
    label: { en: 'Price-driven', zh: '价格驱动' },
    sharePct: 30,
    visitsPerMonth: 1.2,
    visitRateShape: 0.8,
    spendPerVisit: 30,
    spendShape: 2.5,
    priceSensitivityPct: 80,
    failureTolerancePct: 40,
    complainPropensity: 0.8,
    socialActivity: 0.9,
    multiChannelPct: 20,
    weights: { value: 0.7, emotion: 0.1, experience: 0.2 },
  },
  {
    id: 'value',
    label: { en: 'Value-seeking', zh: '价值导向' },
    sharePct: 30,
    visitsPerMonth: 1.5,
    visitRateShape: 0.8,
    spendPerVisit: 45,
    spendShape: 2.5,
    priceSensitivityPct: 45,
    failureTolerancePct: 50,
    complainPropensity: 1.1,
    socialActivity: 1,
    multiChannelPct: 35,
    weights: { value: 0.5, emotion: 0.2, experience: 0.3 },
  },
  {
    id: 'relationship',
    label: { en: 'Relationship-seeking', zh: '关系导向' },
    sharePct: 25,
    visitsPerMonth: 1.8,
    visitRateShape: 0.8,
    spendPerVisit: 50,
    spendShape: 2.5,
    priceSensitivityPct: 25,
    failureTolerancePct: 60,
    complainPropensity: 1.2,
    socialActivity: 1.3,
    multiChannelPct: 40,
    weights: { value: 0.2, emotion: 0.5, experience: 0.3 },
  },
  {
    id: 'convenience',
    label: { en: 'Convenience', zh: '便利导向' },
    sharePct: 15,
    visitsPerMonth: 1.4,
    visitRateShape: 0.8,
    spendPerVisit: 35,
    spendShape: 2.5,
    priceSensitivityPct: 50,
    failureTolerancePct: 35,
    complainPropensity: 0.9,
    socialActivity: 0.8,
    multiChannelPct: 60,
    weights: { value: 0.3, emotion: 0.1, experience: 0.6 },
  },
];

/** A lever's audience when it is not aimed: every customer. */
export function everyone(): Audience {
  return { kind: 'everyone', segment: '', topPct: 20, newMonths: 3 };
}

/** Every lever off, with the cost model it would have when switched on. */
export function defaultLevers(): Levers {
  return {
    pricePct: 100,
    discount: { depthPct: 0, target: 'new', schedule: [], cost: cost(0, 0, 0) },
    points: { rewardPct: 0, tiers: false, schedule: [], cost: cost(800, 0.1, 0) },
    personalisation: { levelPct: 0, audience: everyone(), schedule: [], cost: cost(1500, 0.3, 0) },
    knowledgeServices: { levelPct: 0, audience: everyone(), schedule: [], cost: cost(2000, 0.2, 0) },
    careGestures: { perYear: 0, audience: everyone(), schedule: [], cost: cost(200, 0, 3) },
    community: { levelPct: 0, audience: everyone(), schedule: [], cost: cost(1500, 0.5, 0) },
    proactiveContact: { perMonth: 0, audience: everyone(), schedule: [], cost: cost(100, 0, 0.3) },
    transparency: { levelPct: 0, callbackHours: 24, schedule: [], cost: cost(1500, 0, 4) },
    complaintHandling: {
      easeOfVoicingPct: 0,
      responseHours: 48,
      resolutionQualityPct: 50,
      compensationPct: 0,
      audience: everyone(),
      schedule: [],
      cost: cost(0, 0, 8),
    },
    serviceStandards: { levelPct: 0, schedule: [], cost: cost(1500, 0.4, 0) },
    empowerment: { levelPct: 20, surpriseFundPerMonth: 0, schedule: [], cost: cost(300, 0, 12) },
    training: { hoursPerStaffPerMonth: 2, incentivePct: 0, schedule: [], cost: cost(0, 0, 25) },
  };
}

/**
 * The sources' model: the dimensions are complements (harmonic mean, elasticity of substitution ½),
 * and a bond makes an unresolved failure hurt more. docs/model.md gives the evidence both ways.
 */
export function defaultDimensions(): Scenario['dimensions'] {
  return { synergy: 2, betrayal: 0.5 };
}

/** The bundled default: a neighbourhood service business with no loyalty programme. */
export function defaultScenario(): Scenario {
  return {
    name: 'Neighbourhood service business — baseline 基线',
    horizonMonths: 36,
    population: {
      marketSize: 20_000,
      initialCustomerPct: 10,
      initialAwarePct: 30,
      segments: structuredClone(DEFAULT_SEGMENTS),
      network: { meanContacts: 8, rewiringPct: 10, onlineReach: 50 },
      calibration: null,
    },
    service: { failurePctPerVisit: 5, meanSeverityPct: 35 },
    staff: {
      headcount: 15,
      initialSkillPct: 55,
      initialMoralePct: 55,
      newHireSkillPct: 40,
      monthlyTurnoverPct: 3,
      wagePerMonth: 2500,
      hiringCost: 1500,
    },
    market: {
      acquisitionSpendPerMonth: 3000,
      costPerLead: 2,
      leadConversionPct: 8,
      organicConversionPct: 0.8,
      awarenessGrowthPct: 0.5,
      competitorAttractivenessPct: 40,
      seasonalityPct: 10,
      seasonalityPeakMonth: 12,
      events: [],
    },
    economics: { grossMarginPct: 55, fixedCostsPerMonth: 20_000, annualDiscountRatePct: 10 },
    dimensions: defaultDimensions(),
    levers: defaultLevers(),
    probes: { injectedFailure: null },
  };
}
