/**
 * The job queue's promises, each shown with real processes on a real PostgreSQL: enqueueing is
 * idempotent, a job that keeps failing is dead-lettered with its reason, a worker stops cleanly on
 * SIGTERM without losing what it held, and the queue commands refuse a SQLite database clearly.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { openStore } from '../src/store/open.js';
import { pgRows, run, start, waitFor, workerArgs } from './queue-helpers.js';
import { corpusPath } from './server-fixture.js';
import { dropPgDatabases, freshPgDatabase, pgTestUrl, skipPgMessage } from './store-backends.js';

if (!pgTestUrl) skipPgMessage();
after(dropPgDatabases);

const dir = mkdtempSync(join(tmpdir(), 'parley-queue-'));
const worker = workerArgs;
const storedCount = async (url: string) =>
  Number((await pgRows<{ n: string }>(url, 'select count(*) as n from articles'))[0]!.n);

interface Status {
  states: Record<string, number>;
  pending: number;
  deadLetters: number;
  firstDeadLetters: { articleId: string; reason: string; tries: number }[];
  store: { articles: number };
}
const status = async (url: string) =>
  JSON.parse((await run(['queue', 'status', '--db', url, '--json'])).stdout) as Status;

describe('the job queue', { skip: !pgTestUrl }, () => {
  it('queues each new article once, and nothing the store already has', async () => {
    const url = await freshPgDatabase();
    const first = await run(['enqueue', corpusPath, corpusPath, '--db', url, '--json']);
    assert.equal(first.code, 0, first.stderr);
    const queued = JSON.parse(first.stdout) as { queued: number; unchanged: number };
    assert.ok(queued.queued > 10);
    assert.equal(queued.unchanged, queued.queued, 'the second copy of each line is not queued again');
    const done = await run(worker(url, '--until-empty'));
    assert.equal(done.code, 0, done.stderr);
    assert.equal(await storedCount(url), queued.queued);
    const again = JSON.parse((await run(['enqueue', corpusPath, '--db', url, '--json'])).stdout) as {
      queued: number;
      unchanged: number;
    };
    assert.deepEqual([again.queued, again.unchanged], [0, queued.queued]);
  });

  it('dead-letters an article that keeps failing, with the reason, and stores the rest', async () => {
    const url = await freshPgDatabase();
    await (await openStore(url)).close();
    // A rule of this database that one article breaks: it can be coded, but never stored.
    await pgRows(url, "alter table articles add constraint no_poison check (id <> 'poison')");
    const input = join(dir, 'poison.jsonl');
    const articles = [
      { id: 'good', published: '2024-12-05', text: 'Russia accused the United States of provoking Ukraine.' },
      { id: 'poison', published: '2024-12-05', text: 'China criticised Japan. Japan protested.' },
      { id: 'nul', published: '2024-12-05', text: 'China criticised Japan.\u0000' },
    ];
    writeFileSync(input, articles.map((a) => JSON.stringify(a)).join('\n'));
    const queued = await run(['enqueue', input, '--db', url, '--retries', '1']);
    assert.equal(queued.code, 3, 'one input could not be queued');
    assert.match(queued.stderr, /poison\.jsonl:3: field `text`: contains a NUL character/);
    const done = await run(worker(url, '--until-empty'));
    assert.equal(done.code, 0, done.stderr);
    assert.match(done.stderr, /poison\.jsonl:2: could not be stored: .*no_poison/);
    const s = await status(url);
    assert.equal(s.pending, 0);
    assert.equal(s.deadLetters, 1);
    assert.equal(s.firstDeadLetters[0]?.articleId, 'poison');
    assert.equal(s.firstDeadLetters[0]?.tries, 2);
    assert.match(s.firstDeadLetters[0]?.reason ?? '', /could not be stored/);
    assert.equal(s.store.articles, 1);
    const text = (await run(['queue', 'status', '--db', url])).stdout;
    assert.match(text, /failed +1 dead-lettered/);
    assert.match(text, /poison .*after 2 tries: could not be stored/);
  });

  it('stops on SIGTERM after finishing the jobs in hand, and another worker does the rest', async () => {
    const url = await freshPgDatabase();
    assert.equal((await run(['enqueue', corpusPath, '--db', url])).code, 0);
    const total = (await status(url)).pending;
    const first = start(worker(url));
    await waitFor('the first article to be stored', async () => (await storedCount(url)) > 0);
    first.child.kill('SIGTERM');
    const stopped = await first.done;
    assert.equal(stopped.code, 0, stopped.stderr);
    assert.match(stopped.stdout, /worker stopped \(signal\)/);
    assert.equal((await status(url)).states.active ?? 0, 0, 'no job is left held by the stopped worker');
    const rest = await run(worker(url, '--until-empty'));
    assert.equal(rest.code, 0, rest.stderr);
    assert.equal(await storedCount(url), total);
  });
});

describe('queue commands on a SQLite database', () => {
  it('say that the queue needs PostgreSQL', async () => {
    const r = await run(['worker', '--db', join(dir, 'x.db')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /job queue lives in PostgreSQL: pass --db postgres:/);
  });
});
