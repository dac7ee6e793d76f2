/**
 * Ingest through the real coding pool into real SQLite files: idempotence, duplicates, updates,
 * re-coding, and bad input that is reported by file and line without stopping the run.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Sqlite from 'better-sqlite3';
import { createCoderPool, type CoderPool } from '../src/ingest/coder-pool.js';
import { ingest } from '../src/ingest/ingest.js';
import { readArticles } from '../src/ingest/read-articles.js';
import { recode } from '../src/ingest/recode.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { root } from './helpers.js';
import { tempDb } from './store-fixtures.js';

let pool: CoderPool;
before(() => {
  pool = createCoderPool({ workers: 2 });
});
after(() => pool.close());

const corpus = join(root, 'samples', 'corpus.jsonl');
const dir = mkdtempSync(join(tmpdir(), 'parley-ingest-'));
const file = (name: string, content: string | Uint8Array) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
const line = (id: string, text: string, published = '2024-05-06') => JSON.stringify({ id, text, published });

async function run(dbPath: string, paths: string[], date?: string) {
  const store = await openSqliteStore(dbPath);
  const problems: string[] = [];
  try {
    const summary = await ingest(store, pool, readArticles(paths, date ? { date } : {}), {
      onProblem: (where, message) => problems.push(`${where}: ${message}`),
    });
    return { summary, problems, counts: await store.counts() };
  } finally {
    await store.close();
  }
}

function integrity(dbPath: string): string {
  const db = new Sqlite(dbPath, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}

describe('ingest', () => {
  it('stores the sample corpus, and a second ingest of it adds nothing', async () => {
    const db = tempDb();
    const articles = readFileSync(corpus, 'utf8').trim().split('\n').length;
    const first = await run(db, [corpus]);
    assert.equal(first.summary.new, articles);
    assert.equal(first.summary.failed, 0);
    assert.ok(first.counts.events > 0, 'some events are coded');
    assert.equal(first.counts.articles, articles);
    assert.equal(first.summary.events, first.counts.events);
    assert.equal(first.summary.statements, first.counts.statements);

    const second = await run(db, [corpus]);
    assert.equal(second.summary.new, 0);
    assert.equal(second.summary.unchanged, articles);
    assert.equal(second.summary.events, 0);
    assert.deepEqual(second.counts, first.counts);
    assert.equal(integrity(db), 'ok');
  });

  it('keeps the first of two identical articles and replaces an article whose text changed', async () => {
    const db = tempDb();
    const text = 'Russia accused Ukraine of shelling the town on Monday.';
    const p = file(
      'dupes.jsonl',
      [line('x1', text), line('x2', text), line('x3', 'China and India held talks.')].join('\n'),
    );
    const first = await run(db, [p]);
    assert.equal(first.summary.new, 2);
    assert.deepEqual(first.summary.skipped, { 'duplicate content': 1 });
    assert.ok(
      first.problems.some((m) => /dupes\.jsonl:2: same content as article x1/.test(m)),
      first.problems.join('\n'),
    );

    const q = file('update.jsonl', line('x3', 'China and India signed a border agreement.'));
    const second = await run(db, [q]);
    assert.equal(second.summary.updated, 1);
    assert.equal(second.counts.articles, 2);
  });

  it('re-codes articles coded by another coder version, ending with the same rows', async () => {
    const db = tempDb();
    const first = await run(db, [corpus]);
    const raw = new Sqlite(db);
    raw.prepare("update articles set coder_version = 'parley-coder+old' where id <= 'sample-010'").run();
    raw.close();
    const store = await openSqliteStore(db);
    try {
      const { outdated, summary } = await recode(store, pool);
      assert.equal(outdated, 10);
      assert.equal(summary.recoded, 10);
      assert.deepEqual(await store.counts(), first.counts);
      const again = await recode(store, pool);
      assert.equal(again.outdated, 0);
    } finally {
      await store.close();
    }
  });

  it('reports each kind of bad input by file (and line), skips it, and stores the rest', async () => {
    const bad = mkdtempSync(join(tmpdir(), 'parley-bad-'));
    const put = (name: string, content: string | Uint8Array) => writeFileSync(join(bad, name), content);
    put(
      'lines.jsonl',
      [
        line('ok1', 'The United States and Russia held talks in Geneva on Tuesday.'),
        '{"id": "broken", "text": ',
        JSON.stringify({ id: 'notext', published: '2024-05-06' }),
        line('ok2', 'Turkey offered to mediate between Russia and Ukraine.'),
      ].join('\n'),
    );
    put('blob.jsonl', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 3, 0, 0, 0]));
    put('empty.txt', '');
    put('latin1.txt', new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b, 0x2e]));
    put('huge.txt', Buffer.alloc(21 * 1024 * 1024, 'a'));
    put(
      'hostile.html',
      `<html><head><title>Talks</title><script>document.write("Russia declared war on France")</script></head>
       <body><article><p>China and the European Union agreed on Friday to hold a summit in Beijing, officials said.</p>
       <p onclick="alert(1)">The talks will cover trade, climate and the war in Ukraine, the officials added.</p>
       <script>fetch("/steal?c=" + document.cookie)</script></article></body></html>`,
    );
    put(
      'feed.rss',
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
       <item><guid>feed-1</guid><title>Japan and South Korea hold talks</title><link>https://wire.test/1</link>
       <pubDate>Tue, 07 May 2024 10:00:00 GMT</pubDate><description>Japan and South Korea held talks in Tokyo.</description></item>
       <item><guid>feed-2</guid><title>No body</title></item></channel></rss>`,
    );
    const db = tempDb();
    const { summary, problems, counts } = await run(db, [bad], '2024-05-06');
    const expect = [
      /blob\.jsonl: binary data/,
      /empty\.txt: empty/,
      /feed\.rss: item 2: feed item feed-2 has no text/,
      /huge\.txt: file is 22020096 bytes, over the \d+-byte limit/,
      /latin1\.txt: not valid UTF-8/,
      /lines\.jsonl:2: malformed JSON/,
      /lines\.jsonl:3: field `text`: is missing/,
    ];
    for (const re of expect)
      assert.ok(
        problems.some((m) => re.test(m)),
        `${re} in\n${problems.join('\n')}`,
      );
    assert.equal(summary.failed, 0);
    assert.equal(summary.new, 4, 'ok1, ok2, the HTML page and the feed item with text');
    assert.equal(counts.articles, 4);
    const raw = new Sqlite(db, { readonly: true });
    const stored = raw.prepare('select id, text from articles order by id').all() as {
      id: string;
      text: string;
    }[];
    raw.close();
    assert.deepEqual(
      stored.map((a) => a.id),
      ['feed-1', 'hostile.html', 'ok1', 'ok2'],
    );
    const page = stored.find((a) => a.id === 'hostile.html')?.text ?? '';
    assert.match(page, /agreed on Friday to hold a summit/);
    assert.doesNotMatch(page, /declared war|steal|alert|cookie/);
    assert.equal(integrity(db), 'ok');
  });
});
