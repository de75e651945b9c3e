import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readFlowchart } from '../../src/teaching/flowchart.ts';

const chart = /```mermaid\n([\s\S]*?)```/.exec(readFileSync('docs/model.md', 'utf8'))?.[1] ?? '';

describe('the causal chain read from its Mermaid chart', () => {
  it('reads chains, labels with line breaks and subgraphs as named', () => {
    const links = readFlowchart(
      'flowchart LR\n  subgraph Levers\n    A[a,<br/>first]\n  end\n  A --> B[b] -->|then| C[c]\n  Levers --> C\n',
    );
    expect(links).toEqual([
      { effect: 'b', causes: ['a, first'] },
      { effect: 'c', causes: ['b', 'Levers'] },
    ]);
  });

  it('gives docs/model.md’s chart as what drives loyalty, churn and profit', () => {
    const links = readFlowchart(chart);
    const of = (effect: string) => links.find((l) => l.effect === effect)?.causes;
    expect(of('loyalty')).toEqual([
      'bond 情感',
      'perceived value 价值',
      'experience 体验',
      'satisfaction vs expectation',
      'trust',
    ]);
    expect(of('churn / win-back')).toEqual(['loyalty']);
    expect(of('profit')).toEqual(['lever costs', 'revenue, margin, CLV']);
    // Every label is plain text: no Mermaid syntax or markup left.
    for (const l of links) for (const s of [l.effect, ...l.causes]) expect(s).not.toMatch(/<|\[|-->/);
  });
});
