/**
 * The only way the dashboard makes DOM: elements with properties and text children. Strings
 * always become text nodes (never markup), links only keep http(s) and in-page addresses, and
 * no attribute can hold an event handler.
 */
export type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  id?: string;
  href?: string;
  title?: string;
  type?: string;
  name?: string;
  value?: string;
  placeholder?: string;
  for?: string;
  role?: string;
  list?: string;
  min?: string;
  max?: string;
  rows?: number;
  required?: boolean;
  disabled?: boolean;
  checked?: boolean;
  selected?: boolean;
  multiple?: boolean;
  autocomplete?: string;
  tabindex?: number;
  target?: string;
  accept?: string;
  'aria-label'?: string;
  'aria-live'?: string;
  'aria-sort'?: string;
  data?: Record<string, string>;
  on?: { [K in keyof HTMLElementEventMap]?: (e: HTMLElementEventMap[K]) => void };
}

/** An address safe to put in href: relative, in-page, or http(s). Anything else (javascript:, data:) is null. */
export function safeHref(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim();
  if (s.startsWith('#')) return s;
  try {
    const u = new URL(s, window.location.href);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

const ATTRS = [
  'id',
  'title',
  'type',
  'name',
  'placeholder',
  'role',
  'list',
  'min',
  'max',
  'autocomplete',
  'target',
  'accept',
  'aria-label',
  'aria-live',
  'aria-sort',
] as const;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  for (const a of ATTRS) {
    const v = props[a];
    if (v !== undefined) el.setAttribute(a, v);
  }
  if (props.for !== undefined) el.setAttribute('for', props.for);
  if (props.rows !== undefined) el.setAttribute('rows', String(props.rows));
  if (props.tabindex !== undefined) el.tabIndex = props.tabindex;
  if (props.href !== undefined) {
    const href = safeHref(props.href);
    if (href) el.setAttribute('href', href);
    if (tag === 'a' && href && !href.startsWith('#')) el.setAttribute('rel', 'noopener noreferrer nofollow');
  }
  if (props.value !== undefined) (el as HTMLInputElement).value = props.value;
  if (props.required) (el as HTMLInputElement).required = true;
  if (props.disabled) (el as HTMLInputElement).disabled = true;
  if (props.checked) (el as HTMLInputElement).checked = true;
  if (props.selected) (el as HTMLOptionElement).selected = true;
  if (props.multiple) (el as HTMLSelectElement).multiple = true;
  if (props.data) for (const [k, v] of Object.entries(props.data)) el.dataset[k] = v;
  if (props.on) {
    for (const [ev, fn] of Object.entries(props.on)) el.addEventListener(ev, fn as EventListener);
  }
  append(el, ...children);
  return el;
}

export function append(el: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

export function clear(el: Node): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

export function field(label: string, control: HTMLElement, cls = 'field'): HTMLElement {
  return h('label', { class: cls }, h('span', {}, label), control);
}

export const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '');

export const QUADS = ['verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'];
export const QUAD_COLORS = ['#4e9a6a', '#1f6e43', '#e0a040', '#c0392b'];

/** A view's filter form: its fields, then the button; submitting runs `onSubmit` instead of posting. */
export function filterForm(onSubmit: () => void, ...children: Child[]): HTMLFormElement {
  return h(
    'form',
    {
      class: 'filters',
      on: {
        submit: (e) => {
          e.preventDefault();
          onSubmit();
        },
      },
    },
    ...children,
  );
}
