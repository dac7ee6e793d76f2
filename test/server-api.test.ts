/** The HTTP API of `parley serve`, endpoint by endpoint, over a store filled from the sample corpus. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { isLoopback } from '../src/cli/commands/serve.js';
import { defaultWebDir } from '../src/server/app.js';
import type { ArticleView, StoredEvent, Store } from '../src/store/store.js';
import { root } from './helpers.js';
import { corpusStore, hostileJsonl, serverOver } from './server-fixture.js';

const TOKEN = 'test-token-123';
let store: Store;
let app: FastifyInstance;

before(async () => {
  store = await corpusStore();
  app = await serverOver(store, { token: TOKEN });
});
after(async () => {
  await app?.close();
  await store?.close();
});

async function get(url: string) {
  const r = await app.inject({ method: 'GET', url });
  return { status: r.statusCode, body: r.json() as Record<string, unknown>, headers: r.headers };
}

async function bad(url: string, parameter: string) {
  const r = await get(url);
  assert.equal(r.status, 400, `${url}: ${JSON.stringify(r.body)}`);
  assert.equal(r.body.parameter, parameter, `${url}: ${JSON.stringify(r.body)}`);
  assert.match(String(r.body.message), new RegExp(`^${parameter}\\b`), String(r.body.message));
}

const events = async (q: string) =>
  (await get(`/api/events?${q}`)).body as { events: StoredEvent[]; nextCursor: string | null };

describe('GET /healthz and /openapi.json', () => {
  it('reports the store counts', async () => {
    const r = await get('/healthz');
    assert.equal(r.status, 200);
    assert.equal(r.body.status, 'ok');
    assert.ok((r.body.counts as { events: number }).events > 50);
  });

  it('documents every endpoint from the request schemas', async () => {
    const r = await get('/openapi.json');
    assert.equal(r.status, 200);
    const paths = r.body.paths as Record<string, Record<string, { parameters?: { name: string }[] }>>;
    for (const p of [
      '/api/events',
      '/api/dyad',
      '/api/network',
      '/api/actors',
      '/api/statements',
      '/api/articles/{id}',
      '/api/ingest',
      '/healthz',
    ]) {
      assert.ok(paths[p], `missing ${p}`);
    }
    const names = paths['/api/events']!.get!.parameters!.map((p) => p.name);
    for (const n of [
      'actor',
      'dyad',
      'code',
      'quad',
      'from',
      'to',
      'place',
      'text',
      'article',
      'limit',
      'cursor',
    ]) {
      assert.ok(names.includes(n), `events parameter ${n}`);
    }
    assert.ok(paths['/api/ingest']!.post, 'ingest is a POST');
  });
});

describe('GET /api/events', () => {
  it('filters like the CLI: dyad, quad class, code, dates, text', async () => {
    const dyad = await events('dyad=USA,RUS&limit=1000');
    assert.ok(dyad.events.length > 5);
    for (const e of dyad.events) {
      assert.deepEqual([e.source.key, e.target?.key].sort(), ['RUS', 'USA']);
    }
    const directed = await events('dyad=USA,RUS&directed=true&limit=1000');
    assert.ok(directed.events.every((e) => e.source.key === 'USA'));
    assert.ok(directed.events.length < dyad.events.length);
    const q4 = await events('quad=4&limit=1000');
    assert.ok(q4.events.length > 0 && q4.events.every((e) => e.quad === 4));
    const q12 = await events('quad=1,2&limit=1000');
    assert.ok(q12.events.every((e) => e.quad <= 2));
    const consult = await events('code=04&limit=1000');
    assert.ok(consult.events.length > 0 && consult.events.every((e) => e.cameo.startsWith('04')));
    const ranged = await events('from=2024-06-01&to=2024-12-31&limit=1000');
    assert.ok(ranged.events.every((e) => e.date >= '2024-06-01' && e.date <= '2024-12-31'));
    const actor = await events('actor=Russia&limit=1000');
    assert.ok(actor.events.every((e) => e.source.key === 'RUS' || e.target?.key === 'RUS'));
    const word = dyad.events[0]!.action.text;
    const text = await events(`text=${encodeURIComponent(word)}&limit=1000`);
    assert.ok(text.events.every((e) => e.sentenceText.toLowerCase().includes(word.toLowerCase())));
  });

  it('pages with a cursor through exactly the events of one big page', async () => {
    const all = await events('limit=1000');
    assert.equal(all.nextCursor, null);
    const paged: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 200; i++) {
      const page: { events: StoredEvent[]; nextCursor: string | null } = await events(
        `limit=7${cursor ? `&cursor=${cursor}` : ''}`,
      );
      assert.ok(page.events.length <= 7);
      paged.push(...page.events.map((e) => `${e.articleId} ${e.id}`));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    assert.deepEqual(
      paged,
      all.events.map((e) => `${e.articleId} ${e.id}`),
    );
  });

  it('answers 400 naming the bad parameter', async () => {
    await bad('/api/events?quad=5', 'quad');
    await bad('/api/events?code=abc', 'code');
    await bad('/api/events?from=2024-13-45', 'from');
    await bad('/api/events?to=yesterday', 'to');
    await bad('/api/events?limit=0', 'limit');
    await bad('/api/events?limit=many', 'limit');
    await bad('/api/events?cursor=bm90LWEtY3Vyc29y', 'cursor');
    await bad('/api/events?dyad=USA', 'dyad');
    await bad('/api/events?dyad=USA,Nowhereland%20Republic', 'dyad');
    await bad('/api/events?negated=maybe', 'negated');
    await bad('/api/events?colour=red', 'colour');
  });
});

describe('GET /api/dyad', () => {
  it('gives the USA–RUS series per week with quad classes and Goldstein', async () => {
    const r = await get('/api/dyad?a=USA&b=RUS&by=week');
    assert.equal(r.status, 200);
    const series = r.body.series as {
      period: string;
      count: number;
      quads: number[];
      goldsteinMean: number;
    }[];
    assert.ok(series.length > 2);
    for (const p of series) {
      assert.equal(new Date(`${p.period}T00:00:00Z`).getUTCDay(), 1, `${p.period} is a Monday`);
      assert.equal(
        p.quads.reduce((a, b) => a + b, 0),
        p.count,
      );
      assert.ok(p.goldsteinMean >= -10 && p.goldsteinMean <= 10);
    }
    const total = r.body.total as { count: number };
    const nonNegated = await events('dyad=USA,RUS&negated=false&limit=1000');
    assert.equal(total.count, nonNegated.events.length);
    const monthly = await get('/api/dyad?a=United%20States&b=Russia&by=month');
    assert.equal((monthly.body.total as { count: number }).count, total.count);
  });

  it('answers 400 naming the bad parameter', async () => {
    await bad('/api/dyad?a=USA&b=RUS&by=year', 'by');
    await bad('/api/dyad?a=USA', 'b');
    await bad('/api/dyad?a=Nowhereland%20Republic&b=RUS', 'a');
    await bad('/api/dyad?a=USA&b=RUS&from=2024-02-30x', 'from');
  });
});

describe('GET /api/network', () => {
  it('gives actors as nodes and who acted on whom as edges', async () => {
    const r = await get('/api/network');
    assert.equal(r.status, 200);
    const nodes = r.body.nodes as { key: string; events: number }[];
    const edges = r.body.edges as { source: string; target: string; count: number; goldsteinMean: number }[];
    const keys = new Set(nodes.map((n) => n.key));
    assert.ok(keys.has('USA') && keys.has('RUS'));
    assert.ok(edges.length > 0);
    for (const e of edges) {
      assert.ok(keys.has(e.source) && keys.has(e.target));
      assert.ok(e.count > 0 && e.goldsteinMean >= -10 && e.goldsteinMean <= 10);
    }
    const usaRus = edges.find((e) => e.source === 'USA' && e.target === 'RUS');
    const directed = await events('dyad=USA,RUS&directed=true&negated=false&limit=1000');
    assert.equal(usaRus?.count, directed.events.length);
  });

  it('keeps the most active actors and a date range', async () => {
    const r = await get('/api/network?limit=2');
    assert.equal((r.body.nodes as unknown[]).length, 2);
    assert.ok((r.body.omitted as number) > 0);
    const empty = await get('/api/network?from=1990-01-01&to=1990-12-31');
    assert.deepEqual(empty.body.nodes, []);
  });

  it('answers 400 naming the bad parameter', async () => {
    await bad('/api/network?from=2025-01-01&to=2024-01-01', 'to');
    await bad('/api/network?from=soon', 'from');
    await bad('/api/network?limit=-3', 'limit');
  });
});

describe('GET /api/actors and /api/statements', () => {
  it('lists actors by activity and finds them by name', async () => {
    const r = await get('/api/actors');
    const actors = r.body.actors as { key: string; name: string; events: number }[];
    assert.ok(actors.some((a) => a.key === 'USA'));
    const russ = await get('/api/actors?q=russ');
    assert.ok((russ.body.actors as { key: string }[]).some((a) => a.key === 'RUS'));
    await bad('/api/actors?limit=abc', 'limit');
  });

  it('lists and searches statements', async () => {
    const r = await get('/api/statements?limit=1000');
    const all = r.body.statements as { content: { text: string }; speaker: { key: string } | null }[];
    assert.ok(all.length > 10);
    const word = 'ukraine';
    const some = (await get(`/api/statements?text=${word}&limit=1000`)).body.statements as typeof all;
    assert.ok(some.length > 0 && some.length <= all.length);
    assert.ok(some.every((s) => s.content.text.toLowerCase().includes(word)));
    const rus = (await get('/api/statements?speaker=RUS&limit=1000')).body.statements as typeof all;
    assert.ok(rus.every((s) => s.speaker?.key === 'RUS'));
    await bad('/api/statements?from=2024-1-1', 'from');
    await bad('/api/statements?limit=100000', 'limit');
  });
});

describe('GET /api/articles/:id', () => {
  it('gives the text with the spans of each event', async () => {
    const first = (await events('dyad=USA,RUS&limit=1')).events[0]!;
    const r = await get(`/api/articles/${encodeURIComponent(first.articleId)}`);
    assert.equal(r.status, 200);
    const v = r.body as unknown as ArticleView;
    assert.ok(v.article.text.length > 100);
    const e = v.events.find((x) => x.id === first.id)!;
    assert.ok(e);
    assert.equal(v.article.text.slice(...e.action.span), e.action.text);
    assert.equal(v.article.text.slice(...e.source.span), e.source.text);
    assert.ok(typeof e.rule === 'string' && e.confidence > 0);
  });

  it('answers 404 for an unknown id', async () => {
    const r = await get('/api/articles/no-such-article');
    assert.equal(r.status, 404);
    assert.match(String(r.body.message), /no-such-article/);
    assert.equal((await get('/api/nothing-here')).status, 404);
  });
});

describe('POST /api/ingest', () => {
  const post = (body: string | Buffer, headers: Record<string, string> = {}, q = '', target = app) =>
    target.inject({ method: 'POST', url: `/api/ingest${q}`, payload: body, headers });
  const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/plain' };
  const article =
    'Chinese President Xi Jinping met Brazilian President Luiz Inacio Lula da Silva in Beijing on Tuesday. ' +
    'Russian Foreign Minister Sergei Lavrov accused the United States of provoking Ukraine.';

  it('refuses every write with 403 when no token is configured', async () => {
    const open = await serverOver(store, { token: null });
    try {
      const r = await post(
        article,
        { authorization: 'Bearer anything', 'content-type': 'text/plain' },
        '',
        open,
      );
      assert.equal(r.statusCode, 403);
      assert.match(r.json<{ message: string }>().message, /PARLEY_TOKEN/);
      const del = await open.inject({ method: 'DELETE', url: '/api/articles/x' });
      assert.equal(del.statusCode, 403);
    } finally {
      await open.close();
    }
  });

  it('answers 401 without the token or with a wrong one', async () => {
    const none = await post(article, { 'content-type': 'text/plain' });
    assert.equal(none.statusCode, 401);
    assert.equal(none.json<{ parameter: string }>().parameter, 'authorization');
    const wrong = await post(article, { authorization: 'Bearer nope', 'content-type': 'text/plain' });
    assert.equal(wrong.statusCode, 401);
    const del = await app.inject({ method: 'DELETE', url: '/api/articles/x' });
    assert.equal(del.statusCode, 401);
  });

  it('codes and stores posted text, whose events are then found', async () => {
    const r = await post(article, auth, '?date=2025-03-04&title=Test%20article');
    assert.equal(r.statusCode, 200, r.body);
    const body = r.json<{
      articles: { id: string; events: number; title: string }[];
      summary: { new: number };
    }>();
    assert.equal(body.summary.new, 1);
    const a = body.articles[0]!;
    assert.equal(a.title, 'Test article');
    assert.ok(a.events > 0);
    const found = await events(`article=${encodeURIComponent(a.id)}`);
    assert.equal(found.events.length, a.events);
    assert.ok(found.events.every((e) => e.published === '2025-03-04'));
    const again = await post(article, auth, '?date=2025-03-04');
    assert.equal(again.json<{ summary: { unchanged: number } }>().summary.unchanged, 1);
  });

  it('reads JSONL bodies, one article a line, and HTML', async () => {
    const jsonl = [
      {
        id: 'api-jsonl-1',
        text: 'Turkey hosted talks between Russian and Ukrainian officials in Istanbul.',
        published: '2025-05-16',
      },
      {
        id: 'api-jsonl-2',
        text: 'Israel launched airstrikes on Hezbollah positions in Lebanon.',
        published: '2025-05-17',
      },
    ]
      .map((x) => JSON.stringify(x))
      .join('\n');
    const r = await post(jsonl, { ...auth, 'content-type': 'application/x-ndjson' });
    assert.equal(r.statusCode, 200, r.body);
    assert.deepEqual(
      r.json<{ articles: { id: string }[] }>().articles.map((a) => a.id),
      ['api-jsonl-1', 'api-jsonl-2'],
    );
    const html = `<!doctype html><html><head><title>Talks</title><script>alert(1)</script></head><body><article><p>${article}</p></article></body></html>`;
    const h = await post(html, { ...auth, 'content-type': 'text/html' }, '?date=2025-03-05&id=api-html-1');
    assert.equal(h.statusCode, 200, h.body);
    const view = (await get('/api/articles/api-html-1')).body as unknown as ArticleView;
    assert.ok(!view.article.text.includes('alert(1)'));
  });

  it('keeps hostile markup as plain text', async () => {
    const r = await post(hostileJsonl('api-hostile'), { ...auth, 'content-type': 'application/x-ndjson' });
    assert.equal(r.statusCode, 200, r.body);
    const view = (await get('/api/articles/api-hostile')).body as unknown as ArticleView;
    assert.ok(view.article.text.includes('<script>window.__pwned=1</script>'));
  });

  it('answers 400 for bad bodies and parameters, 413 for big ones', async () => {
    const empty = await post('', auth);
    assert.equal(empty.statusCode, 400);
    const blank = await post('   \n ', auth);
    assert.equal(blank.json<{ parameter: string }>().parameter, 'body');
    const binary = await post(Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]), {
      ...auth,
      'content-type': 'application/octet-stream',
    });
    assert.equal(binary.statusCode, 400);
    assert.equal(binary.json<{ parameter: string }>().parameter, 'body');
    const badLine = await post('{"id": "x", "text": "no date"}', {
      ...auth,
      'content-type': 'application/x-ndjson',
    });
    assert.equal(badLine.statusCode, 400);
    assert.match(badLine.json<{ message: string }>().message, /published/);
    const badDate = await post(article, auth, '?date=03/04/2025');
    assert.equal(badDate.statusCode, 400);
    assert.equal(badDate.json<{ parameter: string }>().parameter, 'date');
    const badFormat = await post(article, auth, '?format=pdf');
    assert.equal(badFormat.json<{ parameter: string }>().parameter, 'format');
    const huge = await post('a'.repeat(2 * 1024 * 1024 + 10), auth);
    assert.equal(huge.statusCode, 413);
  });
});

describe('the served dashboard', () => {
  it('serves the page with a strict Content-Security-Policy', async (t) => {
    if (!existsSync(join(defaultWebDir(), 'index.html'))) {
      t.skip('dist/web is not built');
      return;
    }
    const r = await app.inject({ method: 'GET', url: '/' });
    assert.equal(r.statusCode, 200);
    assert.match(r.body, /<script type="module" src="\/app.js">/);
    assert.match(String(r.headers['content-security-policy']), /script-src 'self'/);
    const js = await app.inject({ method: 'GET', url: '/app.js' });
    assert.equal(js.statusCode, 200);
  });
});

describe('parley serve', () => {
  it('knows loopback addresses', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) assert.ok(isLoopback(h), h);
    for (const h of ['0.0.0.0', '192.168.1.2', '::', 'example.org']) assert.ok(!isLoopback(h), h);
  });

  const run = (args: string[], until: RegExp | null) =>
    new Promise<{ code: number | null; out: string; err: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [join(root, 'bin', 'parley.js'), 'serve', ...args], {
        env: { ...process.env, PARLEY_TOKEN: '' },
      });
      let out = '';
      let err = '';
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`parley serve did not answer in time: ${out} ${err}`));
      }, 15_000);
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (until?.test(out)) {
          const url = /http:\/\/[^\s/]+/.exec(out)?.[0];
          void fetch(`${url}/healthz`)
            .then((r) => r.json())
            .then((h: { status: string }) => {
              out += `\nhealth: ${h.status}`;
              child.kill('SIGTERM');
            }, reject);
        }
      });
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, out, err });
      });
    });

  it('refuses a non-loopback host without --allow-remote', async () => {
    const r = await run(['--host', '0.0.0.0', '--port', '0'], null);
    assert.equal(r.code, 2);
    assert.match(r.err, /--allow-remote/);
  });

  it('listens on loopback, prints the URL and answers', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'parley-serve-')), 'serve.db');
    const r = await run(['--port', '0', '--db', db], /dashboard at http/);
    assert.match(r.out, /dashboard at http:\/\/127\.0\.0\.1:\d+\//);
    assert.match(r.out, /health: ok/);
    assert.match(r.out, /PARLEY_TOKEN is not set/);
  });
});
