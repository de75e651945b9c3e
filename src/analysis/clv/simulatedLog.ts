/**
 * A simulated transaction log in the same CSV format the app reads (customer, date, amount), so a fit
 * of the simulation's output can be set beside the fit of the data. Each month's purchases get days
 * spread uniformly within the month; amounts vary around the customer's mean with the Gamma-Gamma
 * shape p (the fitted one for a calibrated population), so the spend model can be refitted too.
 */
import seedrandom from 'seedrandom';
import { Flag, type RunOptions, type Scenario, Simulation, Stream } from '../../engine/index.ts';
import { dayToIso, parseDay } from './transactions.ts';

const DAYS_PER_MONTH = 365.25 / 12;
const DEFAULT_SHAPE = 6;

export function simulatedTransactionLog(
  scenario: Scenario,
  options: RunOptions,
  startDate = '2024-01-01',
): string {
  const start = parseDay(startDate, 'ymd');
  if (start === null) throw new Error(`start date must be YYYY-MM-DD, got ${startDate}`);
  const sim = new Simulation(scenario, options);
  const p = sim.pop;
  const shape = scenario.population.calibration?.p ?? DEFAULT_SHAPE;
  const rng = new Stream(seedrandom(`loyalty-lab:log:${options.seed}:${options.replication}`).int32());
  const lines = ['customer,date,amount'];
  const visits = new Uint32Array(p.n);
  const revenue = new Float64Array(p.n);
  const add = (i: number, day: number, amount: number) =>
    lines.push(`c${i + 1},${dayToIso(day)},${amount.toFixed(2)}`);
  // Customers at the start made a purchase at the start (time 0 of a calibrated cohort).
  for (let i = 0; i < p.n; i++)
    if (p.flags[i] & Flag.EVER_CUSTOMER && p.firstTick[i] < 0) add(i, start, p.spend[i]);
  for (let t = 0; t < sim.months; t++) {
    sim.step();
    for (let i = 0; i < p.n; i++) {
      const k = p.visits[i] - visits[i];
      if (k === 0) continue;
      const mean = (p.revenue[i] - revenue[i]) / k;
      visits[i] = p.visits[i];
      revenue[i] = p.revenue[i];
      rng.at(i, t);
      for (let v = 0; v < k; v++) {
        const day = start + Math.floor((t + rng.next()) * DAYS_PER_MONTH);
        add(i, day, mean * rng.gamma(shape, 1 / shape));
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
