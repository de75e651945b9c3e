import type { DisplayText, RunOptions, Scenario } from './scenario.ts';
import { Simulation } from './simulate.ts';
import { isActive, Stage, UNSCORED } from './state.ts';

/** Most customers a trace follows: enough to see patterns, few enough to draw at 60 frames a second. */
export const MAX_TRACED = 4000;

/**
 * What happened to a window of customers, month by month, in one replication: the population view's
 * data. Customers are indices 0…size−1 of the simulated market, a random sample (traits are drawn
 * independently per index) whose ring-lattice contacts mostly stay inside the window.
 * Frame f is the state after f months (frame 0 is the start); per-month counts use the same frame index.
 */
export interface PopulationTrace {
  size: number;
  frames: number;
  segment: Uint8Array;
  segmentLabels: DisplayText[];
  /** [f * size + i]: loyalty stage (Stage). */
  stage: Uint8Array;
  /** [f * size + i]: how the customer was last acquired (Source). */
  source: Uint8Array;
  /** [f * size + i]: satisfaction × 255. */
  satisfaction: Uint8Array;
  /**
   * [f * size + i]: customer-health score 0–100 after month f, as the at-risk audience reads it
   * (rounded; health.ts); UNSCORED for anyone who is not a customer then, and at frame 0, before
   * any month has been scored.
   */
  health: Uint8Array;
  /** [f * size + i]: events during month f (0 at frame 0), capped at 255. */
  visits: Uint8Array;
  voiced: Uint8Array;
  silent: Uint8Array;
  referrals: Uint8Array;
  /** Contacts inside the window: targets[offsets[i]..offsets[i+1]]. */
  offsets: Int32Array;
  targets: Int32Array;
  /** Contacts each customer has outside the window (not drawn). */
  outside: Uint16Array;
}

const cap = (x: number) => (x > 255 ? 255 : x);

/** Runs one replication and records the first `size` customers after every month. */
export function tracePopulation(scenario: Scenario, options: RunOptions, size: number): PopulationTrace {
  const sim = new Simulation(scenario, options);
  const p = sim.pop;
  const n = Math.max(1, Math.min(size, MAX_TRACED, p.n));
  const frames = sim.months + 1;
  const tr: PopulationTrace = {
    size: n,
    frames,
    segment: p.segment.slice(0, n),
    segmentLabels: scenario.population.segments.map((s) => s.label),
    stage: new Uint8Array(frames * n),
    source: new Uint8Array(frames * n),
    satisfaction: new Uint8Array(frames * n),
    health: new Uint8Array(frames * n),
    visits: new Uint8Array(frames * n),
    voiced: new Uint8Array(frames * n),
    silent: new Uint8Array(frames * n),
    referrals: new Uint8Array(frames * n),
    offsets: new Int32Array(n + 1),
    targets: new Int32Array(0),
    outside: new Uint16Array(n),
  };
  const inside: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let k = sim.net.offsets[i]; k < sim.net.offsets[i + 1]; k++) {
      const j = sim.net.targets[k];
      if (j < n) inside.push(j);
      else tr.outside[i]++;
    }
    tr.offsets[i + 1] = inside.length;
  }
  tr.targets = Int32Array.from(inside);

  const last = {
    visits: new Uint32Array(n),
    voiced: new Uint16Array(n),
    silent: new Uint16Array(n),
    refs: new Uint16Array(n),
  };
  const record = (f: number) => {
    const o = f * n;
    for (let i = 0; i < n; i++) {
      tr.stage[o + i] = p.stage[i];
      tr.source[o + i] = p.source[i];
      tr.satisfaction[o + i] = Math.round(p.sat[i] * 255);
      // A lapsed customer keeps the score of their last month in the engine; nobody reads it then.
      tr.health[o + i] = isActive(p.stage[i]) ? p.health[i] : UNSCORED;
      if (f > 0) {
        tr.visits[o + i] = cap(p.visits[i] - last.visits[i]);
        tr.voiced[o + i] = cap(p.voiced[i] - last.voiced[i]);
        tr.silent[o + i] = cap(p.silent[i] - last.silent[i]);
        tr.referrals[o + i] = cap(p.referrals[i] - last.refs[i]);
      }
      last.visits[i] = p.visits[i];
      last.voiced[i] = p.voiced[i];
      last.silent[i] = p.silent[i];
      last.refs[i] = p.referrals[i];
    }
  };
  record(0);
  for (let f = 1; f < frames; f++) {
    sim.step();
    record(f);
  }
  return tr;
}

export interface StoryEvent {
  month: number;
  kind: 'stage' | 'visits' | 'voiced' | 'silent' | 'referrals';
  /** New stage for 'stage', count otherwise. */
  value: number;
  /** Source of (re)acquisition when a stage change made them a customer. */
  source?: number;
}

/** One customer's months as events: stage changes, visits, complaints voiced and silent, referrals. */
export function customerStory(tr: PopulationTrace, i: number): StoryEvent[] {
  const out: StoryEvent[] = [];
  const n = tr.size;
  for (let f = 1; f < tr.frames; f++) {
    const o = f * n + i;
    if (tr.visits[o]) out.push({ month: f, kind: 'visits', value: tr.visits[o] });
    if (tr.voiced[o]) out.push({ month: f, kind: 'voiced', value: tr.voiced[o] });
    if (tr.silent[o]) out.push({ month: f, kind: 'silent', value: tr.silent[o] });
    if (tr.referrals[o]) out.push({ month: f, kind: 'referrals', value: tr.referrals[o] });
    // The month's stage change comes last: it is what the visits, complaints and referrals led to.
    const before = tr.stage[o - n];
    if (tr.stage[o] !== before) {
      const wasOut = before < Stage.FIRST || before === Stage.LAPSED;
      const acquired = wasOut && tr.stage[o] >= Stage.FIRST && tr.stage[o] <= Stage.ADVOCATE;
      out.push({
        month: f,
        kind: 'stage',
        value: tr.stage[o],
        ...(acquired ? { source: tr.source[o] } : {}),
      });
    }
  }
  return out;
}

/** One customer's health score after each month 1…frames−1 (null while not a customer). */
export function healthStory(tr: PopulationTrace, i: number): (number | null)[] {
  const out: (number | null)[] = [];
  for (let f = 1; f < tr.frames; f++) {
    const h = tr.health[f * tr.size + i];
    out.push(h === UNSCORED ? null : h);
  }
  return out;
}
