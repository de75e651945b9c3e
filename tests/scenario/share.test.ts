import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/index.ts';
import { parseScenarioObject, parseScenarioText, serialiseScenario } from '../../src/scenario/importer.ts';
import { decodeShareLink, encodeShareLink, MAX_LINK_LENGTH } from '../../src/scenario/share.ts';

const plan = () => {
  const r = parseScenarioObject({
    schemaVersion: 2,
    name: 'Shared plan 分享方案',
    horizonMonths: 12,
    population: { marketSize: 3000 },
    levers: { emotion: { careGestures: { perYear: 4, schedule: [{ from: 2, to: 6 }] } } },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r;
};

describe('sharing', () => {
  it('gives identical results after a trip through a file', () => {
    const a = plan();
    const b = parseScenarioText(serialiseScenario(a.file));
    expect(b.ok).toBe(true);
    if (b.ok) {
      expect(b.scenario).toEqual(a.scenario);
      expect(simulate(b.scenario, { seed: 3, replication: 1 }).metrics).toEqual(
        simulate(a.scenario, { seed: 3, replication: 1 }).metrics,
      );
    }
  });

  it('gives identical results after a trip through a share link', async () => {
    const a = plan();
    const link = await encodeShareLink(a.file, 'http://localhost:4173/?x=1#old');
    expect(link.ok).toBe(true);
    if (!link.ok) return;
    expect(link.url).toMatch(/^http:\/\/localhost:4173\/\?x=1#scenario=[A-Za-z0-9_-]+$/);
    expect(link.url.length).toBeLessThan(4000);
    const b = await decodeShareLink(link.url);
    expect(b.ok).toBe(true);
    if (b.ok)
      expect(simulate(b.scenario, { seed: 3, replication: 1 }).metrics).toEqual(
        simulate(a.scenario, { seed: 3, replication: 1 }).metrics,
      );
  });

  it('says a cut link is damaged, in both languages', async () => {
    const link = await encodeShareLink(plan().file, 'http://localhost/');
    if (!link.ok) throw new Error();
    const r = await decodeShareLink(link.url.slice(0, -40));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems[0].en).toMatch(/the share link is damaged/);
      expect(r.problems[0].zh).toMatch(/分享链接已损坏/);
    }
    const none = await decodeShareLink('http://localhost/#other=1');
    expect(!none.ok && none.problems[0].en).toMatch(/no "scenario=" part/);
  });

  it('refuses to make a link too long to share, and says to send the file', async () => {
    const big = plan().file;
    big.notes = Array.from({ length: 4000 }, (_, k) => `note ${k * 7919} ${(k * 104729) % 9973}`).join(' ');
    const r = await encodeShareLink(big, 'http://localhost/');
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems[0].en).toMatch(
        new RegExp(
          `too long to share safely \\(${MAX_LINK_LENGTH.toLocaleString('en')} at most\\): send the file instead`,
        ),
      );
  });
});
