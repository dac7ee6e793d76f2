/**
 * The embedded default: one SQLite file through better-sqlite3. WAL lets readers work while an
 * ingest writes; synchronous=NORMAL in WAL mode never loses a committed transaction when the
 * process is killed (only on power loss may the last ones roll back), and the file always stays
 * consistent.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { KyselyStore, type WriteTransaction } from './kysely-store.js';
import { migrateToLatest } from './migrate.js';
import { withStatementCache } from './statement-cache.js';
import type { Database } from './schema.js';

export async function openSqliteStore(path: string): Promise<KyselyStore> {
  const file = resolve(path);
  mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Sqlite(file);
  // Another process may hold the write lock for one article's transaction: wait, don't fail.
  sqlite.pragma('busy_timeout = 10000');
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  await migrateToLatest(db as Kysely<unknown>);
  return new KyselyStore(file, db, immediateTransaction(db));
}

/**
 * BEGIN IMMEDIATE takes the write lock before the transaction reads, so two processes ingesting
 * into one file cannot both decide an article is new.
 */
function immediateTransaction(db: Kysely<Database>): WriteTransaction {
  return (work) =>
    db.connection().execute(async (conn) => {
      await sql`begin immediate`.execute(conn);
      try {
        const result = await work(conn);
        await sql`commit`.execute(conn);
        return result;
      } catch (e) {
        await sql`rollback`.execute(conn);
        throw e;
      }
    });
}
