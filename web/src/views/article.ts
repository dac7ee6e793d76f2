/**
 * One article with the evidence of an event highlighted: source, action and target spans in the
 * text, and why it was coded (rule, confidence). The article is shown as text only: every piece
 * of it becomes a text node, so markup in it is shown, never run.
 */
import { api, type ArticleView, type StoredEvent } from '../api.js';
import { QUADS, append, clear, fmt, h } from '../dom.js';
import { go, href } from '../nav.js';

type Role = 'sentence' | 'target' | 'source' | 'action';
const RANK: Record<Role, number> = { sentence: 1, target: 2, source: 3, action: 4 };
const ROLE_OF: (Role | null)[] = [null, 'sentence', 'target', 'source', 'action'];

/** The text cut into runs, each with the highest-ranked role covering it. */
export function runs(
  text: string,
  marks: { span: [number, number]; role: Role }[],
): { text: string; role: Role | null }[] {
  const rank = new Uint8Array(text.length);
  for (const m of marks) {
    const a = Math.max(0, Math.min(text.length, m.span[0]));
    const b = Math.max(a, Math.min(text.length, m.span[1]));
    for (let i = a; i < b; i++) rank[i] = Math.max(rank[i] ?? 0, RANK[m.role]);
  }
  const out: { text: string; role: Role | null }[] = [];
  let i = 0;
  while (i < text.length) {
    const r = rank[i] ?? 0;
    let j = i + 1;
    while (j < text.length && rank[j] === r) j++;
    out.push({ text: text.slice(i, j), role: ROLE_OF[r] ?? null });
    i = j;
  }
  return out;
}

function marksOf(e: StoredEvent): { span: [number, number]; role: Role }[] {
  const m: { span: [number, number]; role: Role }[] = [
    { span: e.sentenceSpan, role: 'sentence' },
    { span: e.source.span, role: 'source' },
    { span: e.action.span, role: 'action' },
  ];
  if (e.target) m.push({ span: e.target.span, role: 'target' });
  return m;
}

export function articleView(root: HTMLElement, params: URLSearchParams, path: string[]): void {
  const id = path.join('/');
  const status = h('p', { class: 'status', role: 'status' }, 'Loading…');
  append(root, h('p', {}, h('a', { href: '#/events' }, '← Events')), status);
  if (!id) {
    status.textContent = 'No article given.';
    return;
  }
  api
    .article(id)
    .then((v) => show(root, status, v, params.get('event')))
    .catch((e: Error) => {
      status.textContent = e.message;
      status.classList.add('error');
    });
}

function show(root: HTMLElement, status: HTMLElement, v: ArticleView, eventId: string | null): void {
  const a = v.article;
  status.remove();
  const textEl = h('div', { id: 'article-text', class: 'article-text' });
  const why = h('div', { id: 'event-why', class: 'why', 'aria-live': 'polite' });
  const list = h('ol', { class: 'event-list' });
  const link = a.url ? h('a', { href: a.url, target: '_blank' }, a.url) : null;
  append(
    root,
    h('h1', { id: 'article-title' }, a.title ?? a.id),
    h(
      'p',
      { class: 'meta' },
      `${a.published} · id ${a.id} · ${a.eventCount} events · ${a.statementCount} statements · tone ${fmt(a.tone)}`,
      link && link.hasAttribute('href') ? h('span', {}, ' · ', link) : null,
    ),
    h(
      'p',
      { class: 'legend' },
      h('mark', { class: 'hl-source' }, 'source'),
      ' ',
      h('mark', { class: 'hl-action' }, 'action'),
      ' ',
      h('mark', { class: 'hl-target' }, 'target'),
    ),
    h(
      'div',
      { class: 'article-layout' },
      textEl,
      h('aside', { class: 'details' }, why, h('h2', {}, 'Events in this article'), list),
    ),
  );

  const select = (e: StoredEvent | null, scroll: boolean) => {
    clear(textEl);
    for (const r of runs(a.text, e ? marksOf(e) : [])) {
      textEl.appendChild(
        r.role ? h('mark', { class: `hl-${r.role}` }, r.text) : document.createTextNode(r.text),
      );
    }
    for (const li of list.querySelectorAll('li')) li.classList.toggle('selected', li.dataset.event === e?.id);
    clear(why);
    if (!e) {
      append(
        why,
        h(
          'p',
          { class: 'muted' },
          v.events.length ? 'Pick an event to see its evidence.' : 'No events were coded in this article.',
        ),
      );
      return;
    }
    const dl = h('dl', { class: 'facts' });
    const row = (k: string, val: string) => append(dl, h('dt', {}, k), h('dd', {}, val));
    row(
      'Event',
      `${e.source.code} ${e.negated ? 'did NOT ' : ''}${e.action.text} (${e.cameo}) ${e.target?.code ?? '—'}`,
    );
    row('Source', `${e.source.text} → ${e.source.name} [${e.source.code}]`);
    row('Action', `${e.action.text} (lemma ${e.action.lemma})`);
    row('Target', e.target ? `${e.target.text} → ${e.target.name} [${e.target.code}]` : '—');
    row(
      'CAMEO',
      `${e.cameo} (root ${e.root})${e.plover ? ` · PLOVER ${e.plover.type}${e.plover.mode ? `/${e.plover.mode}` : ''}` : ''}`,
    );
    row('Quad · Goldstein', `${e.quad} ${QUADS[e.quad - 1] ?? ''} · ${fmt(e.goldstein)}`);
    row('Date', `${e.date} (${e.datePrecision}${e.dateFromPublished ? ', from publication' : ''})`);
    row('Place', e.place ? `${e.place.name}${e.place.country ? `, ${e.place.country}` : ''}` : '—');
    row('Modality', `${e.modality}${e.negated ? ', negated' : ''}`);
    row('Rule', e.rule);
    row('Confidence', fmt(e.confidence, 2));
    append(why, h('h2', {}, 'Why it was coded'), dl);
    if (scroll) textEl.querySelector('mark.hl-action')?.scrollIntoView({ block: 'center' });
  };

  for (const e of v.events) {
    list.appendChild(
      h(
        'li',
        { data: { event: e.id } },
        h(
          'a',
          {
            href: href('article', { event: e.id }, [a.id]),
            on: {
              click: (ev) => {
                ev.preventDefault();
                history.replaceState(null, '', href('article', { event: e.id }, [a.id]));
                select(e, true);
              },
            },
          },
          `${e.date} ${e.source.code} ${e.cameo} ${e.target?.code ?? '—'}: ${e.action.text}`,
        ),
      ),
    );
  }
  const chosen = v.events.find((e) => e.id === eventId) ?? null;
  select(chosen, !!chosen);
  if (v.statements.length) {
    append(
      root,
      h('h2', {}, 'Statements'),
      h(
        'ul',
        { class: 'statements' },
        ...v.statements.map((s) =>
          h(
            'li',
            {},
            h(
              'strong',
              {},
              s.speaker ? `${s.speaker.person ?? s.speaker.name} (${s.speaker.key})` : 'unattributed',
            ),
            ` ${s.cue.text}: “${s.content.text}”`,
          ),
        ),
      ),
    );
  }
  append(
    root,
    h(
      'p',
      {},
      h(
        'button',
        { type: 'button', on: { click: () => go('events', { article: a.id }) } },
        'This article’s events in the table',
      ),
    ),
  );
}
