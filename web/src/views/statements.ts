/** Statements: who said what about whom, searchable. */
import { api } from '../api.js';
import { append, clear, field, filterForm, fmt, h } from '../dom.js';
import { go, href } from '../nav.js';

export function statementsView(root: HTMLElement, params: URLSearchParams): () => void {
  const text = h('input', {
    type: 'search',
    name: 'text',
    placeholder: 'words said',
    value: params.get('text') ?? '',
  });
  const speaker = h('input', {
    name: 'speaker',
    placeholder: 'RUS, Lavrov…',
    value: params.get('speaker') ?? '',
  });
  const about = h('input', { name: 'about', placeholder: 'USA', value: params.get('about') ?? '' });
  const form = filterForm(
    () => {
      go('statements', {
        text: text.value.trim(),
        speaker: speaker.value.trim(),
        about: about.value.trim(),
      });
    },
    field('Search', text),
    field('Speaker', speaker),
    field('About', about),
    h('button', { type: 'submit' }, 'Search'),
  );
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' }, 'Loading…');
  const tbody = h('tbody');
  const table = h(
    'table',
    { id: 'statements-table' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', {}, 'Speaker'),
        h('th', {}, 'Said'),
        h('th', { class: 'wide-only' }, 'About'),
        h('th', { class: 'num wide-only' }, 'Tone'),
        h('th', {}, 'Article'),
      ),
    ),
    tbody,
  );
  append(root, h('h1', {}, 'Statements'), form, status, h('div', { class: 'table-wrap' }, table));
  const ctrl = new AbortController();
  api
    .statements(
      { text: text.value.trim(), speaker: speaker.value.trim(), about: about.value.trim(), limit: 300 },
      ctrl.signal,
    )
    .then(({ statements }) => {
      status.textContent = statements.length ? `${statements.length} statements.` : 'No statements match.';
      table.dataset.rows = String(statements.length);
      clear(tbody);
      for (const s of statements) {
        append(
          tbody,
          h(
            'tr',
            {},
            h(
              'td',
              {},
              s.speaker
                ? `${s.speaker.person ?? s.speaker.name} (${s.speaker.key})`
                : (s.speakerPhrase?.text ?? '—'),
            ),
            h(
              'td',
              { class: 'evidence' },
              h('span', { class: 'cue' }, `${s.cue.text} (${s.kind}): `),
              `“${s.content.text}”`,
            ),
            h('td', { class: 'wide-only' }, s.about.map((x) => x.key).join(', ') || '—'),
            h('td', { class: 'num wide-only' }, fmt(s.tone)),
            h('td', {}, h('a', { href: href('article', {}, [s.articleId]) }, s.articleId)),
          ),
        );
      }
    })
    .catch((e: Error) => {
      if (e.name === 'AbortError') return;
      status.textContent = e.message;
      status.classList.add('error');
    });
  return () => ctrl.abort();
}
