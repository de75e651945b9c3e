import { serialiseScenario } from '../scenario/importer.ts';
import type { ScenarioFile } from '../scenario/schema.ts';

/** Saves a blob as a file through the browser's download (nothing leaves the machine). */
export function download(blob: Blob, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** Saves a scenario as a JSON file named after it. */
export function downloadScenario(file: ScenarioFile): void {
  download(
    new Blob([serialiseScenario(file)], { type: 'application/json' }),
    `${file.name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'scenario'}.json`,
  );
}
