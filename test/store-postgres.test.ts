/**
 * What only the PostgreSQL store has to show: the shared migrations make the same tables and
 * indexes, readers are not blocked by a writer, concurrent writers store each content once, and a
 * bad URL or an unreachable server gets a clear message.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { openStore } from '../src/store/open.js';
import { openPostgresStore } from '../src/store/postgres.js';
import { redactUrl } from '../src/store/postgres-url.js';
import { dropPgDatabases, freshPgDatabase, pgTestUrl, skipPgMessage } from './store-backends.js';
import { codedArticle } from './store-fixtures.js';

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
  it('creates the schema of the shared migrations, and reopening it changes nothing', async () => {
    const url = await freshPgDatabase();
    await (await openStore(url)).close();
    await (await openStore(url)).close();
    const tables = await query<{ table_name: string }>(
      url,
      "select table_name from information_schema.tables where table_schema = 'public' and table_name not like 'kysely%' order by table_name",
    );
    assert.deepEqual(
      tables.map((t) => t.table_name),
      ['actor_mentions', 'actors', 'articles', 'events', 'statement_about', 'statements'],
    );
    const indexes = (await query<{ indexname: string }>(url, 'select indexname from pg_indexes')).map(
      (r) => r.indexname,
    );
    for (const name of ['events_source_target_date', 'events_target_source_date', 'articles_content_hash'])
      assert.ok(indexes.includes(name), `index ${name}`);
    const migrations = await query<{ name: string }>(url, 'select name from kysely_migration order by name');
    assert.deepEqual(
      migrations.map((m) => m.name),
      ['001-initial'],
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
