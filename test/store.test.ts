/**
 * The store on every backend (SQLite files, and PostgreSQL when PARLEY_TEST_PG_URL is set):
 * one-transaction saves, idempotence by content hash; SQLite's own schema and WAL checks.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { appliedMigrations } from '../src/store/migrate.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { dropPgDatabases, freshStore, storeBackends } from './store-backends.js';
import { codedArticle, tempDb } from './store-fixtures.js';

const USA_RUS = [
  { source: 'USA', target: 'RUS', cameo: '112', quad: 3 as const, goldstein: -2 },
  { source: 'RUS', target: 'USA', cameo: '042', quad: 1 as const, goldstein: 1.9 },
];

after(dropPgDatabases);

describe('SQLite store', () => {
  it('creates a WAL database at the latest schema, and reopening it changes nothing', async () => {
    const path = tempDb();
    const store = await openSqliteStore(path);
    await store.close();
    const reopened = await openSqliteStore(path);
    await reopened.close();
    const raw = new Sqlite(path);
    assert.equal(raw.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(raw.pragma('integrity_check', { simple: true }), 'ok');
    const tables = raw
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'kysely%' and name not like 'sqlite%' order by name",
      )
      .all()
      .map((r) => (r as { name: string }).name);
    assert.deepEqual(tables, [
      'actor_days',
      'actor_mentions',
      'actors',
      'articles',
      'dyad_days',
      'events',
      'statement_about',
      'statements',
    ]);
    const indexes = raw
      .prepare("select name from sqlite_master where type = 'index' and name like 'events_%'")
      .all()
      .map((r) => (r as { name: string }).name);
    for (const name of ['events_by_source', 'events_by_target', 'events_by_dyad', 'events_by_date']) {
      assert.ok(indexes.includes(name), `index ${name}`);
    }
    raw.close();
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new Sqlite(path) }) });
    assert.deepEqual(await appliedMigrations(db), [
      '001-initial',
      '002-rollups-and-keyset-indexes',
      '003-place-indexes',
    ]);
    await db.destroy();
  });

  it('lets a reader query while another connection holds a write transaction (WAL)', async () => {
    const path = tempDb();
    const store = await openSqliteStore(path);
    await store.save(codedArticle('a1', '2024-02-03', USA_RUS));
    const writer = new Sqlite(path);
    writer.exec('begin immediate');
    writer.prepare('delete from events').run();
    assert.equal((await store.counts()).events, 2);
    writer.exec('rollback');
    writer.close();
    await store.close();
  });
});

for (const backend of storeBackends()) {
  describe(`${backend.name} store, like every backend`, () => {
    it('stores an article with its events, statements and actors, and gives the events back as coded', async () => {
      const store = await freshStore(backend);
      const input = codedArticle('a1', '2024-02-03', USA_RUS, { title: 'T', url: 'https://x.test/a1' });
      assert.deepEqual(await store.save(input), { status: 'new' });
      const view = await store.article('a1');
      assert.ok(view);
      assert.equal(view.article.text, input.article.text);
      assert.equal(view.article.eventCount, 2);
      assert.equal(view.article.coderVersion, 'test-coder-1');
      for (const [i, e] of view.events.entries()) {
        const { articleId, sentenceText, lead, published, url, ...coded } = e;
        assert.deepEqual(coded, input.coded.events[i]);
        assert.equal(articleId, 'a1');
        assert.equal(published, '2024-02-03');
        assert.equal(url, 'https://x.test/a1');
        assert.equal(sentenceText, input.article.text.slice(...coded.sentenceSpan));
        assert.equal(lead, i < 2);
      }
      assert.deepEqual(await store.counts(), { articles: 1, events: 2, statements: 0 });
      await store.close();
    });

    it('is idempotent by content: unchanged, duplicate, updated and re-coded articles', async () => {
      const store = await freshStore(backend);
      const first = codedArticle('a1', '2024-02-03', USA_RUS);
      assert.equal((await store.save(first)).status, 'new');
      assert.equal((await store.save(first)).status, 'unchanged');
      assert.deepEqual(await store.counts(), { articles: 1, events: 2, statements: 0 });

      const twin = { ...first, article: { ...first.article, id: 'a2' }, coded: { ...first.coded, id: 'a2' } };
      assert.deepEqual(await store.save(twin), { status: 'duplicate', of: 'a1' });
      assert.deepEqual(await store.counts(), { articles: 1, events: 2, statements: 0 });

      const changed = codedArticle('a1', '2024-02-03', [USA_RUS[0]!]);
      assert.equal((await store.save(changed)).status, 'updated');
      assert.deepEqual(await store.counts(), { articles: 1, events: 1, statements: 0 });

      const recoded = codedArticle('a1', '2024-02-03', [USA_RUS[0]!], { version: 'test-coder-2' });
      assert.equal((await store.save(recoded)).status, 'recoded');
      assert.equal((await store.articleState('a1'))?.coderVersion, 'test-coder-2');
      assert.equal(await store.countCodedOtherwise('test-coder-2'), 0);
      assert.equal(await store.countCodedOtherwise('test-coder-3'), 1);
      await store.close();
    });

    it('rolls an article back whole when one of its rows cannot be stored', async () => {
      const store = await freshStore(backend);
      const bad = codedArticle('a1', '2024-02-03', USA_RUS);
      bad.coded.events[1]!.id = bad.coded.events[0]!.id; // primary key clash on the second event
      await assert.rejects(store.save(bad), /UNIQUE|PRIMARY|unique constraint/);
      assert.deepEqual(await store.counts(), { articles: 0, events: 0, statements: 0 });
      assert.equal((await store.save(codedArticle('a2', '2024-02-03', USA_RUS))).status, 'new');
      await store.close();
    });
  });
}
