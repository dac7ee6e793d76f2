/**
 * What only the PostgreSQL store has to show: the shared migrations make the same tables and
 * indexes, readers are not blocked by a writer, concurrent writers store each content once, and a
 * bad URL or an unreachable server gets a clear message.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { MIGRATIONS } from '../src/store/migrations/index.js';
import { openStore } from '../src/store/open.js';
import { openPostgresStore } from '../src/store/postgres.js';
import { redactUrl } from '../src/store/postgres-url.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { dropPgDatabases, freshPgDatabase, pgTestUrl, skipPgMessage } from './store-backends.js';
import { codedArticle, tempDb } from './store-fixtures.js';

const USA_RUS = [
  { source: 'USA', target: 'RUS', cameo: '112', quad: 3 as const, goldstein: -2 },
  { source: 'RUS', target: 'USA', cameo: '042', quad: 1 as const, goldstein: 1.9 },
];

if (!pgTestUrl) skipPgMessage();

after(dropPgDatabases);

async function query<R>(url: string, text: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as R[];
  } finally {
    await client.end();
  }
}

describe('PostgreSQL store', { skip: !pgTestUrl }, () => {
  it('makes the same tables and indexes as SQLite with the shared migrations, and reopening changes nothing', async () => {
    const url = await freshPgDatabase();
    await (await openStore(url)).close();
    await (await openStore(url)).close();
    const pgTables = await query<{ name: string }>(
      url,
      "select table_name as name from information_schema.tables where table_schema = 'public' and table_name not like 'kysely%' order by 1",
    );
    const pgIndexes = await query<{ name: string }>(
      url,
      "select indexname as name from pg_indexes where schemaname = 'public' and indexname not like '%_pk' and indexname not like '%_pkey' and indexname not like 'kysely%' order by 1",
    );
    const file = tempDb();
    await (await openSqliteStore(file)).close();
    const sqlite = new Sqlite(file);
    const names = (type: string) =>
      sqlite
        .prepare(
          `select name from sqlite_master where type = ? and name not like 'kysely%' and name not like 'sqlite_%' order by 1`,
        )
        .all(type)
        .map((r) => (r as { name: string }).name);
    assert.deepEqual(
      pgTables.map((t) => t.name),
      names('table'),
    );
    assert.deepEqual(
      pgIndexes.map((t) => t.name),
      names('index'),
    );
    sqlite.close();
    const migrations = await query<{ name: string }>(url, 'select name from kysely_migration order by name');
    assert.deepEqual(
      migrations.map((m) => m.name),
      Object.keys(MIGRATIONS),
    );
  });

  it('lets a reader query while another connection holds a write transaction', async () => {
    const url = await freshPgDatabase();
    const store = await openStore(url);
    await store.save(codedArticle('a1', '2024-02-03', USA_RUS));
    const writer = new pg.Client({ connectionString: url });
    await writer.connect();
    await writer.query('begin');
    await writer.query('delete from events');
    assert.equal((await store.counts()).events, 2);
    await writer.query('rollback');
    await writer.end();
    await store.close();
  });

  it('stores one content once when many processes save it at the same moment', async () => {
    const url = await freshPgDatabase();
    // Separate stores stand for separate worker processes: each has its own pool of connections.
    const stores = await Promise.all([1, 2, 3, 4].map(() => openPostgresStore(url)));
    const same = codedArticle('a1', '2024-02-03', USA_RUS);
    const copies = ['a1', 'a2', 'a3', 'a4'].map((id) => ({
      ...same,
      article: { ...same.article, id },
      coded: { ...same.coded, id, events: same.coded.events.map((e) => ({ ...e, id: `${id}#${e.id}` })) },
    }));
    for (let round = 0; round < 5; round++) {
      const outcomes = await Promise.all(
        stores.flatMap((s) => [...copies, same].map((c) => s.save({ ...c, article: { ...c.article } }))),
      );
      const stored = outcomes.filter((o) => o.status === 'new').length;
      assert.equal(stored, round === 0 ? 1 : 0, `round ${round}: ${JSON.stringify(outcomes)}`);
    }
    assert.deepEqual(await stores[0]!.counts(), { articles: 1, events: 2, statements: 0 });
    await Promise.all(stores.map((s) => s.close()));
  });

  it('explains a server that is not there, a database that does not exist, and a bad URL', async () => {
    await assert.rejects(
      openStore('postgres://nobody@127.0.0.1:1/x'),
      /cannot connect to PostgreSQL: connection refused/,
    );
    const missing = new URL(pgTestUrl!);
    missing.pathname = '/parley_no_such_database';
    await assert.rejects(openStore(missing.toString()), /database "parley_no_such_database" does not exist/);
    await assert.rejects(openStore('postgres://u:p@127.0.0.1:notaport/x'), /cannot connect to PostgreSQL/);
  });
});

describe('PostgreSQL URLs in messages', () => {
  it('never show the password', () => {
    assert.equal(redactUrl('postgres://u:secret@h:5432/db'), 'postgres://u:***@h:5432/db');
    assert.equal(redactUrl('postgres://u@h/db'), 'postgres://u@h/db');
  });
});
