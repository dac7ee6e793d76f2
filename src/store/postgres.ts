/**
 * The shared store at scale: PostgreSQL through a pg pool, with the same Kysely migrations and
 * queries as SQLite. Many processes on many machines may write at once, so each article's save
 * runs SERIALIZABLE: two workers that both decide "this content is new" cannot both commit, and
 * the loser's retry sees the winner's rows (unchanged, or a duplicate), as a second save would.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { WriteTransaction } from './kysely-store.js';
import { KyselyStore } from './kysely-store.js';
import { migrateToLatest } from './migrate.js';
import { describeConnectionError, redactUrl } from './postgres-url.js';
import type { Database } from './schema.js';

export interface PostgresStoreOptions {
  /** Connections in the pool; one per concurrent save is plenty. */
  maxConnections?: number;
}

/** Tries of one save that PostgreSQL aborted for a concurrent one, before giving up. */
const MAX_TRIES = 8;
/** serialization_failure, deadlock_detected: the transaction may simply be run again. */
const RETRYABLE = new Set(['40001', '40P01']);

export async function openPostgresStore(
  url: string,
  options: PostgresStoreOptions = {},
): Promise<KyselyStore> {
  const location = redactUrl(url);
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10 });
  // An idle connection dropped by the server must not crash the process: the pool replaces it.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await sql`select 1`.execute(db);
  } catch (e) {
    await db.destroy();
    throw new Error(describeConnectionError(e), { cause: e });
  }
  try {
    await migrateToLatest(db as Kysely<unknown>);
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return new KyselyStore(location, db, serializableTransaction(db));
}

function serializableTransaction(db: Kysely<Database>): WriteTransaction {
  return async (work) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await db.transaction().setIsolationLevel('serializable').execute(work);
      } catch (e) {
        if (attempt >= MAX_TRIES || !RETRYABLE.has((e as { code?: string }).code ?? '')) throw e;
        // Back off a little, at random, so the same two writers do not collide again at once.
        await sleep(Math.random() * attempt * 20);
      }
    }
  };
}
