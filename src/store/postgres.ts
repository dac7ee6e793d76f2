/**
 * The shared store at scale: PostgreSQL through a pg pool, with the same Kysely migrations and
 * queries as SQLite. Many processes on many machines may write at once, so a save first takes
 * transaction-scoped advisory locks on what it decides on (the article id and the content hash):
 * two workers saving the same article or the same content take turns, and the second one sees the
 * first one's committed rows (unchanged, or a duplicate), exactly as a second save would. Saves
 * of unrelated articles do not wait for each other. (SERIALIZABLE would also be correct, but its
 * page-level predicate locks make unrelated saves abort each other under load.)
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
/**
 * serialization_failure, deadlock_detected: the transaction may simply be run again. Deadlocks can
 * happen when two saves upsert the same shared rows (actor names) in different orders.
 */
const RETRYABLE = new Set(['40001', '40P01']);
/** Taken when a write names no keys: such writes then run one at a time, which is always safe. */
const WHOLE_STORE_KEY = 'parley:store';

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
  return new KyselyStore(location, db, lockingTransaction(db));
}

function lockingTransaction(db: Kysely<Database>): WriteTransaction {
  return async (work, keys) => {
    // Sorted and deduplicated so that two transactions never wait on each other's second lock.
    const lockKeys = [...new Set(keys?.length ? keys : [WHOLE_STORE_KEY])].sort();
    for (let attempt = 1; ; attempt++) {
      try {
        return await db.transaction().execute(async (trx) => {
          for (const key of lockKeys) {
            await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
          }
          return work(trx);
        });
      } catch (e) {
        if (attempt >= MAX_TRIES || !RETRYABLE.has((e as { code?: string }).code ?? '')) throw e;
        // Back off a little, at random, so the same two writers do not collide again at once.
        await sleep(Math.random() * attempt * 20);
      }
    }
  };
}
