import { describe, expect, it } from 'vitest';
import { oneAtATime } from '../../src/ui/oneAtATime.ts';

describe('oneAtATime', () => {
  it('starts each call once the one before has ended, a failed one included', async () => {
    const events: string[] = [];
    const step = oneAtATime(async (name: string, ms: number, fail = false) => {
      events.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, ms));
      events.push(`end ${name}`);
      if (fail) throw new Error(name);
      return name;
    });
    const a = step('a', 20);
    const b = step('b', 1, true);
    const c = step('c', 1);
    expect(await a).toBe('a');
    await expect(b).rejects.toThrow('b');
    expect(await c).toBe('c');
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });
});
