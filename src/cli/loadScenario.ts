import { defaultScenario, type Scenario } from '../engine/index.ts';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Overlays a partial scenario on the defaults: objects merge key by key, everything else replaces. */
export function overlay<T>(base: T, patch: Json): T {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch as T;
  if (base === null || typeof base !== 'object' || Array.isArray(base)) return patch as T;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(patch)) {
    if (k === '__proto__' || k === 'constructor' || k === 'prototype') continue;
    out[k] = k in out ? overlay(out[k], v) : v;
  }
  return out as T;
}

/** Reads a scenario JSON file (full, or partial over the default scenario). */
export function loadScenario(path: string, read: (p: string, enc: 'utf8') => string): Scenario {
  let text: string;
  try {
    text = read(path, 'utf8');
  } catch (e) {
    throw new Error(`cannot read ${path}: ${(e as Error).message}`);
  }
  let json: Json;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`${path} is not valid JSON: ${(e as Error).message}`);
  }
  return overlay(defaultScenario(), json);
}
