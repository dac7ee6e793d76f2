/**
 * The parts of an EventFilter that callers pass as plain values (CLI flags, API query parameters);
 * actors and dyads need resolving against the store first and are left to the caller.
 */
import type { EventFilter } from './store.js';

export interface PlainEventFields {
  code?: string[];
  root?: string[];
  quad?: number[];
  from?: string;
  to?: string;
  place?: string;
  text?: string;
  article?: string;
}

/** Sets on `f` the fields given, leaving out empty lists and strings. */
export function withPlainFields(f: EventFilter, q: PlainEventFields): EventFilter {
  if (q.code?.length) f.codes = q.code;
  if (q.root?.length) f.roots = q.root;
  if (q.quad?.length) f.quads = q.quad;
  if (q.from) f.from = q.from;
  if (q.to) f.to = q.to;
  if (q.place) f.place = q.place;
  if (q.text) f.text = q.text;
  if (q.article) f.articleId = q.article;
  return f;
}
