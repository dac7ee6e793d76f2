/**
 * `parley serve` on PostgreSQL: the same server code over a PostgreSQL store answers every read
 * exactly as it does over SQLite with the same articles, and stores what is posted to it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createCoderPool } from '../src/ingest/coder-pool.js';
import { ingest } from '../src/ingest/ingest.js';
import { readArticles } from '../src/ingest/read-articles.js';
import type { Store } from '../src/store/store.js';
import { corpusPath, serverOver } from './server-fixture.js';
import { dropPgDatabases, freshPgDatabase, pgTestUrl, skipPgMessage } from './store-backends.js';
import { openStore } from '../src/store/open.js';
import { tempDb } from './store-fixtures.js';

const TOKEN = 'pg-test-token';
if (!pgTestUrl) skipPgMessage();

/** One coding thread codes both stores, in input order, so both hold the very same rows. */
async function filled(location: string): Promise<Store> {
  const store = await openStore(location);
  const pool = createCoderPool({ workers: 1 });
  try {
    await ingest(store, pool, readArticles([corpusPath]));
  } finally {
    await pool.close();
  }
  return store;
}

describe('parley serve on PostgreSQL', { skip: !pgTestUrl }, () => {
  let sqlite: Store;
  let postgres: Store;
  let onSqlite: FastifyInstance;
  let onPostgres: FastifyInstance;
  before(async () => {
    sqlite = await filled(tempDb());
    postgres = await filled(await freshPgDatabase());
    onSqlite = await serverOver(sqlite, { token: TOKEN });
    onPostgres = await serverOver(postgres, { token: TOKEN });
  });
  after(async () => {
    await onSqlite?.close();
    await onPostgres?.close();
    await sqlite?.close();
    await postgres?.close();
    await dropPgDatabases();
  });

  const answers = async (app: FastifyInstance, url: string) => {
    const r = await app.inject({ method: 'GET', url });
    // Ingest times differ between the two runs; everything else must not.
    const body = JSON.parse(r.body.replace(/"ingestedAt":"[^"]*"/g, '"ingestedAt":"…"')) as {
      edges?: { source: string; target: string; count: number }[];
    };
    // The network endpoint does not order edges of equal count; each database breaks ties its own way.
    body.edges?.sort(
      (a, b) => b.count - a.count || a.source.localeCompare(b.source) || a.target.localeCompare(b.target),
    );
    return { status: r.statusCode, body };
  };

  it('answers the API reads exactly as on SQLite', async () => {
    const first = (await postgres.events({}, 1))[0]!;
    for (const url of [
      '/healthz',
      '/api/events?limit=50',
      '/api/events?actor=RUS&quad=3,4&limit=1000',
      '/api/events?text=sanctions&limit=1000',
      '/api/dyad?a=USA&b=RUS&by=week',
      '/api/dyad?a=United%20States&b=Russia&by=month',
      '/api/network',
      '/api/network?limit=2',
      '/api/actors',
      '/api/actors?q=russ',
      '/api/statements?limit=1000',
      '/api/statements?speaker=RUS&limit=1000',
      `/api/articles/${encodeURIComponent(first.articleId)}`,
      '/api/articles/no-such-article',
      '/api/events?from=2024-13-01',
    ]) {
      const [a, b] = await Promise.all([answers(onSqlite, url), answers(onPostgres, url)]);
      assert.deepEqual(b, a, url);
    }
  });

  it('pages through events with the cursor as on SQLite', async () => {
    const pages = async (app: FastifyInstance) => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const r: { json<T>(): T } = await app.inject({
          method: 'GET',
          url: `/api/events?limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        });
        const body = r.json<{ events: { id: string }[]; nextCursor: string | null }>();
        ids.push(...body.events.map((e) => e.id));
        cursor = body.nextCursor;
      } while (cursor);
      return ids;
    };
    assert.deepEqual(await pages(onPostgres), await pages(onSqlite));
  });

  it('codes and stores posted articles', async () => {
    const text = 'Russian Foreign Minister Sergei Lavrov accused the United States of provoking Ukraine.';
    const post = () =>
      onPostgres.inject({
        method: 'POST',
        url: '/api/ingest?date=2025-03-04&id=pg-posted',
        payload: text,
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/plain' },
      });
    const r = await post();
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.json<{ summary: { new: number } }>().summary.new, 1);
    assert.ok((await postgres.events({ articleId: 'pg-posted' })).length > 0);
    assert.equal((await post()).json<{ summary: { unchanged: number } }>().summary.unchanged, 1);
  });
});
