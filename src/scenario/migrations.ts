/**
 * Older scenario files move forward one version at a time, each step an explicit, tested function.
 *
 * Version 1 (no `schemaVersion`, or `schemaVersion: 1`): the engine's own flat shape, as the first
 * command line read it, with every lever directly under `levers`.
 * Version 2: levers grouped by dimension — value, emotion, experience, organisation.
 * Version 3: adds `experiments` (sweeps, sensitivity, budget optimisation); a v2 file has none.
 */
type Json = Record<string, unknown>;

const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

export const LEVER_GROUPS: Record<string, readonly string[]> = {
  value: ['pricePct', 'discount', 'points', 'personalisation', 'knowledgeServices'],
  emotion: ['careGestures', 'community', 'proactiveContact'],
  experience: ['transparency', 'complaintHandling', 'serviceStandards'],
  organisation: ['empowerment', 'training'],
};

/** v1 → v2: group the flat levers by dimension. Keys it does not know stay where they were, to be reported. */
export function v1ToV2(file: Json): Json {
  const out: Json = { ...file, schemaVersion: 2 };
  const levers = file.levers;
  if (isObject(levers)) {
    const grouped: Json = {};
    const rest: Json = {};
    for (const [key, value] of Object.entries(levers)) {
      const group = Object.keys(LEVER_GROUPS).find((g) => LEVER_GROUPS[g].includes(key));
      if (group) {
        grouped[group] = { ...((grouped[group] as Json) ?? {}), [key]: value };
      } else rest[key] = value;
    }
    out.levers = { ...rest, ...grouped };
  }
  return out;
}

/** v2 → v3: nothing to move; a version-2 file simply defines no experiments. */
export function v2ToV3(file: Json): Json {
  return { ...file, schemaVersion: 3 };
}

export const MIGRATIONS: Record<number, (file: Json) => Json> = { 1: v1ToV2, 2: v2ToV3 };
export const CURRENT_VERSION = 3;

export type MigrationResult = { ok: true; file: Json; from: number } | { ok: false; version: unknown };

/** Brings a parsed file to the current version; says which version it came from. */
export function migrate(file: Json): MigrationResult {
  const declared = file.schemaVersion;
  let version = declared === undefined ? 1 : declared;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1 || version > CURRENT_VERSION) {
    return { ok: false, version: declared };
  }
  const from = version;
  let current = file;
  while (version < CURRENT_VERSION) {
    current = MIGRATIONS[version](current);
    version++;
  }
  return { ok: true, file: current, from };
}
