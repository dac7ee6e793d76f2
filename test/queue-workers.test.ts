/**
 * The scale-out acceptance test: `parley worker` processes share one PostgreSQL queue and store;
 * one is killed with SIGKILL while it holds jobs; those come back when its heartbeat stops, two
 * others finish them with the rest, and the store ends with exactly the articles and events of a
 * single `parley ingest` into SQLite of the same Reuters slice.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { sharedPath } from './helpers.js';
import { pgContents, pgRows, run, sqliteContents, start, waitFor, workerArgs } from './queue-helpers.js';
import { dropPgDatabases, freshPgDatabase, pgTestUrl, skipPgMessage } from './store-backends.js';

const ARTICLES = 400;
const reuters = sharedPath('corpora', 'reuters-2006-2013-sample.jsonl.gz');
if (!pgTestUrl) skipPgMessage();

after(dropPgDatabases);

describe('parley workers on PostgreSQL', { skip: !pgTestUrl || !reuters }, () => {
  it('loses no job when a worker is killed, and stores what one SQLite ingest stores', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-workers-'));
    const slice = join(dir, 'reuters-slice.jsonl');
    const lines = gunzipSync(readFileSync(reuters!)).toString('utf8').split('\n').slice(0, ARTICLES);
    writeFileSync(slice, `${lines.join('\n')}\n`);

    const sqliteDb = join(dir, 'reference.db');
    const reference = await run(['ingest', slice, '--db', sqliteDb, '--workers', '1', '--json']);
    assert.equal(reference.code, 0, reference.stderr);

    const url = await freshPgDatabase();
    // The shortest heartbeat pg-boss allows: a dead worker's jobs are back within ~10 s.
    const queued = await run(['enqueue', slice, '--db', url, '--heartbeat', '10', '--json']);
    assert.equal(queued.code, 0, queued.stderr);
    assert.ok((JSON.parse(queued.stdout) as { queued: number }).queued > ARTICLES * 0.9);

    const stored = async () =>
      Number((await pgRows<{ n: string }>(url, 'select count(*) as n from articles'))[0]!.n);
    const active = async () =>
      Number(
        (
          await pgRows<{ n: string }>(
            url,
            "select count(*) as n from pgboss.job where name = 'parley-articles' and state = 'active'",
          )
        )[0]!.n,
      );

    // The victim works alone until it is killed, so every job still active after the kill is one
    // it held. A kill that lands between two of its batches leaves none, and would test nothing:
    // then a fresh victim is started and killed again.
    let orphaned = 0;
    for (let attempt = 1; orphaned === 0; attempt++) {
      assert.ok(
        attempt <= 5,
        "every kill landed between batches: no job was left in the dead worker's hands",
      );
      const victim = start(workerArgs(url, '--json'));
      const before = await stored();
      await waitFor('the victim to store articles', async () => (await stored()) >= before + 10);
      victim.child.kill('SIGKILL');
      assert.equal((await victim.done).signal, 'SIGKILL');
      orphaned = await active();
    }
    assert.ok(
      (await stored()) < ARTICLES * 0.9,
      'the victim stored nearly everything: the kill was not mid-run',
    );

    // Two survivors finish the queue, taking the orphaned jobs back once their heartbeat stops.
    const args = workerArgs(url, '--until-empty', '--json');
    const survivors = await Promise.all([start(args), start(args)].map((w) => w.done));
    for (const s of survivors) assert.equal(s.code, 0, s.stderr);

    const retried = await pgRows<{ n: string }>(
      url,
      "select count(*) as n from pgboss.job where name = 'parley-articles' and retry_count > 0",
    );
    assert.ok(Number(retried[0]!.n) >= orphaned, `${orphaned} orphaned jobs, ${retried[0]!.n} retried`);
    const status = await run(['queue', 'status', '--db', url, '--json']);
    const s = JSON.parse(status.stdout) as { pending: number; deadLetters: number };
    assert.deepEqual([s.pending, s.deadLetters], [0, 0]);

    const expected = sqliteContents(sqliteDb);
    const actual = await pgContents(url);
    assert.ok(expected.articles.length > ARTICLES * 0.9 && expected.events.length > 0);
    assert.deepEqual(actual.articles, expected.articles);
    const halfWritten = await pgRows<{ id: string }>(
      url,
      'select id from articles a where event_count <> (select count(*) from events e where e.article_id = a.id)',
    );
    assert.deepEqual(halfWritten, []);
    // The coder is a function of the article alone, so which worker coded what cannot matter.
    assert.deepEqual(actual.events, expected.events);
  });
});
