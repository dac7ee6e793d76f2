/** Daily counts and Goldstein sums between two actors, per quad class and direction. */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { DateRange, DyadDay } from '../store.js';
import { eventConditions } from './event-filter.js';

export async function dyadDays(
  db: Kysely<Database>,
  a: string[],
  b: string[],
  options: DateRange & { directed?: boolean } = {},
): Promise<DyadDay[]> {
  const rows = await db
    .selectFrom('events')
    .select((eb) => [
      'date',
      'quad',
      'source_key',
      eb.fn.countAll<number | string>().as('n'),
      eb.fn.sum<number | string>('goldstein').as('g'),
    ])
    .where(
      eventConditions({
        dyad: [a, b],
        directed: options.directed ?? false,
        includeNegated: false,
        ...(options.from ? { from: options.from } : {}),
        ...(options.to ? { to: options.to } : {}),
      }),
    )
    .groupBy(['date', 'quad', 'source_key'])
    .orderBy('date')
    .execute();
  const fromA = new Set(a);
  // Counts come back as strings from some drivers (PostgreSQL bigint): normalise here.
  return rows.map((r) => ({
    date: r.date,
    quad: Number(r.quad),
    direction: fromA.has(r.source_key) ? 'ab' : 'ba',
    count: Number(r.n),
    goldsteinSum: Number(r.g),
  }));
}
