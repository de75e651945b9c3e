/**
 * Older scenario files move forward one version at a time, each step an explicit, tested function.
 *
 * Version 1 (no `schemaVersion`, or `schemaVersion: 1`): the engine's own flat shape, as the first
 * command line read it, with every lever directly under `levers`.
 * Version 2: levers grouped by dimension — value, emotion, experience, organisation.
 * Version 3: adds `experiments` (sweeps, sensitivity, budget optimisation); a v2 file has none.
 * Version 4: adds `dimensions` (how value, bond and experience combine: synergy and betrayal).
 * Version 5: adds audiences to the levers that act on customers one by one.
 * Version 6: `name` and `description` may be `{ "en": …, "zh": … }` as well as one text.
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

/**
 * The setting a version-3 file gets. Its author never chose how the dimensions combine: the additive
 * sum was the old engine's, not the file's, and the same engine release recalibrated the levers, so
 * pinning the sum would not give the old figures back either. The file gets the model's setting as
 * it stood when version 4 appeared — complements (harmonic mean) and betrayal 0.5 — written out, so
 * a later change of the defaults never changes what a migrated file means.
 */
export const V3_DIMENSIONS = { synergy: 2, betrayal: 0.5 } as const;

/** v3 → v4: write out the dimensions' setting (a file that already has one keeps it). */
export function v3ToV4(file: Json): Json {
  const own = isObject(file.dimensions) ? file.dimensions : {};
  return { ...file, schemaVersion: 4, dimensions: { ...V3_DIMENSIONS, ...own } };
}

/**
 * v4 → v5: levers that act on customers gained an audience. A version-4 file's levers reached every
 * customer, as every lever did then, so it gets none written: the format's default audience is
 * everyone, and the file means exactly what it meant.
 */
export function v4ToV5(file: Json): Json {
  return { ...file, schemaVersion: 5 };
}

/**
 * v5 → v6: a name or description may now be a text per language. A version-5 file's are one text
 * each, and one text stays one text: it is shown as written in both languages, as before. (The
 * version moves because a version-5 app would refuse a file with `{ "en", "zh" }` names.)
 */
export function v5ToV6(file: Json): Json {
  return { ...file, schemaVersion: 6 };
}

export const MIGRATIONS: Record<number, (file: Json) => Json> = {
  1: v1ToV2,
  2: v2ToV3,
  3: v3ToV4,
  4: v4ToV5,
  5: v5ToV6,
};
export const CURRENT_VERSION = 6;

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
