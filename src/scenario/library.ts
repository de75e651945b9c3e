/**
 * The shipped scenario library (scenarios/**.json), bundled into the app by Vite. Ids are paths
 * without the extension, e.g. "baselines/tea-shop", "cases/chayushe".
 */
import { type ImportResult, parseScenarioText } from './importer.ts';
import { type LocalText, type TextLang, textIn } from './localText.ts';

const files = import.meta.glob('../../scenarios/**/*.json', {
  eager: true,
  query: '?raw',
  import: 'default',
}) as Record<string, string>;

export interface LibraryEntry {
  id: string;
  text: string;
}

export const LIBRARY: LibraryEntry[] = Object.entries(files)
  .filter(([path]) => !path.endsWith('/schema.json'))
  .map(([path, text]) => ({ id: path.replace(/^.*\/scenarios\//, '').replace(/\.json$/, ''), text }))
  .sort((a, b) => a.id.localeCompare(b.id));

export const DEFAULT_SCENARIO_ID = 'baselines/neighbourhood';

const prepared = new Map<string, ImportResult>();

/**
 * Validates a library scenario now and keeps the result for `loadLibraryScenario`. The page's first
 * validation is its slowest (zod's code is still cold), and opening Compare, Lessons or Cases used
 * to validate the whole library at once: done ahead, one file per idle moment, neither the first
 * render nor a tab's first view waits for it.
 */
export function prepareLibraryScenario(id: string): void {
  if (!prepared.has(id)) prepared.set(id, parseLibraryScenario(id));
}

/** A library scenario, validated; each call gets its own copy. */
export function loadLibraryScenario(id: string): ImportResult {
  const ready = prepared.get(id);
  return ready ? structuredClone(ready) : parseLibraryScenario(id);
}

function parseLibraryScenario(id: string): ImportResult {
  const entry = LIBRARY.find((e) => e.id === id);
  if (!entry)
    return {
      ok: false,
      problems: [{ path: '', en: `no scenario "${id}" in the library`, zh: `情景库中没有 "${id}"` }],
    };
  return parseScenarioText(entry.text);
}

const names = new Map<string, LocalText>();

/**
 * A library scenario's name in `lang`, for lists: read from its JSON without validating the whole
 * file (the library is validated by its tests), once per page, so a list of the library costs no stall.
 */
export function libraryName(id: string, lang: TextLang): string {
  let name = names.get(id);
  if (name === undefined) {
    const entry = LIBRARY.find((e) => e.id === id);
    let parsed: unknown;
    try {
      parsed = entry && JSON.parse(entry.text);
    } catch {
      parsed = undefined;
    }
    const n = (parsed as { name?: unknown } | undefined)?.name;
    name = typeof n === 'string' || (typeof n === 'object' && n !== null) ? (n as LocalText) : id;
    names.set(id, name);
  }
  return textIn(name, lang) || id;
}
