/**
 * Crash safety: `parley ingest` killed with SIGKILL at any moment loses nothing it committed,
 * leaves a database that passes PRAGMA integrity_check with every stored article's events and
 * statements present, and a rerun ends with exactly the rows of an uninterrupted ingest.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import Sqlite from 'better-sqlite3';
import { root } from './helpers.js';

const parley = join(root, 'bin', 'parley.js');
const dir = mkdtempSync(join(tmpdir(), 'parley-kill-'));
const ARTICLES = 300;

const PAIRS = [
  ['The United States', 'Russia', 'Washington'],
  ['China', 'Japan', 'Beijing'],
  ['Turkey', 'Greece', 'Ankara'],
  ['India', 'Pakistan', 'New Delhi'],
  ['France', 'Germany', 'Paris'],
  ['Israel', 'Iran', 'Jerusalem'],
];
const VERBS = ['accused', 'criticised', 'met', 'praised', 'threatened', 'urged'];

/** Wire-style articles, each distinct, with one exact duplicate to test which copy is kept. */
function corpus(): string {
  const lines: string[] = [];
  for (let i = 0; i < ARTICLES; i++) {
    const [a, b, city] = PAIRS[i % PAIRS.length] as [string, string, string];
    const verb = VERBS[i % VERBS.length]!;
    const month = String((i % 12) + 1).padStart(2, '0');
    const text =
      `${city.toUpperCase()}, (Parley Wire) - ${a} ${verb} ${b} on Monday over dispatch number ${i}, officials said. ` +
      `${b} rejected the statement and said talks would continue. ` +
      `Diplomats from both countries met in Geneva on Tuesday to discuss the matter, item ${i}.`;
    lines.push(
      JSON.stringify({ id: `gen-${String(i).padStart(4, '0')}`, published: `2024-${month}-15`, text }),
    );
  }
  lines.push(JSON.stringify({ ...JSON.parse(lines[7]!), id: 'gen-dup' }));
  return `${lines.join('\n')}\n`;
}

function ingestSync(db: string, input: string) {
  return spawnSync(process.execPath, [parley, 'ingest', input, '--db', db, '--json'], { encoding: 'utf8' });
}

function read<T>(db: string, f: (d: Sqlite.Database) => T): T | null {
  if (!existsSync(db)) return null;
  let d: Sqlite.Database | null = null;
  try {
    d = new Sqlite(db, { readonly: true, fileMustExist: true });
    return f(d);
  } catch {
    return null; // not created or migrated yet
  } finally {
    d?.close();
  }
}

const articleCount = (db: string) =>
  read(db, (d) => (d.prepare('select count(*) n from articles').get() as { n: number }).n) ?? -1;

/** Integrity, and every stored article with exactly the events and statements it was coded with. */
function checkConsistent(db: string): void {
  const d = new Sqlite(db);
  try {
    assert.equal(d.pragma('integrity_check', { simple: true }), 'ok');
    // Killed while the schema was being created: nothing stored yet, and the rerun completes it.
    if (!d.prepare("select 1 from sqlite_master where name = 'statements'").get()) return;
    const broken = d
      .prepare(
        `select a.id from articles a
         where a.event_count <> (select count(*) from events e where e.article_id = a.id)
            or a.statement_count <> (select count(*) from statements s where s.article_id = a.id)`,
      )
      .all();
    assert.deepEqual(broken, []);
    const orphans = d
      .prepare('select count(*) n from events where article_id not in (select id from articles)')
      .get();
    assert.deepEqual(orphans, { n: 0 });
  } finally {
    d.close();
  }
}

function snapshot(db: string) {
  return read(db, (d) => ({
    articles: d.prepare('select id, content_hash from articles order by id').all(),
    events: d
      .prepare(
        'select article_id, id, cameo, source_key, target_key, date from events order by article_id, id',
      )
      .all(),
    statements: (d.prepare('select count(*) n from statements').get() as { n: number }).n,
  }));
}

async function killWhen(db: string, input: string, ready: () => boolean): Promise<void> {
  const child = spawn(process.execPath, [parley, 'ingest', input, '--db', db, '--workers', '1'], {
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  while (!ready() && child.exitCode === null) await sleep(10);
  child.kill('SIGKILL');
  await exited;
  assert.equal(child.signalCode, 'SIGKILL', 'the ingest was still running when killed');
}

describe('ingest killed with SIGKILL', () => {
  it('keeps what it committed, stays consistent, and a rerun ends where an unbroken run does', async () => {
    const input = join(dir, 'generated.jsonl');
    writeFileSync(input, corpus());

    const reference = join(dir, 'reference.db');
    const whole = ingestSync(reference, input);
    assert.equal(whole.status, 0, whole.stderr);
    const expected = snapshot(reference);
    assert.ok(expected && expected.articles.length === ARTICLES && expected.events.length > 0);

    const db = join(dir, 'killed.db');
    // Once as soon as the file exists (opening, migrating), once in the middle of the articles.
    await killWhen(db, input, () => existsSync(db));
    checkConsistent(db);
    // -1 when the first kill came before the schema existed: count from zero then.
    const before = Math.max(0, articleCount(db));
    await killWhen(db, input, () => articleCount(db) >= before + 40);
    checkConsistent(db);
    const committed = articleCount(db);
    assert.ok(
      committed >= before + 40 && committed < ARTICLES,
      `killed mid-run with ${committed} articles stored`,
    );

    const rerun = ingestSync(db, input);
    assert.equal(rerun.status, 0, rerun.stderr);
    const summary = JSON.parse(rerun.stdout) as { new: number; unchanged: number };
    assert.equal(summary.unchanged, committed, 'nothing committed was lost or redone');
    assert.equal(summary.new, ARTICLES - committed);
    checkConsistent(db);
    assert.deepEqual(snapshot(db), expected);

    const again = JSON.parse(ingestSync(db, input).stdout) as { new: number; events: number };
    assert.deepEqual([again.new, again.events], [0, 0]);
  });
});
