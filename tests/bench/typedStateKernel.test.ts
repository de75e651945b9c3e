import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findReferenceKernel, typedStateKernel } from '../e2e/referenceKernel.ts';

const path = findReferenceKernel();

type Kernel = {
  runReference: (n: number, t: number, seed: number) => { out: Record<string, ArrayLike<number>> };
};

async function load(source: string, name: string): Promise<Kernel> {
  const file = join(mkdtempSync(join(tmpdir(), 'kernel-')), name);
  writeFileSync(file, source);
  return import(pathToFileURL(file).href);
}

/**
 * The browser load test's second yardstick holds the kernel's generator state in an Int32Array
 * (Chromium's pointer compression boxes it otherwise): it must be the same kernel, draw for draw.
 */
describe.skipIf(!path)('the reference kernel with its generator state in a typed array', () => {
  it('computes exactly what the kernel as given computes', async () => {
    const given = readFileSync(path as string, 'utf8');
    const typed = typedStateKernel(given);
    expect(typed).not.toBeNull();
    expect(typed).not.toBe(given);
    const a = await load(given, 'given.mjs');
    const b = await load(typed as string, 'typed.mjs');
    for (const seed of [1, 7]) {
      const x = a.runReference(3_000, 24, seed).out;
      const y = b.runReference(3_000, 24, seed).out;
      for (const k of ['active', 'meanSat', 'spend']) expect(Array.from(y[k])).toEqual(Array.from(x[k]));
      expect(x.active[23]).toBeGreaterThan(0);
    }
  });
});
