/** Add news: paste text or pick a file, and ingest it with the token. */
import { api, forgetActors } from '../api.js';
import { append, clear, field, h } from '../dom.js';
import { href } from '../nav.js';

const TYPES: Record<string, string> = {
  auto: 'text/plain; charset=utf-8',
  text: 'text/plain; charset=utf-8',
  html: 'text/html; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
};

export function addView(root: HTMLElement): void {
  const text = h('textarea', {
    name: 'text',
    rows: 12,
    placeholder: 'Paste a news article (text or HTML), or JSONL: one {"id","text","published"} per line',
    required: true,
  });
  const file = h('input', {
    type: 'file',
    name: 'file',
    accept: '.txt,.md,.html,.htm,.jsonl,.ndjson,.xml,.rss,.atom',
  });
  const format = h(
    'select',
    { name: 'format' },
    ...['auto', 'text', 'html', 'jsonl'].map((f) => h('option', { value: f }, f)),
  );
  const date = h('input', { type: 'date', name: 'date', value: new Date().toISOString().slice(0, 10) });
  const title = h('input', { name: 'title', placeholder: 'optional' });
  const token = h('input', {
    type: 'password',
    name: 'token',
    autocomplete: 'off',
    placeholder: 'PARLEY_TOKEN',
    required: true,
  });
  const submit = h('button', { type: 'submit' }, 'Ingest');
  const result = h('div', { id: 'ingest-result', class: 'result', 'aria-live': 'polite' });

  file.addEventListener('change', () => {
    const f = file.files?.[0];
    if (!f) return;
    if (f.size > 2 * 1024 * 1024) {
      result.textContent = `${f.name} is over the 2 MB limit.`;
      return;
    }
    const ext = f.name.toLowerCase().split('.').pop() ?? '';
    format.value = ['html', 'htm'].includes(ext)
      ? 'html'
      : ['jsonl', 'ndjson'].includes(ext)
        ? 'jsonl'
        : ['txt', 'md'].includes(ext)
          ? 'text'
          : 'auto';
    void f.text().then((t) => (text.value = t));
  });

  const form = h(
    'form',
    {
      class: 'add-form',
      on: {
        submit: (e) => {
          e.preventDefault();
          submit.disabled = true;
          clear(result);
          result.textContent = 'Coding…';
          const fmtValue = format.value;
          api
            .ingest(text.value, TYPES[fmtValue] ?? TYPES.auto!, token.value.trim(), {
              format: fmtValue,
              date: date.value,
              title: title.value.trim(),
            })
            .then((r) => {
              forgetActors();
              clear(result);
              const s = r.summary;
              append(
                result,
                h(
                  'p',
                  { class: 'ok' },
                  `Stored ${s.new + s.updated} new or changed, ${s.unchanged} unchanged; ${s.events} events and ${s.statements} statements added.`,
                ),
                h(
                  'ul',
                  {},
                  ...r.articles.map((a) =>
                    h(
                      'li',
                      { data: { article: a.id } },
                      h('strong', {}, a.title ?? a.id),
                      ` (${a.published}): ${a.events} events, ${a.statements} statements · `,
                      h('a', { href: href('events', { article: a.id }), class: 'events-link' }, 'events'),
                      ' · ',
                      h('a', { href: href('article', {}, [a.id]) }, 'article'),
                    ),
                  ),
                ),
                r.problems.length
                  ? h(
                      'ul',
                      { class: 'error' },
                      ...r.problems.map((p) => h('li', {}, `${p.where}: ${p.message}`)),
                    )
                  : null,
              );
            })
            .catch((err: Error) => {
              clear(result);
              append(result, h('p', { class: 'error', role: 'alert' }, err.message));
            })
            .finally(() => (submit.disabled = false));
        },
      },
    },
    field('Article', text, 'field full'),
    field('…or a file', file),
    field('Format', format),
    field('Published', date),
    field('Title', title),
    field('Token', token),
    submit,
  );
  append(
    root,
    h('h1', {}, 'Add news'),
    h(
      'p',
      { class: 'muted' },
      'Articles are coded on the server and stored. Writing needs the token the server was started with (PARLEY_TOKEN).',
    ),
    form,
    result,
  );
}
