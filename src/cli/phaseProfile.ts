/**
 * npm run bench -- --phases [N]: where a run's time goes, by module of the engine. The V8 sampling
 * profiler runs over whole replications of the default world (after a warm-up) and each sample's own
 * time is charged to the engine module whose code it was in: esbuild marks every module's start in
 * the bundle with a `// src/…` line, so the bundle itself says which module a line belongs to (run
 * unbundled, each frame names its own module). The
 * profiler reports inlined functions as their own frames, so a formula inlined into a phase is still
 * charged to the module that defines it.
 */
import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { fileURLToPath } from 'node:url';
import { defaultScenario, Simulation } from '../engine/index.ts';

/** What each module does in a customer's month (docs/model.md, "A month, phase by phase"). */
const ROLE: Record<string, string> = {
  'simulate.ts': 'the loop over everyone (and what the compiler inlined into it)',
  'month/prospects.ts': 'suspects, prospects, lapsed customers',
  'month/customer.ts': "a customer's month: discount, audiences, repurchase counts",
  'month/visits.ts': '3a visits',
  'month/service.ts': '3b service encounters',
  'month/perceive.ts': '3c perceive',
  'month/book.ts': '3d book',
  'month/feel.ts': '3e feel',
  'month/talk.ts': '3f talk',
  'month/leave.ts': '3g leave',
  'month/tally.ts': '5 tally: counting and health-scoring the active',
  'month/acquire.ts': 'acquire',
  'month/audience.ts': 'audiences',
  'month/marketing.ts': 'marketing',
  'month/conditions.ts': 'conditions',
  'rng.ts': 'random draws (positioning, uniforms, Poisson)',
  'churn.ts': 'dimensions combined, churn hazard, win-back',
  'perception.ts': 'perception formulas',
  'encounters.ts': 'encounter formulas',
  'complaints.ts': 'complaint formulas',
  'wordOfMouth.ts': 'word-of-mouth formulas',
  'health.ts': 'health score',
  'acquisition.ts': 'acquisition formulas',
  'community.ts': 'community formulas',
  'staff.ts': '4 staff',
};

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** For each line of this bundle (0-based), the engine module it belongs to ('' outside the engine). */
function moduleOfLine(): string[] {
  const lines = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n');
  const owner: string[] = new Array(lines.length);
  let current = '';
  for (let k = 0; k < lines.length; k++) {
    const m = /^\/\/ (src\/\S+)$/.exec(lines[k]);
    if (m) current = m[1].startsWith('src/engine/') ? m[1].slice('src/engine/'.length) : '';
    owner[k] = current;
  }
  return owner;
}

export interface PhaseRow {
  module: string;
  role: string;
  share: number;
  nsPerAgentStep: number;
}

export async function phaseProfile(n: number, months: number, runs: number): Promise<PhaseRow[]> {
  const scenario = defaultScenario();
  scenario.horizonMonths = months;
  const warm = structuredClone(scenario);
  warm.population.marketSize = 20_000;
  for (let k = 0; k < 3; k++) new Simulation(warm, { seed: 99, replication: k }).run();
  scenario.population.marketSize = n;

  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  const t0 = performance.now();
  for (let r = 0; r < runs; r++) new Simulation(scenario, { seed: 1, replication: r }).run();
  const seconds = (performance.now() - t0) / 1000;
  const { profile } = (await session.post('Profiler.stop')) as { profile: Profile };
  session.disconnect();

  const self = new Map<number, number>();
  for (let k = 0; k < profile.samples.length; k++) {
    const id = profile.samples[k];
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[k] ?? 0));
  }
  const owner = moduleOfLine();
  const here = import.meta.url;
  const byModule = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const t = self.get(node.id) ?? 0;
    if (t === 0) continue;
    total += t;
    const f = node.callFrame;
    const source = f.url.indexOf('/src/engine/');
    const name =
      f.url === here
        ? owner[f.lineNumber] || 'outside the engine'
        : source >= 0 // unbundled (tests): the frame names its module
          ? f.url.slice(source + '/src/engine/'.length).replace(/\?.*$/, '')
          : f.functionName === '(garbage collector)'
            ? 'garbage collector'
            : 'other (runtime, set-up outside the engine)';
    byModule.set(name, (byModule.get(name) ?? 0) + t);
  }
  const perStep = (seconds * 1e9) / (n * months * runs);
  return [...byModule]
    .sort((a, b) => b[1] - a[1])
    .map(([module, t]) => ({
      module,
      role: ROLE[module] ?? (module.endsWith('.ts') ? 'set-up' : ''),
      share: t / total,
      nsPerAgentStep: (t / total) * perStep,
    }));
}
