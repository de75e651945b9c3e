// Adds up the JSON reports of the unit and browser test runs and prints one plain closing line.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
for (const name of ['unit', 'e2e']) {
  const file = `tests/.reports/${name}.json`;
  if (!existsSync(file)) {
    console.error(`no ${name} test report (${file})`);
    process.exit(1);
  }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + r.numTodoTests;
}
const load = 'tests/.reports/throughput.json';
if (existsSync(load)) {
  const r = JSON.parse(readFileSync(load, 'utf8'));
  console.log(
    `Workbench load (browser): ${r.people.toLocaleString('en')} people × ${r.months} months × ${r.replications} replications in ${r.seconds.toFixed(1)} s on ${r.workers} workers; ` +
      (r.typedRatio
        ? `app ÷ reference kernel (generator state in a typed array) ${r.typedRatio.toFixed(2)} (target ≤ 2), app ÷ kernel as given ${r.ratio.toFixed(2)}; `
        : r.ratio
          ? `app ÷ reference kernel ${r.ratio.toFixed(2)} (target ≤ 2); `
          : 'no reference kernel beside the repository; ') +
      `longest main-thread task ${r.longest.toFixed(0)} ms (target 50 ms)`,
  );
}
console.log(`Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
