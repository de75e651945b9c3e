import * as z from 'zod';
import { type FieldMeta, schemaAt } from './errors.ts';
import { scenarioFileSchema } from './schema.ts';

/** Range and unit of a numeric field of the file format, read from the schema itself. */
export function fieldMeta(path: readonly (string | number)[]): FieldMeta & { integer: boolean } {
  const s = schemaAt(scenarioFileSchema, [...path]);
  const meta = (s && (z.globalRegistry as z.core.$ZodRegistry<FieldMeta>).get(s)) || {};
  const integer = !!s && (s._zod.def as { format?: string }).format === 'safeint';
  return { ...meta, integer };
}

/** Reads a value at a path of a plain object. */
export function getAt(obj: unknown, path: readonly (string | number)[]): unknown {
  let cur = obj;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}

/** A copy of `obj` with the value at `path` replaced (objects along the way are copied, the rest shared). */
export function setAt<T>(obj: T, path: readonly (string | number)[], value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path;
  const base = (obj ?? (typeof head === 'number' ? [] : {})) as Record<string | number, unknown>;
  const copy = (Array.isArray(base) ? [...base] : { ...base }) as Record<string | number, unknown>;
  copy[head] = setAt(base[head], rest, value);
  return copy as T;
}
