/**
 * Daily counts and Goldstein sums between two actors, per quad class and direction, and the
 * totals of every pair of a period (the network): both read the `dyad_days` rollup, never events.
 */
import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import type { Database } from '../schema.js';
import type { DateRange, DyadDay, DyadTotal } from '../store.js';

type EB = ExpressionBuilder<Database, 'dyad_days'>;

function pairCondition(eb: EB, a: string[], b: string[], directed: boolean): Expression<SqlBool> {
  const ab = eb.and([eb('source_key', 'in', a), eb('target_key', 'in', b)]);
  if (directed) return ab;
  return eb.or([ab, eb.and([eb('source_key', 'in', b), eb('target_key', 'in', a)])]);
}

function inRange(eb: EB, range: DateRange): Expression<SqlBool>[] {
  return [
    ...(range.from ? [eb('day', '>=', range.from)] : []),
    ...(range.to ? [eb('day', '<=', range.to)] : []),
  ];
}

export async function dyadDays(
  db: Kysely<Database>,
  a: string[],
  b: string[],
  options: DateRange & { directed?: boolean } = {},
): Promise<DyadDay[]> {
  if (a.length === 0 || b.length === 0) return [];
  const rows = await db
    .selectFrom('dyad_days')
    .select((eb) => [
      'day',
      'quad',
      'source_key',
      eb.fn.sum<number | string>('events').as('n'),
      eb.fn.sum<number | string>('goldstein_sum').as('g'),
    ])
    .where((eb) => eb.and([pairCondition(eb, a, b, options.directed ?? false), ...inRange(eb, options)]))
    .groupBy(['day', 'quad', 'source_key'])
    .orderBy('day')
    .execute();
  const fromA = new Set(a);
  // Sums come back as strings from some drivers (PostgreSQL bigint and numeric): normalise here.
  return rows.map((r) => ({
    date: r.day,
    quad: Number(r.quad),
    direction: fromA.has(r.source_key) ? 'ab' : 'ba',
    count: Number(r.n),
    goldsteinSum: Number(r.g),
  }));
}

export async function dyadTotals(db: Kysely<Database>, range: DateRange = {}): Promise<DyadTotal[]> {
  const rows = await db
    .selectFrom('dyad_days')
    .select((eb) => [
      'source_key',
      'target_key',
      'quad',
      eb.fn.sum<number | string>('events').as('n'),
      eb.fn.sum<number | string>('goldstein_sum').as('g'),
    ])
    .where((eb) => eb.and(inRange(eb, range)))
    .groupBy(['source_key', 'target_key', 'quad'])
    .execute();
  return rows.map((r) => ({
    source: r.source_key,
    target: r.target_key === '' ? null : r.target_key,
    quad: Number(r.quad),
    count: Number(r.n),
    goldsteinSum: Number(r.g),
  }));
}
