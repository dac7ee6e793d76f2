/**
 * The schema and the shared queries are meant for PostgreSQL too: compile them with Kysely's
 * PostgreSQL compiler (no server needed) and check that nothing SQLite-only slipped in.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type QueryResult,
} from 'kysely';
import { KyselyStore } from '../src/store/kysely-store.js';
import { migrateToLatest } from '../src/store/migrate.js';
import type { Database } from '../src/store/schema.js';
import { codedArticle } from './store-fixtures.js';

/** A driver that answers every query with one row of zeros and keeps the SQL it was sent. */
class RecordingDriver extends DummyDriver {
  readonly sql: string[] = [];
  override async acquireConnection(): Promise<DatabaseConnection> {
    const sql = this.sql;
    return {
      async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
        sql.push(q.sql);
        const select = /^\s*select/i.test(q.sql) && !/kysely_migration/.test(q.sql);
        return { rows: (select && /count\(/i.test(q.sql) ? [{ n: 0 }] : []) as R[] };
      },
      async *streamQuery() {},
    };
  }
}

function postgresKysely(driver: RecordingDriver) {
  return new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => driver,
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
}

const SQLITE_ONLY = /pragma|begin immediate|ifnull\(|\bglob\b|strftime|julianday|autoincrement|`|\?/i;

describe('portable SQL', () => {
  it('compiles the migrations and every store query for PostgreSQL without SQLite-only syntax', async () => {
    const driver = new RecordingDriver();
    const db = postgresKysely(driver);
    await migrateToLatest(db as Kysely<unknown>);
    const store = new KyselyStore('postgres://test', db, (work) => db.transaction().execute(work));
    await store.save(
      codedArticle('a1', '2024-01-02', [
        { source: 'USA', target: 'RUS', cameo: '112', quad: 3, goldstein: -2 },
      ]),
    );
    await store.articleState('a1');
    await store.counts();
    await store.resolveActor('Russia');
    await store.events({
      actor: { name: 'lavrov' },
      dyad: [['USA'], ['RUS']],
      codes: ['04'],
      roots: ['11'],
      quads: [3],
      from: '2024-01-01',
      to: '2024-12-31',
      place: 'Malta',
      text: 'talks',
      includeNegated: false,
    });
    for await (const e of store.eachEvent({})) assert.fail(`no rows expected, got ${e.id}`);
    for await (const a of store.eachArticle({ from: '2024-01-01' }))
      assert.fail(`no rows expected, got ${a.article.id}`);
    await store.dyadDays(['USA'], ['RUS'], { from: '2024-01-01' });
    await store.actorActivity({ from: '2024-01-01', limit: 5 });
    await store.statements({ speaker: { keys: ['RUS'] }, about: { name: 'west' }, text: 'x' }, 5);
    await store.articlesCodedOtherwise('v2', 'a0', 10);
    await store.countCodedOtherwise('v2');

    assert.ok(driver.sql.some((s) => /create table if not exists "events"/.test(s)));
    assert.ok(driver.sql.some((s) => /insert into "events"/.test(s)));
    assert.ok(
      driver.sql.some((s) => /\$1/.test(s)),
      'PostgreSQL placeholders',
    );
    const offending = driver.sql.filter((s) => SQLITE_ONLY.test(s));
    assert.deepEqual(offending, []);
  });
});
