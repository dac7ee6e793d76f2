/**
 * Events matching a filter, in (date, article, position) order, as a list or page by page
 * (keyset, no OFFSET). A page is found in two steps: first the keys of its events, from indexes
 * that hold an actor's or a pair's events already in that order (an actor's events as source and
 * as target are two such walks, merged by UNION ALL), so the walk stops at the page's last row;
 * then the full rows of just those events.
 */
import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import { eventFromRow, type EventWithArticle } from '../rows/event-row.js';
import type { Database } from '../schema.js';
import type { EventFilter, StoredEvent } from '../store.js';
import { eventConditions } from './event-filter.js';

const PAGE = 2000;

type EB = ExpressionBuilder<Database, 'events'>;
type Branch = (eb: EB) => Expression<SqlBool>;

/** The last event of a page: the next one comes after it. */
interface EventKey {
  date: string;
  article_id: string;
  seq: number;
}

/**
 * The filter as disjoint walks, each an equality on the source and/or target key, or on the place.
 * An event both from and to the actor (or, in an undirected dyad of overlapping key sets, in both
 * directions; or named by its place and its country) is kept by the first walk only.
 */
function branches(f: EventFilter): { walks: (Branch | null)[]; rest: EventFilter } {
  const { actor, dyad, directed, ...rest } = f;
  if (dyad && dyad[0].length && dyad[1].length) {
    const [a, b] = dyad;
    const ab: Branch = (eb) => eb.and([eb('source_key', 'in', a), eb('target_key', 'in', b)]);
    const ba: Branch = (eb) => eb.and([eb('source_key', 'in', b), eb('target_key', 'in', a), eb.not(ab(eb))]);
    // The dyad is the narrower walk; an actor filter on top is an ordinary condition.
    return { walks: directed ? [ab] : [ab, ba], rest: actor ? { ...rest, actor } : rest };
  }
  if (!dyad && actor && 'keys' in actor && actor.keys.length) {
    const { keys } = actor;
    return {
      walks: [
        (eb) => eb('source_key', 'in', keys),
        (eb) => eb.and([eb('target_key', 'in', keys), eb('source_key', 'not in', keys)]),
      ],
      rest,
    };
  }
  const { place, ...others } = rest;
  if (!dyad && !actor && place) {
    // A country key, or a place name in any case: two date-ordered walks, as for an actor.
    const country = place.toUpperCase();
    const name = place.toLowerCase();
    return {
      walks: [
        (eb) => eb('place_country', '=', country),
        (eb) =>
          eb.and([
            eb(eb.fn('lower', ['place_name']), '=', name),
            eb.or([eb('place_country', 'is', null), eb('place_country', '<>', country)]),
          ]),
      ],
      rest: others,
    };
  }
  return { walks: [null], rest: f };
}

function pageQuery(db: Kysely<Database>, filter: EventFilter, after: EventKey | null, limit?: number) {
  const { walks, rest } = branches(filter);
  const where = eventConditions(rest);
  const walk = (branch: Branch | null) =>
    db
      .selectFrom('events')
      .select(['date', 'article_id', 'id', 'seq'])
      .where((eb) => {
        const all = [where(eb)];
        if (branch) all.push(branch(eb));
        if (filter.startAt) {
          const { date, articleId } = filter.startAt;
          all.push(eb(eb.refTuple('date', 'article_id'), '>=', eb.tuple(date, articleId)));
        }
        if (after) {
          all.push(
            eb(
              eb.refTuple('date', 'article_id', 'seq'),
              '>',
              eb.tuple(after.date, after.article_id, after.seq),
            ),
          );
        }
        return eb.and(all);
      });
  const [first, ...others] = walks.map(walk);
  let keys = first!;
  for (const other of others) keys = keys.unionAll(other);
  keys = keys.orderBy('date').orderBy('article_id').orderBy('seq');
  if (limit !== undefined) keys = keys.limit(limit);
  return db
    .selectFrom(keys.as('page'))
    .innerJoin('events', (join) =>
      join.onRef('events.article_id', '=', 'page.article_id').onRef('events.id', '=', 'page.id'),
    )
    .innerJoin('articles', 'articles.id', 'events.article_id')
    .selectAll('events')
    .select(['articles.published', 'articles.url'])
    .orderBy('page.date')
    .orderBy('page.article_id')
    .orderBy('page.seq');
}

export async function listEvents(
  db: Kysely<Database>,
  filter: EventFilter,
  limit?: number,
): Promise<StoredEvent[]> {
  return ((await pageQuery(db, filter, null, limit).execute()) as EventWithArticle[]).map(eventFromRow);
}

export async function* eachEvent(db: Kysely<Database>, filter: EventFilter): AsyncGenerator<StoredEvent> {
  let after: EventKey | null = null;
  for (;;) {
    const rows = (await pageQuery(db, filter, after, PAGE).execute()) as EventWithArticle[];
    for (const r of rows) yield eventFromRow(r);
    const last = rows[rows.length - 1];
    if (!last || rows.length < PAGE) return;
    after = { date: last.date, article_id: last.article_id, seq: last.seq };
  }
}
