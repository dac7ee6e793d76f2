/**
 * Multi-row INSERTs in a few fixed sizes. Rows of a batch of articles go in as few statements as
 * possible, yet every table sees only four statement shapes, so prepared-statement caches (and
 * PostgreSQL's plan cache) hold them all instead of one per row count.
 */
import type { InsertQueryBuilder, InsertResult, Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** Largest first; 64 rows of the widest table (events, ~60 columns) stay far below bind limits. */
const SIZES = [64, 16, 4, 1] as const;

/** The row slices, largest sizes first: 87 rows -> 64 + 16 + 4 + 1 + 1 + 1. */
export function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  let i = 0;
  for (const size of SIZES) {
    while (rows.length - i >= size) {
      out.push(rows.slice(i, i + size));
      i += size;
    }
  }
  return out;
}

type Table = keyof Database;

/** Inserts `rows` into `table`; `finish` adds a conflict clause when the table needs one. */
export async function insertRows<T extends Table>(
  db: Kysely<Database>,
  table: T,
  rows: readonly Database[T][],
  finish?: (
    q: InsertQueryBuilder<Database, T, InsertResult>,
  ) => InsertQueryBuilder<Database, T, InsertResult>,
): Promise<void> {
  for (const slice of chunks(rows)) {
    const q = db.insertInto(table).values(slice as never);
    await (finish ? finish(q) : q).execute();
  }
}
