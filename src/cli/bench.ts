/**
 * npm run bench: agent-steps per second of the full engine and of the reference kernel, in the same
 * process, alternating runs so that drift in machine speed hits both; memory per customer; peak RSS.
 * Each population size runs in a child process of its own so its memory figures are its own.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { defaultScenario, type Scenario, Simulation, simulate } from '../engine/index.ts';
import { parseScenarioText } from '../scenario/importer.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const MONTHS = 60;

interface ChildReport {
  n: number;
  engine: number[]; // M agent-steps/s per run
  reference: number[];
  setupSeconds: number;
  bytesPerCustomer: number;
  peakRssMiB: number;
}

function findReference(): string {
  for (const base of [process.cwd(), HERE, resolve(HERE, '..'), resolve(HERE, '../..')]) {
    const p = resolve(base, '../shared/bench/reference-kernel.mjs');
    if (existsSync(p)) return p;
  }
  throw new Error(
    'reference kernel not found: expected ../shared/bench/reference-kernel.mjs beside the repository',
  );
}

/** Bytes of every per-customer typed array and of the network: the engine's state, exactly. */
function stateBytes(sim: Simulation): number {
  let bytes = sim.net.offsets.byteLength + sim.net.targets.byteLength;
  for (const v of Object.values(sim.pop)) if (ArrayBuffer.isView(v)) bytes += v.byteLength;
  return bytes;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function child(n: number, runs: number): Promise<ChildReport> {
  const { runReference } = await import(pathToFileURL(findReference()).href);
  const scenario = defaultScenario();
  scenario.horizonMonths = MONTHS;
  // Warm both up on a small population so neither is measured while the JIT is still compiling.
  const warm = structuredClone(scenario);
  warm.population.marketSize = 20_000;
  for (let k = 0; k < 3; k++) new Simulation(warm, { seed: 99, replication: k }).run();
  runReference(20_000, MONTHS, 99);

  scenario.population.marketSize = n;
  const engine: number[] = [];
  const reference: number[] = [];
  let setupSeconds = 0;
  let bytesPerCustomer = 0;
  let peakRss = 0;
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let r = 0; r < runs; r++) {
    gc?.();
    const t0 = performance.now();
    const sim = new Simulation(scenario, { seed: 1, replication: r });
    const t1 = performance.now();
    bytesPerCustomer = stateBytes(sim) / n;
    while (!sim.done) sim.step();
    const t2 = performance.now();
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    setupSeconds += (t1 - t0) / 1000 / runs;
    engine.push((n * MONTHS) / ((t2 - t1) / 1000) / 1e6);
    gc?.();
    reference.push(runReference(n, MONTHS, r + 1).agentStepsPerSecond / 1e6);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  return { n, engine, reference, setupSeconds, bytesPerCustomer, peakRssMiB: peakRss / 2 ** 20 };
}

/** The workbench's load: the bundled default scenario at this size, as the app would run it. */
function workbenchScenario(people: number, months: number): Scenario {
  const r = parseScenarioText(
    readFileSync(resolve(HERE, '../../scenarios/baselines/neighbourhood.json'), 'utf8'),
  );
  if (!r.ok) throw new Error('the bundled default scenario does not open');
  r.scenario.population.marketSize = people;
  r.scenario.horizonMonths = months;
  return r.scenario;
}

/**
 * Whole runs, as the app's worker pool does them: one thread per core takes the next replication
 * until all are done. Seconds from the first thread's start to the last result.
 */
async function wholeRuns(
  people: number,
  months: number,
  reps: number,
): Promise<{ seconds: number; threads: number }> {
  const threads = availableParallelism();
  const next = new Int32Array(new SharedArrayBuffer(4));
  const started = performance.now();
  await Promise.all(
    Array.from({ length: threads }, () => {
      const w = new Worker(fileURLToPath(import.meta.url), { workerData: { people, months, reps, next } });
      return new Promise<void>((done, fail) => {
        w.on('message', () => done());
        w.on('error', fail);
      }).finally(() => w.terminate());
    }),
  );
  return { seconds: (performance.now() - started) / 1000, threads };
}

function replicationsThread(): void {
  const { people, months, reps, next } = workerData as {
    people: number;
    months: number;
    reps: number;
    next: Int32Array;
  };
  const scenario = workbenchScenario(people, months);
  for (let k = Atomics.add(next, 0, 1); k < reps; k = Atomics.add(next, 0, 1))
    simulate(scenario, { seed: 1, replication: k });
  parentPort?.postMessage('done');
}

async function main() {
  if (!isMainThread) return replicationsThread();
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    const report = await child(Number(args[1]), Number(args[2]));
    process.stdout.write(JSON.stringify(report));
    return;
  }
  const sizes = args.length ? args.map(Number) : [10_000, 100_000, 1_000_000];
  const rows: ChildReport[] = [];
  for (const n of sizes) {
    const runs = n >= 1_000_000 ? 3 : 5;
    const out = execFileSync(
      process.execPath,
      ['--expose-gc', fileURLToPath(import.meta.url), '--child', String(n), String(runs)],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      },
    );
    rows.push(JSON.parse(out));
  }
  console.log(
    `Loyalty Lab engine vs reference kernel, ${MONTHS} months, single thread (Node ${process.version})`,
  );
  console.log(
    '| customers | engine M agent-steps/s | reference M agent-steps/s | ratio | setup s | state bytes/customer | peak RSS MiB |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const ratios = r.engine.map((e, k) => e / r.reference[k]);
    console.log(
      `| ${r.n.toLocaleString('en')} | ${median(r.engine).toFixed(1)} | ${median(r.reference).toFixed(1)} | ${median(ratios).toFixed(2)} | ${r.setupSeconds.toFixed(2)} | ${r.bytesPerCustomer.toFixed(0)} | ${r.peakRssMiB.toFixed(0)} |`,
    );
  }
  console.log('ratio = median over runs of (engine / reference) in the same process; target ≥ 0.33.');
  if (args.length === 0) {
    const { seconds, threads } = await wholeRuns(100_000, 60, 100);
    console.log(
      `\nWhole runs of the bundled default: 100,000 people × 60 months × 100 replications in ${seconds.toFixed(1)} s on ${threads} threads (the workbench's target: 30 s in the browser).`,
    );
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
