/** Events: a filterable, sortable table, a page at a time; a row opens its article and evidence. */
import { api, type StoredEvent } from '../api.js';
import { QUADS, append, clear, field, filterForm, fmt, h } from '../dom.js';
import { go, href } from '../nav.js';

const FILTERS = ['actor', 'dyad', 'code', 'quad', 'from', 'to', 'place', 'text', 'article'] as const;

type Column = { key: string; label: string; value: (e: StoredEvent) => string | number; cls?: string };
const actorLabel = (a: StoredEvent['source'] | null) =>
  a ? `${a.code}${a.person ? ` (${a.person})` : ''}` : '—';
const COLUMNS: Column[] = [
  { key: 'date', label: 'Date', value: (e) => e.date },
  { key: 'source', label: 'Source', value: (e) => actorLabel(e.source) },
  { key: 'cameo', label: 'CAMEO', value: (e) => `${e.negated ? 'NOT ' : ''}${e.cameo}` },
  { key: 'action', label: 'Action', value: (e) => e.action.text, cls: 'wide-only' },
  { key: 'target', label: 'Target', value: (e) => actorLabel(e.target) },
  { key: 'goldstein', label: 'Goldstein', value: (e) => e.goldstein, cls: 'num' },
  { key: 'quad', label: 'Quad', value: (e) => e.quad, cls: 'num wide-only' },
  { key: 'evidence', label: 'Evidence', value: (e) => e.sentenceText, cls: 'evidence' },
];

export function eventsView(root: HTMLElement, params: URLSearchParams): () => void {
  const inputs = {
    actor: h('input', { name: 'actor', placeholder: 'RUS, Lavrov…', value: params.get('actor') ?? '' }),
    dyad: h('input', { name: 'dyad', placeholder: 'USA,RUS', value: params.get('dyad') ?? '' }),
    code: h('input', { name: 'code', placeholder: '04,112', value: params.get('code') ?? '' }),
    quad: h(
      'select',
      { name: 'quad' },
      h('option', { value: '' }, 'any'),
      ...QUADS.map((q, i) =>
        h(
          'option',
          { value: String(i + 1), selected: params.get('quad') === String(i + 1) },
          `${i + 1} ${q}`,
        ),
      ),
    ),
    from: h('input', { type: 'date', name: 'from', value: params.get('from') ?? '' }),
    to: h('input', { type: 'date', name: 'to', value: params.get('to') ?? '' }),
    place: h('input', { name: 'place', placeholder: 'Istanbul, TUR', value: params.get('place') ?? '' }),
    text: h('input', {
      type: 'search',
      name: 'text',
      placeholder: 'words in the sentence',
      value: params.get('text') ?? '',
    }),
    article: h('input', { name: 'article', placeholder: 'article id', value: params.get('article') ?? '' }),
  };
  const directed = params.get('directed') ?? undefined;
  const form = filterForm(
    () => {
      const p: Record<string, string> = {};
      for (const k of FILTERS) p[k] = inputs[k].value.trim();
      if (directed && p.dyad) p.directed = directed;
      go('events', p);
    },
    field('Actor', inputs.actor),
    field('Dyad', inputs.dyad),
    field('CAMEO', inputs.code),
    field('Quad', inputs.quad),
    field('From', inputs.from),
    field('To', inputs.to),
    field('Place', inputs.place),
    field('Text', inputs.text),
    field('Article', inputs.article),
    h('button', { type: 'submit' }, 'Filter'),
  );
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' }, 'Loading…');
  const tbody = h('tbody');
  let sortKey = params.get('sort') ?? 'date';
  let sortDir = params.get('dir') === 'desc' ? -1 : 1;
  const heads = COLUMNS.map((c) =>
    h(
      'th',
      { class: c.cls ?? '', data: { key: c.key } },
      h('button', { type: 'button', class: 'sort', on: { click: () => sortBy(c.key) } }, c.label),
    ),
  );
  const table = h(
    'table',
    { id: 'events-table', class: 'events' },
    h('thead', {}, h('tr', {}, ...heads)),
    tbody,
  );
  const more = h('button', { type: 'button', class: 'more', disabled: true }, 'Load more');
  append(root, h('h1', {}, 'Events'), form, status, h('div', { class: 'table-wrap' }, table), more);

  const rows: StoredEvent[] = [];
  let cursor: string | null = null;
  const ctrl = new AbortController();
  const query: Record<string, string> = {};
  for (const k of FILTERS) {
    const v = params.get(k);
    if (v) query[k] = v;
  }
  if (directed && query.dyad) query.directed = directed;

  function render() {
    const col = COLUMNS.find((c) => c.key === sortKey) ?? COLUMNS[0]!;
    const sorted = [...rows].sort((x, y) => {
      const a = col.value(x);
      const b = col.value(y);
      return (
        (typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b))) *
        sortDir
      );
    });
    for (const th of heads) {
      th.setAttribute(
        'aria-sort',
        th.dataset.key === sortKey ? (sortDir > 0 ? 'ascending' : 'descending') : 'none',
      );
    }
    clear(tbody);
    for (const e of sorted) {
      const open = () => go('article', { event: e.id }, [e.articleId]);
      const tr = h(
        'tr',
        {
          tabindex: 0,
          class: `quad-${e.quad}${e.negated ? ' negated' : ''}`,
          data: { event: e.id, article: e.articleId },
          on: {
            click: open,
            keydown: (k) => {
              if (k.key === 'Enter') open();
            },
          },
        },
        ...COLUMNS.map((c) => {
          const v = c.value(e);
          return h('td', { class: c.cls ?? '' }, typeof v === 'number' && c.key === 'goldstein' ? fmt(v) : v);
        }),
      );
      tbody.appendChild(tr);
    }
  }

  function sortBy(key: string) {
    sortDir = key === sortKey ? -sortDir : 1;
    sortKey = key;
    render();
  }

  async function load() {
    more.disabled = true;
    try {
      const page = await api.events({ ...query, limit: 200, cursor }, ctrl.signal);
      rows.push(...page.events);
      cursor = page.nextCursor;
      status.textContent = rows.length
        ? `${rows.length} events${cursor ? ' shown; more match' : ''}. Click a row to see its evidence.`
        : 'No events match.';
      table.dataset.rows = String(rows.length);
      more.disabled = !cursor;
      more.hidden = !cursor;
      render();
    } catch (e) {
      if ((e as Error).name === 'AbortError') return;
      status.textContent = (e as Error).message;
      status.classList.add('error');
    }
  }
  more.addEventListener('click', () => void load());
  void load();
  append(
    root,
    h(
      'p',
      { class: 'muted' },
      'Sorting applies to the events loaded. ',
      h('a', { href: href('events') }, 'Clear filters'),
    ),
  );
  return () => ctrl.abort();
}
