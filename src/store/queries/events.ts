/** Events matching a filter, in date order, as a list or page by page (keyset, no OFFSET). */
import type { Kysely } from 'kysely';
import { eventFromRow, type EventWithArticle } from '../rows/event-row.js';
import type { Database } from '../schema.js';
import type { EventFilter, StoredEvent } from '../store.js';
import { eventConditions } from './event-filter.js';

const PAGE = 2000;

const withArticle = (db: Kysely<Database>) =>
  db
    .selectFrom('events')
    .innerJoin('articles', 'articles.id', 'events.article_id')
    .selectAll('events')
    .select(['articles.published', 'articles.url']);

export async function listEvents(
  db: Kysely<Database>,
  filter: EventFilter,
  limit?: number,
): Promise<StoredEvent[]> {
  let q = withArticle(db).where(eventConditions(filter)).orderBy('date').orderBy('article_id').orderBy('seq');
  if (limit !== undefined) q = q.limit(limit);
  return ((await q.execute()) as EventWithArticle[]).map(eventFromRow);
}

export async function* eachEvent(db: Kysely<Database>, filter: EventFilter): AsyncGenerator<StoredEvent> {
  let after: { date: string; article_id: string; seq: number } | null = null;
  for (;;) {
    const from = after;
    const rows = (await withArticle(db)
      .where(eventConditions(filter))
      .$if(from !== null, (q) =>
        q.where((eb) =>
          eb(
            eb.refTuple('date', 'article_id', 'seq'),
            '>',
            eb.tuple(from!.date, from!.article_id, from!.seq),
          ),
        ),
      )
      .orderBy('date')
      .orderBy('article_id')
      .orderBy('seq')
      .limit(PAGE)
      .execute()) as EventWithArticle[];
    for (const r of rows) yield eventFromRow(r);
    const last = rows[rows.length - 1];
    if (!last || rows.length < PAGE) return;
    after = { date: last.date, article_id: last.article_id, seq: last.seq };
  }
}
