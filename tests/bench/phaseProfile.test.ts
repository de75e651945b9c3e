import { describe, expect, it } from 'vitest';
import { phaseProfile } from '../../src/cli/phaseProfile.ts';

describe('where the time goes (npm run bench -- --phases)', () => {
  it("charges a run's time to the engine modules a customer's month passes through", async () => {
    const rows = await phaseProfile(20_000, 24, 2);
    const share = (m: string) => rows.find((r) => r.module === m)?.share ?? 0;
    expect(rows.reduce((a, r) => a + r.share, 0)).toBeCloseTo(1, 9);
    // The phases every active customer-month runs are all seen, and they are the bulk of the time.
    for (const m of ['month/customer.ts', 'month/visits.ts', 'month/feel.ts', 'month/tally.ts'])
      expect(share(m), m).toBeGreaterThan(0);
    const engine = rows.filter((r) => r.module.endsWith('.ts')).reduce((a, r) => a + r.share, 0);
    expect(engine).toBeGreaterThan(0.5);
    expect(rows.every((r) => r.nsPerAgentStep >= 0)).toBe(true);
  });
});
