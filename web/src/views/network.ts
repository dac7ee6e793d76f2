/** Network: the actors of a period as nodes sized by activity, edges by event count and tone. */
import cytoscape from 'cytoscape';
import { api, type Network } from '../api.js';
import { append, clear, field, filterForm, fmt, h } from '../dom.js';
import { go, href } from '../nav.js';

/** Red for conflict, grey for neutral, green for cooperation (Goldstein −10…10). */
export function toneColor(g: number): string {
  const x = Math.max(-1, Math.min(1, g / 6));
  if (x < 0)
    return `rgb(${Math.round(150 + 60 * -x)}, ${Math.round(150 - 100 * -x)}, ${Math.round(150 - 100 * -x)})`;
  return `rgb(${Math.round(150 - 100 * x)}, ${Math.round(150 + 20 * x)}, ${Math.round(150 - 60 * x)})`;
}

export function networkView(root: HTMLElement, params: URLSearchParams): () => void {
  const from = h('input', { type: 'date', name: 'from', value: params.get('from') ?? '' });
  const to = h('input', { type: 'date', name: 'to', value: params.get('to') ?? '' });
  const limit = h('input', {
    type: 'number',
    name: 'limit',
    min: '2',
    max: '500',
    value: params.get('limit') ?? '40',
  });
  const form = filterForm(
    () => {
      go('network', { from: from.value, to: to.value, limit: limit.value });
    },
    field('From', from),
    field('To', to),
    field('Actors', limit),
    h('button', { type: 'submit' }, 'Show'),
  );
  const status = h('p', { class: 'status', role: 'status' }, 'Loading…');
  const graphEl = h('div', {
    id: 'network-graph',
    class: 'graph',
    role: 'img',
    'aria-label': 'actor network',
  });
  const details = h(
    'aside',
    { class: 'details', 'aria-live': 'polite' },
    h('p', { class: 'muted' }, 'Tap an actor or a link for details.'),
  );
  append(root, h('h1', {}, 'Network'), form, status, h('div', { class: 'split' }, graphEl, details));

  let cy: cytoscape.Core | null = null;
  const ctrl = new AbortController();
  api
    .network({ from: from.value, to: to.value, limit: limit.value }, ctrl.signal)
    .then((n) => {
      graphEl.dataset.nodes = String(n.nodes.length);
      graphEl.dataset.edges = String(n.edges.length);
      status.textContent = n.nodes.length
        ? `${n.nodes.length} actors, ${n.edges.length} links${n.omitted ? ` (${n.omitted} less active actors left out)` : ''}. Node size: events; link width: events; colour: mean Goldstein (red conflict, green cooperation).`
        : 'No events in this period.';
      if (!n.nodes.length) return;
      cy = draw(graphEl, n, details);
    })
    .catch((e: Error) => {
      if (e.name === 'AbortError') return;
      status.textContent = e.message;
      status.classList.add('error');
    });
  return () => {
    ctrl.abort();
    cy?.destroy();
  };
}

function draw(container: HTMLElement, n: Network, details: HTMLElement): cytoscape.Core {
  const maxNode = Math.max(1, ...n.nodes.map((x) => x.events));
  const maxEdge = Math.max(1, ...n.edges.map((x) => x.count));
  const cy = cytoscape({
    container,
    wheelSensitivity: 0.3,
    elements: [
      ...n.nodes.map((x) => ({
        data: { id: x.key, label: x.key, size: 18 + 42 * Math.sqrt(x.events / maxNode) },
      })),
      ...n.edges.map((e) => ({
        data: {
          id: `${e.source}->${e.target}`,
          source: e.source,
          target: e.target,
          width: 1 + 7 * (e.count / maxEdge),
          color: toneColor(e.goldsteinMean),
        },
      })),
    ],
    style: [
      {
        selector: 'node',
        style: {
          label: 'data(label)',
          width: 'data(size)',
          height: 'data(size)',
          'background-color': '#5468a8',
          color: '#1b1f2a',
          'font-size': 11,
          'text-valign': 'center',
          'text-halign': 'center',
          'text-outline-color': '#fff',
          'text-outline-width': 2,
        },
      },
      {
        selector: 'edge',
        style: {
          width: 'data(width)',
          'line-color': 'data(color)',
          'target-arrow-color': 'data(color)',
          'target-arrow-shape': 'triangle',
          'curve-style': 'bezier',
          opacity: 0.8,
        },
      },
      {
        selector: ':selected',
        style: { 'border-width': 3, 'border-color': '#f1c40f', 'line-color': '#f1c40f' },
      },
    ],
    layout: {
      name: 'cose',
      animate: false,
      randomize: false,
      nodeRepulsion: () => 9000,
      idealEdgeLength: () => 90,
    },
  });
  const nodes = new Map(n.nodes.map((x) => [x.key, x]));
  cy.on('tap', 'node', (ev) => {
    const x = nodes.get(ev.target.id() as string);
    if (!x) return;
    const out = n.edges.filter((e) => e.source === x.key || e.target === x.key).slice(0, 12);
    clear(details);
    append(
      details,
      h('h2', {}, `${x.name} (${x.key})`),
      h('p', {}, `${x.events} events: ${x.asSource} as source, ${x.asTarget} as target.`),
      h(
        'ul',
        {},
        ...out.map((e) =>
          h(
            'li',
            {},
            h(
              'a',
              { href: href('events', { dyad: `${e.source},${e.target}`, directed: 'true' }) },
              `${e.source} → ${e.target}`,
            ),
            `: ${e.count} events, mean Goldstein ${fmt(e.goldsteinMean, 2)}`,
          ),
        ),
      ),
      h('a', { href: href('events', { actor: x.key }) }, `All events of ${x.key}`),
    );
  });
  cy.on('tap', 'edge', (ev) => {
    const e = n.edges.find((x) => `${x.source}->${x.target}` === ev.target.id());
    if (!e) return;
    clear(details);
    append(
      details,
      h('h2', {}, `${e.source} → ${e.target}`),
      h('p', {}, `${e.count} events, mean Goldstein ${fmt(e.goldsteinMean, 2)}.`),
      h(
        'p',
        {},
        `By quad class: ${e.quads.join(' / ')} (verbal coop. / material coop. / verbal conflict / material conflict).`,
      ),
      h(
        'a',
        { href: href('events', { dyad: `${e.source},${e.target}`, directed: 'true' }) },
        'List these events',
      ),
    );
  });
  return cy;
}
