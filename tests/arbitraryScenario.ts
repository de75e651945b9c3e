import fc from 'fast-check';
import { defaultScenario, LEVER_NAMES, type Scenario } from '../src/engine/index.ts';

const pct = fc.double({ min: 0, max: 100, noNaN: true });
const windowList = (horizon: number) =>
  fc.array(
    fc
      .tuple(fc.integer({ min: 1, max: horizon }), fc.integer({ min: 0, max: 12 }))
      .map(([from, len]) => ({ from, to: from + len })),
    { maxLength: 2 },
  );

/** Random valid scenarios: small populations, any lever setting and schedule, random segments and events. */
export const arbitraryScenario: fc.Arbitrary<Scenario> = fc
  .record({
    horizon: fc.integer({ min: 1, max: 18 }),
    marketSize: fc.integer({ min: 10, max: 2_000 }),
    segShares: fc.array(fc.double({ min: 0.05, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }),
    rateShape: fc.double({ min: 0.1, max: 5, noNaN: true }),
    visits: fc.double({ min: 0.05, max: 8, noNaN: true }),
    priceSens: pct,
    initialCustomerPct: pct,
    initialAwarePct: pct,
    meanContacts: fc.double({ min: 0, max: 20, noNaN: true }),
    levels: fc.array(pct, { minLength: 12, maxLength: 12 }),
    discountTarget: fc.constantFrom('all', 'new', 'lapsed') as fc.Arbitrary<'all' | 'new' | 'lapsed'>,
    failure: fc.double({ min: 0, max: 50, noNaN: true }),
    responseHours: fc.double({ min: 0.1, max: 500, noNaN: true }),
    headcount: fc.integer({ min: 1, max: 50 }),
    spend: fc.double({ min: 0, max: 1e5, noNaN: true }),
    events: fc.array(
      fc.record({
        kind: fc.constantFrom('priceWar', 'serviceIncident', 'competitorEntry') as fc.Arbitrary<
          'priceWar' | 'serviceIncident' | 'competitorEntry'
        >,
        from: fc.integer({ min: 1, max: 18 }),
        len: fc.integer({ min: 0, max: 6 }),
        intensityPct: pct,
      }),
      { maxLength: 3 },
    ),
    probe: fc.option(fc.record({ share: pct, severity: fc.double({ min: 1, max: 100, noNaN: true }) })),
  })
  .chain((r) => fc.tuple(fc.constant(r), fc.array(windowList(r.horizon), { minLength: 12, maxLength: 12 })))
  .map(([r, schedules]) => {
    const s = defaultScenario();
    s.horizonMonths = r.horizon;
    s.population.marketSize = r.marketSize;
    s.population.initialCustomerPct = r.initialCustomerPct;
    s.population.initialAwarePct = r.initialAwarePct;
    s.population.network.meanContacts = r.meanContacts;
    const total = r.segShares.reduce((a, b) => a + b, 0);
    const template = s.population.segments;
    s.population.segments = r.segShares.map((w, k) => ({
      ...template[k % template.length],
      id: `s${k}`,
      sharePct: (100 * w) / total,
      visitRateShape: r.rateShape,
      visitsPerMonth: r.visits,
      priceSensitivityPct: r.priceSens,
    }));
    // Shares must add to 100 exactly despite rounding.
    const drift = 100 - s.population.segments.reduce((a, g) => a + g.sharePct, 0);
    s.population.segments[0].sharePct += drift;
    const [disc, points, pers, know, care, comm, contact, transp, ease, stand, emp, train] = r.levels;
    const l = s.levers;
    l.discount.depthPct = (disc * 90) / 100;
    l.discount.target = r.discountTarget;
    l.points.rewardPct = (points * 30) / 100;
    l.points.tiers = points > 50;
    l.personalisation.levelPct = pers;
    l.knowledgeServices.levelPct = know;
    l.careGestures.perYear = (care * 52) / 100;
    l.community.levelPct = comm;
    l.proactiveContact.perMonth = (contact * 10) / 100;
    l.transparency.levelPct = transp;
    l.complaintHandling.easeOfVoicingPct = ease;
    l.complaintHandling.responseHours = r.responseHours;
    l.serviceStandards.levelPct = stand;
    l.empowerment.levelPct = emp;
    l.empowerment.surpriseFundPerMonth = emp * 20;
    l.training.hoursPerStaffPerMonth = (train * 40) / 100;
    LEVER_NAMES.forEach((name, k) => {
      l[name].schedule = schedules[k];
    });
    s.service.failurePctPerVisit = r.failure;
    s.staff.headcount = r.headcount;
    s.market.acquisitionSpendPerMonth = r.spend;
    s.market.events = r.events.map((e) => ({
      kind: e.kind,
      from: Math.min(e.from, r.horizon),
      to: Math.min(e.from, r.horizon) + e.len,
      intensityPct: e.intensityPct,
    }));
    if (r.probe) {
      s.probes.injectedFailure = {
        month: Math.ceil(r.horizon / 2),
        sharePct: r.probe.share,
        severityPct: r.probe.severity,
      };
    }
    return s;
  });
