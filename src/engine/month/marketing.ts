/** Phase 2 of a month: marketing reaches random people before the month's visits; reached prospects may buy. */
import { ACQUISITION, conversionProbability } from '../acquisition.ts';
import { Source, Stage } from '../state.ts';
import { acquire } from './acquire.ts';
import type { World } from './world.ts';

export function marketingReach(w: World): void {
  const mkt = w.scenario.market;
  const p = w.pop;
  const n = p.n;
  const t = w.t;
  const l = w.lev;
  const acq = w.acq;
  const { stage, attitude, priceSens } = p;
  const leads = mkt.acquisitionSpendPerMonth / mkt.costPerLead;
  acq.at(-1, t);
  const reach = Math.min(5 * n, Math.floor(leads) + (acq.next() < leads - Math.floor(leads) ? 1 : 0));
  const base = mkt.leadConversionPct / 100;
  for (let k = 0; k < reach; k++) {
    acq.at(k, t);
    const j = Math.floor(acq.next() * n);
    const st = stage[j];
    if (st === Stage.SUSPECT) {
      stage[j] = Stage.PROSPECT;
      p.pressure[j] = 0;
    } else if (st !== Stage.PROSPECT && st !== Stage.LAPSED) continue;
    const lapsed = st === Stage.LAPSED;
    const d = lapsed ? l.discountLapsed : l.discountNew;
    const pc = conversionProbability(base, attitude[j], priceSens[j], d, w.now.competitor, w.now.season);
    if (acq.next() < (lapsed ? ACQUISITION.lapsedReach * pc : pc)) {
      acquire(w, j, d > 0 ? Source.DISCOUNT : Source.MARKETING, d);
    }
  }
}
