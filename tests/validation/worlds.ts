import type { Scenario } from '../../src/engine/index.ts';
import { loadLibraryScenario } from '../../src/scenario/library.ts';
import type { WorldLoader } from '../../src/validation/index.ts';

/** The shipped library, as the app reads it. */
export const libraryWorlds: WorldLoader = (id) => {
  const r = loadLibraryScenario(id);
  if (!r.ok) throw new Error(`${id}: ${r.problems.map((p) => p.en).join('; ')}`);
  return r.scenario;
};

/** The library with some ids answered by other worlds: worlds built to have a known answer. */
export function worldsWith(replace: Record<string, () => Scenario>): WorldLoader {
  return (id) => (replace[id] ? replace[id]() : libraryWorlds(id));
}
