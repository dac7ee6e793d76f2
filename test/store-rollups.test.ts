/**
 * The rollups (`dyad_days`, `actor_days`) must always equal a recount of the events and mentions
 * they summarise: after new articles, unchanged and duplicate ones, re-coded and updated ones,
 * batches that save one id twice, a real ingest and re-ingest, and the migration's own backfill.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { createCoderPool, type CoderPool } from '../src/ingest/coder-pool.js';
import { ingest } from '../src/ingest/ingest.js';
import { readArticles } from '../src/ingest/read-articles.js';
import { recode } from '../src/ingest/recode.js';
import { up as backfill } from '../src/store/migrations/002-rollups-and-keyset-indexes.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import type { Store } from '../src/store/store.js';
import { root } from './helpers.js';
import { codedArticle, tempDb, type EventSpec } from './store-fixtures.js';
import { join } from 'node:path';

type Row = Record<string, string | number>;

const DYADS_STORED = `select day, source_key, target_key, quad, events, goldstein_sum g from dyad_days
  order by day, source_key, target_key, quad`;
const DYADS_RECOUNTED = `select date day, source_key, coalesce(target_key, '') target_key, quad, count(*) events,
  sum(goldstein) g from events where negated = 0
  group by date, source_key, coalesce(target_key, ''), quad order by 1, 2, 3, 4`;
const ACTORS_STORED = `select day, actor_key, as_source, as_target, articles, mentions from actor_days
  order by day, actor_key`;
const ACTORS_RECOUNTED = `select day, actor_key, sum(s) as_source, sum(t) as_target, sum(a) articles,
  sum(m) mentions from (
    select date day, source_key actor_key, 1 s, 0 t, 0 a, 0 m from events where negated = 0
    union all select date, target_key, 0, 1, 0, 0 from events where negated = 0 and target_key is not null
    union all select a.published, m.key, 0, 0, 1, m.mentions from actor_mentions m join articles a on a.id = m.article_id
  ) group by day, actor_key order by day, actor_key`;

/** Goldstein sums are floating point, added and subtracted: equal to within rounding. */
const rounded = (rows: Row[]) =>
  rows.map((r) => ('g' in r ? { ...r, g: Math.round(Number(r.g) * 1e6) / 1e6 } : r));

function assertRollupsExact(path: string, label: string): { dyads: number; actors: number } {
  const db = new Sqlite(path, { readonly: true });
  try {
    const dyads = db.prepare(DYADS_STORED).all() as Row[];
    assert.deepEqual(
      rounded(dyads),
      rounded(db.prepare(DYADS_RECOUNTED).all() as Row[]),
      `dyad_days ${label}`,
    );
    const actors = db.prepare(ACTORS_STORED).all() as Row[];
    assert.deepEqual(actors, db.prepare(ACTORS_RECOUNTED).all(), `actor_days ${label}`);
    return { dyads: dyads.length, actors: actors.length };
  } finally {
    db.close();
  }
}

const FEB: EventSpec[] = [
  { source: 'USA', target: 'RUS', cameo: '112', quad: 3, goldstein: -2 },
  { source: 'RUS', target: 'USA', cameo: '111', quad: 3, goldstein: -2 },
  { source: 'RUS', target: 'UKR', cameo: '190', quad: 4, goldstein: -10, negated: true },
  { source: 'CHN', target: null, cameo: '010', quad: 1, goldstein: 0 },
  { source: 'TUR', target: 'TUR', cameo: '042', quad: 1, goldstein: 1.9 },
];
const MAR: EventSpec[] = [
  { source: 'USA', target: 'RUS', cameo: '042', quad: 1, goldstein: 1.9, date: '2024-03-04' },
  { source: 'USA', target: 'RUS', cameo: '0841', quad: 2, goldstein: 7 },
];

describe('rollups', () => {
  let path: string;
  let store: Store;
  before(async () => {
    path = tempDb();
    store = await openSqliteStore(path);
  });
  after(() => store.close());

  it('equal a recount after new, unchanged and duplicate articles', async () => {
    assert.deepEqual(
      (
        await store.saveBatch([
          codedArticle('feb', '2024-02-10', FEB),
          codedArticle('mar', '2024-03-05', MAR),
        ])
      ).map((o) => o.status),
      ['new', 'new'],
    );
    const counts = assertRollupsExact(path, 'after new articles');
    assert.ok(counts.dyads > 0 && counts.actors > 0);
    assert.equal((await store.save(codedArticle('feb', '2024-02-10', FEB))).status, 'unchanged');
    const twin = codedArticle('feb', '2024-02-10', FEB);
    assert.deepEqual(await store.save({ ...twin, article: { ...twin.article, id: 'feb-copy' } }), {
      status: 'duplicate',
      of: 'feb',
    });
    assertRollupsExact(path, 'after unchanged and duplicate');
  });

  it('move with a re-coded article (old coding out, new in)', async () => {
    const recoded = codedArticle(
      'feb',
      '2024-02-10',
      [
        { source: 'USA', target: 'RUS', cameo: '112', quad: 3, goldstein: -2 },
        { source: 'UKR', target: 'RUS', cameo: '173', quad: 4, goldstein: -5, date: '2024-02-08' },
      ],
      { version: 'test-coder-2', text: '' },
    );
    // Same content (text and date) as stored: only the coding differs.
    const stored = codedArticle('feb', '2024-02-10', FEB);
    const outcome = await store.save({
      ...recoded,
      article: stored.article,
      contentHash: stored.contentHash,
    });
    assert.equal(outcome.status, 'recoded');
    assertRollupsExact(path, 'after recode');
  });

  it('move with an updated article, including its publication day, and drop rows that fall to zero', async () => {
    const updated = codedArticle('mar', '2024-04-01', [
      { source: 'CHN', target: 'USA', cameo: '036', quad: 1, goldstein: 4 },
    ]);
    assert.equal((await store.save(updated)).status, 'updated');
    assertRollupsExact(path, 'after update');
    const db = new Sqlite(path, { readonly: true });
    const zero = db.prepare('select count(*) n from dyad_days where events = 0').get() as { n: number };
    const march = db.prepare("select count(*) n from actor_days where day like '2024-03%'").get() as {
      n: number;
    };
    db.close();
    assert.equal(zero.n, 0);
    assert.equal(march.n, 0, 'the March rows went with the March coding');
  });

  it('stay exact when one batch saves the same id twice and a duplicate of a batch-mate', async () => {
    const first = codedArticle('may', '2024-05-01', MAR);
    const second = codedArticle('may', '2024-05-02', FEB);
    const twin = { ...first, article: { ...first.article, id: 'may-twin' } };
    const outcomes = await store.saveBatch([first, twin, second]);
    assert.deepEqual(
      outcomes.map((o) => o.status),
      ['new', 'duplicate', 'updated'],
    );
    assertRollupsExact(path, 'after a batch with one id twice');
  });

  it('equal what the migration backfills from the events', async () => {
    const before = assertRollupsExact(path, 'before backfill');
    const sqlite = new Sqlite(path);
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
    const snapshot = () => [
      rounded(sqlite.prepare(DYADS_STORED).all() as Row[]),
      sqlite.prepare(ACTORS_STORED).all(),
    ];
    const maintained = snapshot();
    await backfill(db);
    assert.deepEqual(snapshot(), maintained);
    await db.destroy();
    assert.deepEqual(assertRollupsExact(path, 'after backfill'), before);
  });
});

describe('rollups through the ingest pipeline', () => {
  let pool: CoderPool;
  before(() => {
    pool = createCoderPool({ workers: 2 });
  });
  after(() => pool.close());

  it('equal a recount after ingest, re-ingest and recode of the sample corpus', async () => {
    const path = tempDb();
    const corpus = join(root, 'samples', 'corpus.jsonl');
    const store = await openSqliteStore(path);
    try {
      const first = await ingest(store, pool, readArticles([corpus]));
      assert.ok(first.new > 10 && first.events > 0);
      const counts = assertRollupsExact(path, 'after ingest');
      assert.ok(counts.dyads > 0);
      const again = await ingest(store, pool, readArticles([corpus]));
      assert.equal(again.new, 0);
      assertRollupsExact(path, 'after re-ingest');
      // Mark every article as coded by an older coder, as after an upgrade, and code them again.
      const raw = new Sqlite(path);
      raw.prepare("update articles set coder_version = 'old'").run();
      raw.close();
      const { summary } = await recode(store, pool);
      assert.equal(summary.recoded, first.new);
      assertRollupsExact(path, 'after recode');
    } finally {
      await store.close();
    }
  });
});
