/**
 * Planner statistics after many writes. SQLite keeps none unless asked: with none, or with the
 * statistics of a nearly empty database, it picks low-selectivity indexes at scale. `PRAGMA
 * optimize` analyses only the tables whose size changed a lot, with a bounded sample, so it is
 * cheap to run after every ingest. PostgreSQL's autovacuum keeps its own statistics current.
 */
import { SqliteAdapter, sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

export async function optimizeStore(db: Kysely<Database>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) await sql`pragma optimize`.execute(db);
}
