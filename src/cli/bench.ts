/**
 * npm run bench: agent-steps per second of the full engine and of the reference kernel, in the same
 * process, alternating runs so that drift in machine speed hits both; memory per customer; peak RSS.
 * Each population size runs in a child process of its own so its memory figures are its own.
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { type FitStage, fitParsedLog } from '../analysis/clv/report.ts';
import { syntheticCsvChunks, syntheticTransactions } from '../analysis/clv/syntheticLog.ts';
import { defaultScenario, type Scenario, Simulation, simulate } from '../engine/index.ts';
import { parseScenarioText } from '../scenario/importer.ts';
import { phaseProfile } from './phaseProfile.ts';
import { readLogFile } from './readLog.ts';

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

interface ClvChildReport {
  file: string;
  mib: number;
  rows: number;
  customers: number;
  seconds: Record<'read' | FitStage | 'total', number>;
  bgConverged: boolean;
  bgIterations: number;
  ggIterations: number;
  pnbdIterations: number;
  peakRssMiB: number;
  params: Record<string, number>;
}

/** One CLV pipeline run, timed stage by stage, in a process of its own so the peak RSS is its own. */
async function clvChild(path: string, calibrationEnd?: string): Promise<ClvChildReport> {
  const t0 = performance.now();
  const parsed = await readLogFile(path);
  const marks: [string, number][] = [['read', performance.now()]];
  const fitted = fitParsedLog(
    parsed,
    { calibrationEnd, annualDiscountRatePct: 10, marginPct: 30, clvWeeks: 52 },
    (stage) => marks.push([stage, performance.now()]),
  );
  const end = performance.now();
  if (!fitted.ok) throw new Error(`${path}: ${fitted.error}`);
  const r = fitted.report;
  const seconds: Record<string, number> = {};
  // Each mark is where a stage starts; a stage's time runs to the next mark.
  const order = ['read', 'summarise', 'bgnbd', 'gammagamma', 'diagnostics', 'paretonbd', 'clv'];
  const at = new Map(marks);
  for (let k = 0; k < order.length; k++) {
    const from = k === 0 ? t0 : at.get(order[k]);
    if (from === undefined) {
      seconds[order[k]] = 0;
      continue;
    }
    const next = order.slice(k + 1).find((o) => at.has(o));
    seconds[order[k]] = ((next ? at.get(next)! : end) - from) / 1000;
  }
  // The pipeline the targets are for: without the optional Pareto/NBD comparison.
  seconds.total = (end - t0) / 1000 - seconds.paretonbd;
  return {
    file: path,
    mib: statSync(path).size / 2 ** 20,
    rows: r.rows,
    customers: r.customers,
    seconds: seconds as ClvChildReport['seconds'],
    bgConverged: r.bg.converged && (r.gg?.converged ?? true),
    bgIterations: r.bg.iterations,
    ggIterations: r.gg?.iterations ?? 0,
    pnbdIterations: r.pnbd?.fit.iterations ?? 0,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    params: { ...r.bg.params, ...(r.gg?.params ?? {}) },
  };
}

/**
 * npm run bench -- --clv [FILE[@YYYY-MM-DD] …]: read → summarise → fit BG/NBD and Gamma-Gamma →
 * diagnostics → per-customer CLV, on a seeded synthetic log of 200,000 customers (about a million
 * rows, written to the temporary directory, not kept in the repository) and on any files given
 * (with their end of calibration after @).
 */
async function clvBench(files: string[]): Promise<void> {
  const synthetic = resolve(tmpdir(), 'loyalty-lab-clv-200k.csv');
  const g0 = performance.now();
  const log = syntheticTransactions({ customers: 200_000, seed: 1 });
  const out = createWriteStream(synthetic);
  for (const chunk of syntheticCsvChunks(log))
    if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
  await new Promise<void>((done) => out.end(done));
  console.log(
    `synthetic log: ${log.customer.length.toLocaleString('en')} rows, 200,000 customers, seed 1, written in ${((performance.now() - g0) / 1000).toFixed(1)} s to ${synthetic}`,
  );
  const runs: [string, string | undefined][] = [
    [synthetic, '2024-09-30'],
    ...files.map((f) => {
      const [path, end] = f.split('@');
      return [path, end] as [string, string | undefined];
    }),
  ];
  const rows: ClvChildReport[] = [];
  for (const [path, end] of runs) {
    const text = execFileSync(
      process.execPath,
      [fileURLToPath(import.meta.url), '--clv-child', path, ...(end ? [end] : [])],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    rows.push(JSON.parse(text));
  }
  console.log(
    `\nCLV pipeline, single thread (Node ${process.version}); seconds per stage, peak RSS of the process`,
  );
  console.log(
    '| file | MiB | rows | customers | read | summarise | BG/NBD | Gamma-Gamma | diagnostics | CLV + 100 draws | total s | peak RSS MiB | converged | Pareto/NBD s |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|');
  const load = (await import('node:os')).loadavg()[0];
  for (const r of rows) {
    const s = r.seconds;
    console.log(
      `| ${r.file.split('/').at(-1)} | ${r.mib.toFixed(1)} | ${r.rows.toLocaleString('en')} | ${r.customers.toLocaleString('en')} | ${[s.read, s.summarise, s.bgnbd, s.gammagamma, s.diagnostics, s.clv, s.total].map((v) => v.toFixed(2)).join(' | ')} | ${r.peakRssMiB.toFixed(0)} | ${r.bgConverged ? `yes (${r.bgIterations}, ${r.ggIterations} it.)` : 'NO'} | ${s.paretonbd.toFixed(2)} (${r.pnbdIterations} it.) |`,
    );
  }
  console.log(
    `total = read to per-customer CLV (with 90 % intervals from 100 parameter draws), without the optional Pareto/NBD comparison (its own column); targets for the 1M-row log: total < 20 s, peak RSS < 500 MiB. Load average during the run: ${load.toFixed(1)} on ${availableParallelism()} cores.`,
  );
}

/** npm run bench -- --phases [N]: the share of a run's time each engine module takes (phaseProfile.ts). */
async function phasesBench(n: number): Promise<void> {
  const runs = 3;
  const rows = await phaseProfile(n, MONTHS, runs);
  console.log(
    `Where the time goes: default world, ${n.toLocaleString('en')} people × ${MONTHS} months × ${runs} replications, sampled self time by engine module (Node ${process.version})`,
  );
  console.log('| module | what it does | share | ns per agent-step |');
  console.log('|---|---|---:|---:|');
  for (const r of rows)
    console.log(
      `| ${r.module} | ${r.role} | ${(100 * r.share).toFixed(1)} % | ${r.nsPerAgentStep.toFixed(1)} |`,
    );
}

async function main() {
  if (!isMainThread) return replicationsThread();
  const args = process.argv.slice(2);
  if (args[0] === '--clv-child') {
    process.stdout.write(JSON.stringify(await clvChild(args[1], args[2])));
    return;
  }
  if (args[0] === '--clv') return clvBench(args.slice(1));
  if (args[0] === '--phases') return phasesBench(Number(args[1] ?? 100_000));
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
  console.log(
    'ratio = median over runs of (engine / reference) in the same process; target ≥ 0.5 at 100k and 1M (not met: README, "Speed and memory").',
  );
  if (args.length === 0) {
    const { seconds, threads } = await wholeRuns(100_000, 60, 100);
    console.log(
      `\nWhole runs of the bundled default: 100,000 people × 60 months × 100 replications in ${seconds.toFixed(1)} s on ${threads} threads (in the browser, read the load test's ratio to the kernel instead: README).`,
    );
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
