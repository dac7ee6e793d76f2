/** The dashboard: a hash router over six views. */
import { clear, h } from './dom.js';
import { addView } from './views/add.js';
import { articleView } from './views/article.js';
import { eventsView } from './views/events.js';
import { networkView } from './views/network.js';
import { relationsView } from './views/relations.js';
import { statementsView } from './views/statements.js';

/** A view draws into `root` and may return a function that tears it down (charts, requests). */
export type View = (root: HTMLElement, params: URLSearchParams, path: string[]) => void | (() => void);

const VIEWS: Record<string, View> = {
  relations: relationsView,
  network: networkView,
  events: eventsView,
  article: articleView,
  statements: statementsView,
  add: addView,
};

let teardown: (() => void) | null = null;

function route(): void {
  const raw = window.location.hash.replace(/^#\/?/, '');
  const [pathPart = '', queryPart = ''] = raw.split('?', 2) as [string?, string?];
  const path = pathPart
    .split('/')
    .filter(Boolean)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
  const name = path[0] && VIEWS[path[0]] ? path[0] : 'relations';
  const main = document.getElementById('main')!;
  teardown?.();
  teardown = null;
  clear(main);
  for (const a of document.querySelectorAll<HTMLAnchorElement>('#nav a')) {
    const on = a.dataset.view === name || (name === 'article' && a.dataset.view === 'events');
    a.classList.toggle('active', on);
    if (on) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const root = h('section', { class: `view view-${name}` });
  main.appendChild(root);
  document.body.dataset.view = name;
  try {
    teardown = VIEWS[name]!(root, new URLSearchParams(queryPart), path.slice(1)) ?? null;
  } catch (e) {
    root.appendChild(h('p', { class: 'error', role: 'alert' }, `This view failed: ${(e as Error).message}`));
  }
}

window.addEventListener('hashchange', route);
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', route);
else route();
