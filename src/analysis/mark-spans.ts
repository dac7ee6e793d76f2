/**
 * An article's text with the evidence of its events marked: sources [[like this]], actions
 * {{like this}}, targets <<like this>>, or in colour on a terminal. Spans of different events
 * overlap (one actor is the source of one event and the target of the next), so each character
 * takes one role, the action first, then source, then target.
 */
import type { Span } from '../coder/types.js';

export type Role = 'source' | 'action' | 'target';
export type MarkStyle = 'brackets' | 'ansi';

export interface Marked {
  span: Span;
  role: Role;
}

const RANK: Record<Role, number> = { target: 1, source: 2, action: 3 };
const ROLES: (Role | null)[] = [null, 'target', 'source', 'action'];

const BRACKETS: Record<Role, [string, string]> = {
  source: ['[[', ']]'],
  action: ['{{', '}}'],
  target: ['<<', '>>'],
};
const ANSI: Record<Role, [string, string]> = {
  source: ['\u001b[1;36m', '\u001b[0m'],
  action: ['\u001b[1;33m', '\u001b[0m'],
  target: ['\u001b[1;35m', '\u001b[0m'],
};

export function markSpans(text: string, marks: Marked[], style: MarkStyle = 'brackets'): string {
  const role = new Uint8Array(text.length);
  for (const m of marks) {
    const from = Math.max(0, Math.min(text.length, m.span[0]));
    const to = Math.max(from, Math.min(text.length, m.span[1]));
    for (let i = from; i < to; i++) role[i] = Math.max(role[i] ?? 0, RANK[m.role]);
  }
  const wrap = style === 'ansi' ? ANSI : BRACKETS;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const r = role[i] ?? 0;
    let j = i + 1;
    while (j < text.length && role[j] === r) j++;
    const chunk = text.slice(i, j);
    const as = ROLES[r];
    out += as ? `${wrap[as][0]}${chunk}${wrap[as][1]}` : chunk;
    i = j;
  }
  return out;
}

export const legend = (style: MarkStyle) =>
  (['source', 'action', 'target'] as Role[])
    .map(
      (r) => `${(style === 'ansi' ? ANSI : BRACKETS)[r][0]}${r}${(style === 'ansi' ? ANSI : BRACKETS)[r][1]}`,
    )
    .join(' ');
