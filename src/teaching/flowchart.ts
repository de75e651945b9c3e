/**
 * A Mermaid flowchart (the causal chain in docs/model.md) read as "what drives what": for each node
 * that something points to, the nodes that point to it, in the order the chart names them. GitHub
 * draws the chart; the app has no Mermaid (a megabyte of script for one figure), and showed its
 * source as code. As a list it reads the same in any language's screen reader.
 */
export interface CausalLink {
  /** The node driven. */
  effect: string;
  /** What drives it. */
  causes: string[];
}

const NODE = /([A-Za-z][\w]*)(?:\[([^\]]*)\])?/;

/** The chart's links by what they drive, with its labels as it shows them (a line break as a space). */
export function readFlowchart(source: string): CausalLink[] {
  const label = new Map<string, string>();
  const edges: [string, string][] = [];
  const node = (text: string): string | null => {
    const m = NODE.exec(text.trim());
    if (!m) return null;
    const [, id, name] = m;
    if (name !== undefined)
      label.set(
        id,
        name
          .replace(/<br\s*\/?>/g, ' ')
          .replace(/\s+/g, ' ')
          .trim(),
      );
    return id;
  };
  for (const raw of source.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('flowchart') || line.startsWith('%%')) continue;
    if (line.startsWith('subgraph') || line === 'end') continue;
    // An edge's own label (A -->|why| B) names no node.
    const chain = line
      .replace(/-->\s*\|[^|]*\|/g, '-->')
      .split('-->')
      .map(node);
    if (chain.length === 1) continue; // a node declared, its label kept
    for (let k = 1; k < chain.length; k++) {
      const from = chain[k - 1];
      const to = chain[k];
      if (from && to) edges.push([from, to]);
    }
  }
  // A subgraph pointing at a node ("Levers --> Cost") is named as the subgraph.
  const name = (id: string) => label.get(id) ?? id;
  const out: CausalLink[] = [];
  for (const [from, to] of edges) {
    let link = out.find((l) => l.effect === name(to));
    if (!link) {
      link = { effect: name(to), causes: [] };
      out.push(link);
    }
    if (!link.causes.includes(name(from))) link.causes.push(name(from));
  }
  return out;
}
