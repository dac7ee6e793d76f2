/** A store filled from the sample corpus and a Parley server over it, for the API and browser tests. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createCoderPool } from '../src/ingest/coder-pool.js';
import { ingest } from '../src/ingest/ingest.js';
import { readArticles } from '../src/ingest/read-articles.js';
import { buildServer, type ServerOptions } from '../src/server/app.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/store.js';
import { root } from './helpers.js';

export const corpusPath = join(root, 'samples', 'corpus.jsonl');

/** A fresh SQLite store in a temp directory with the sample corpus ingested. */
export async function corpusStore(): Promise<Store> {
  const store = await openStore(join(mkdtempSync(join(tmpdir(), 'parley-server-')), 'parley.db'));
  const pool = createCoderPool({ workers: 2 });
  try {
    const summary = await ingest(store, pool, readArticles([corpusPath]));
    if (summary.new === 0) throw new Error('the sample corpus ingested nothing');
  } finally {
    await pool.close();
  }
  return store;
}

export async function serverOver(
  store: Store,
  options: Omit<ServerOptions, 'store'> = {},
): Promise<FastifyInstance> {
  return buildServer({ createPool: () => createCoderPool({ workers: 1 }), ...options, store });
}

/** Listens on a random loopback port; returns the base URL. */
export async function listen(app: FastifyInstance): Promise<string> {
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return url.replace('localhost', '127.0.0.1');
}

/** An article built to try to run script in a browser that shows it, and yield events too. */
export const HOSTILE_TEXT = [
  'MOSCOW, March 3 (Reuters) - Russian Foreign Minister Sergei Lavrov accused the United States of provoking Ukraine on Monday.',
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '<a href="javascript:window.__pwned=1">click here</a>',
  '"We will respond <b onmouseover=window.__pwned=1>firmly</b>," Lavrov said.',
].join('\n');

export const hostileJsonl = (id: string) =>
  `${JSON.stringify({
    id,
    text: HOSTILE_TEXT,
    published: '2025-03-03',
    title: '<img src=x onerror="window.__pwned=1"> Lavrov <script>window.__pwned=1</script>',
    url: 'javascript:window.__pwned=1',
  })}\n`;
