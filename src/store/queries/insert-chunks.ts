/**
 * Multi-row INSERTs in a few fixed sizes. Rows of a batch of articles go in as few statements as
 * possible, yet every table sees only four statement shapes, so prepared-statement caches (and
 * PostgreSQL's plan cache) hold them all instead of one per row count.
 *
 * Each shape is compiled by Kysely once, for whichever dialect the database speaks, and then run
 * again with new parameters: building and compiling a 64-row, 60-column INSERT on every call cost
 * more than SQLite's own work.
 */
import {
  CompiledQuery,
  type DialectAdapter,
  type InsertQueryBuilder,
  type InsertResult,
  type Kysely,
} from 'kysely';
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
type Finish<T extends Table> = (
  q: InsertQueryBuilder<Database, T, InsertResult>,
) => InsertQueryBuilder<Database, T, InsertResult>;

/** SQL of each (table, conflict clause, columns, rows) shape, per dialect. */
const compiledShapes = new WeakMap<DialectAdapter, Map<string, string>>();

/** The values in the order Kysely binds them: row by row, columns in the first row's order. */
function parametersOf(rows: readonly object[], columns: string[]): unknown[] {
  const out: unknown[] = [];
  for (const row of rows) for (const c of columns) out.push((row as Record<string, unknown>)[c]);
  return out;
}

/**
 * Inserts `rows` into `table`; `finish` adds a conflict clause when the table needs one, and
 * `variant` names that clause in the shape cache. Rows must all have the same keys.
 */
export async function insertRows<T extends Table>(
  db: Kysely<Database>,
  table: T,
  rows: readonly Database[T][],
  finish?: { variant: string; clause: Finish<T> },
): Promise<void> {
  if (rows.length === 0) return;
  const adapter = db.getExecutor().adapter;
  let shapes = compiledShapes.get(adapter);
  if (!shapes) compiledShapes.set(adapter, (shapes = new Map()));
  const columns = Object.keys(rows[0] as object);
  for (const slice of chunks(rows)) {
    const shape = `${table}|${finish?.variant ?? ''}|${slice.length}|${columns.join(',')}`;
    const sql = shapes.get(shape);
    const parameters = parametersOf(slice, columns);
    if (sql !== undefined) {
      await db.executeQuery(CompiledQuery.raw(sql, parameters));
      continue;
    }
    const q = db.insertInto(table).values(slice as never);
    const compiled = (finish ? finish.clause(q) : q).compile();
    // Cache the shape only if Kysely bound exactly these values in this order.
    const same =
      compiled.parameters.length === parameters.length &&
      compiled.parameters.every((p, i) => p === parameters[i]);
    if (same) shapes.set(shape, compiled.sql);
    await db.executeQuery(compiled);
  }
}
