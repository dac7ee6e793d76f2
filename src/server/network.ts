/** The actor network of a period: who did what to whom, as nodes (actors) and weighted edges. */
import type { Store } from '../store/store.js';
import type { Network, NetworkEdge, NetworkNode } from './api-types.js';

const round2 = (x: number) => Math.round(x * 100) / 100;

export async function buildNetwork(
  store: Store,
  options: { from?: string; to?: string; limit: number },
): Promise<Network> {
  const range = {
    ...(options.from ? { from: options.from } : {}),
    ...(options.to ? { to: options.to } : {}),
  };
  const nodes = new Map<string, NetworkNode>();
  const edges = new Map<string, NetworkEdge & { sum: number }>();
  const node = (key: string, name: string) => {
    let n = nodes.get(key);
    if (!n) nodes.set(key, (n = { key, name, events: 0, asSource: 0, asTarget: 0 }));
    return n;
  };
  // Totals per (source, target, quad) from the rollup: the same sums as walking every event.
  for (const t of await store.dyadTotals(range)) {
    const s = node(t.source, t.source);
    s.events += t.count;
    s.asSource += t.count;
    if (!t.target || t.target === t.source) continue;
    const tn = node(t.target, t.target);
    tn.events += t.count;
    tn.asTarget += t.count;
    const id = `${t.source}\u0000${t.target}`;
    let edge = edges.get(id);
    if (!edge) {
      edge = { source: t.source, target: t.target, count: 0, sum: 0, goldsteinMean: 0, quads: [0, 0, 0, 0] };
      edges.set(id, edge);
    }
    edge.count += t.count;
    edge.sum += t.goldsteinSum;
    const q = t.quad - 1;
    if (q === 0 || q === 1 || q === 2 || q === 3) edge.quads[q] += t.count;
  }
  const names = new Map((await store.actorActivity(range)).map((a) => [a.key, a.name]));
  const ranked = [...nodes.values()].sort((a, b) => b.events - a.events || a.key.localeCompare(b.key));
  const kept = ranked.slice(0, options.limit);
  const keep = new Set(kept.map((n) => n.key));
  for (const n of kept) n.name = names.get(n.key) ?? n.key;
  return {
    from: options.from ?? null,
    to: options.to ?? null,
    nodes: kept,
    edges: [...edges.values()]
      .filter((e) => keep.has(e.source) && keep.has(e.target))
      .map(({ sum, ...e }) => ({ ...e, goldsteinMean: round2(sum / e.count) }))
      .sort((a, b) => b.count - a.count),
    omitted: ranked.length - kept.length,
  };
}
