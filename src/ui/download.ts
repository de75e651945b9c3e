import { serialiseScenario } from '../scenario/importer.ts';
import { type TextLang, textIn } from '../scenario/localText.ts';
import type { ScenarioFile } from '../scenario/schema.ts';

/** Saves a blob as a file through the browser's download (nothing leaves the machine). */
export function download(blob: Blob, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** A scenario's file name: its name in the page's language, as letters, digits and dashes. */
export function scenarioFileName(file: ScenarioFile, lang: TextLang): string {
  const name = textIn(file.name, lang);
  return `${name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'scenario'}.json`;
}

/** Saves a scenario as a JSON file named after it (both languages' names stay in the file). */
export function downloadScenario(file: ScenarioFile, lang: TextLang): void {
  download(new Blob([serialiseScenario(file)], { type: 'application/json' }), scenarioFileName(file, lang));
}
