/**
 * The store tests run once per backend: SQLite always, PostgreSQL when PARLEY_TEST_PG_URL names a
 * server (`.ci/start-postgres` starts one). Every PostgreSQL store gets a database of its own, so
 * test files running in parallel never see each other's rows.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgresStore } from '../src/store/postgres.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import type { Store } from '../src/store/store.js';
import { tempDb } from './store-fixtures.js';

export interface StoreBackend {
  name: 'SQLite' | 'PostgreSQL';
  /** A new, empty database: a file path or a postgres:// URL. */
  freshLocation(): Promise<string>;
  open(location: string): Promise<Store>;
}

export const pgTestUrl = process.env.PARLEY_TEST_PG_URL || null;

const sqlite: StoreBackend = {
  name: 'SQLite',
  freshLocation: async () => tempDb(),
  open: (location) => openSqliteStore(location),
};

const created: string[] = [];

/** A new database on the test server; its URL. */
export async function freshPgDatabase(serverUrl = pgTestUrl!): Promise<string> {
  const name = `parley_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  created.push(name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops the databases this process created; call from a top-level `after`. */
export async function dropPgDatabases(): Promise<void> {
  if (!pgTestUrl || created.length === 0) return;
  const admin = new pg.Client({ connectionString: pgTestUrl });
  await admin.connect();
  try {
    for (const name of created.splice(0)) await admin.query(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end();
  }
}

const postgres: StoreBackend = {
  name: 'PostgreSQL',
  freshLocation: () => freshPgDatabase(),
  open: (location) => openPostgresStore(location),
};

let told = false;
/** Says once per test file why the PostgreSQL runs are skipped. */
export function skipPgMessage(): void {
  if (told) return;
  told = true;
  console.log(
    '# skipped: PostgreSQL runs of the store tests (set PARLEY_TEST_PG_URL=postgres://… or run .ci/run)',
  );
}

export function storeBackends(): StoreBackend[] {
  if (pgTestUrl) return [sqlite, postgres];
  skipPgMessage();
  return [sqlite];
}

/** A fresh store on this backend. */
export async function freshStore(backend: StoreBackend): Promise<Store> {
  return backend.open(await backend.freshLocation());
}
