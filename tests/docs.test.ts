import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parameterTable } from '../src/cli/paramTable.ts';

describe('docs/model.md', () => {
  const doc = readFileSync('docs/model.md', 'utf8');
  it('lists every scenario parameter with its current unit, range and default', () => {
    expect(doc).toContain(parameterTable());
  });
  it('documents every engine module', () => {
    for (const module of [
      'population.ts',
      'network.ts',
      'staff.ts',
      'encounters.ts',
      'complaints.ts',
      'perception.ts',
      'community.ts',
      'wordOfMouth.ts',
      'acquisition.ts',
      'churn.ts',
      'levers.ts',
      'metrics.ts',
      'rng.ts',
      'state.ts',
      'simulate.ts',
    ]) {
      expect(doc).toContain(module);
    }
  });
});
