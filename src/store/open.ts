/**
 * Which database a command uses: --db, else PARLEY_DB, else ./parley.db. A postgres:// URL names
 * a PostgreSQL database; anything else is a SQLite file.
 */
import { existsSync } from 'node:fs';
import { openPostgresStore } from './postgres.js';
import { isPostgresUrl } from './postgres-url.js';
import { openSqliteStore } from './sqlite.js';
import type { Store } from './store.js';

export const DEFAULT_DB = 'parley.db';

export function databaseLocation(option?: string): string {
  return option || process.env.PARLEY_DB || DEFAULT_DB;
}

export class StoreNotFoundError extends Error {}

/**
 * Opens the store at `location`. Queries on a missing file fail with a hint instead of silently
 * creating an empty database.
 */
export async function openStore(location: string, options: { mustExist?: boolean } = {}): Promise<Store> {
  if (isPostgresUrl(location)) return openPostgresStore(location);
  if (options.mustExist && !existsSync(location)) {
    throw new StoreNotFoundError(
      `${location}: no such database; run \`parley ingest PATH…\` first or pass --db`,
    );
  }
  return openSqliteStore(location);
}
