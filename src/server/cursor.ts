/**
 * Opaque cursors for event pages. Events come in (date, article, position) order; a cursor names
 * the last event returned by its date, its article and how many of that article's events on that
 * date were returned, so the next page starts right after it without OFFSET.
 */
import { badParameter } from './errors.js';

export interface EventCursor {
  date: string;
  articleId: string;
  /** Events of (date, articleId) already returned. */
  seen: number;
}

export function encodeCursor(c: EventCursor): string {
  return Buffer.from(JSON.stringify([c.date, c.articleId, c.seen]), 'utf8').toString('base64url');
}

export function decodeCursor(raw: string): EventCursor {
  try {
    const v: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (
      Array.isArray(v) &&
      v.length === 3 &&
      typeof v[0] === 'string' &&
      /^\d{4}-\d{2}-\d{2}$/.test(v[0]) &&
      typeof v[1] === 'string' &&
      Number.isInteger(v[2]) &&
      (v[2] as number) > 0
    ) {
      return { date: v[0], articleId: v[1], seen: v[2] as number };
    }
  } catch {
    // fall through
  }
  throw badParameter('cursor', 'not a cursor from a previous page');
}
