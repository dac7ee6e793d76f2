/** The store commands as a user runs them: `parley ingest`, the queries and the exports. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import Sqlite from 'better-sqlite3';
import { EXIT } from '../src/cli/exit-codes.js';
import { root } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'parley-cli-'));
const db = join(dir, 'cli.db');
const corpus = join(root, 'samples', 'corpus.jsonl');

function parley(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'parley.js'), ...args], {
    encoding: 'utf8',
    cwd: dir,
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const count = (sql: string) => {
  const d = new Sqlite(db, { readonly: true });
  try {
    return (d.prepare(sql).get() as { n: number }).n;
  } finally {
    d.close();
  }
};

before(() => {
  const r = parley(['ingest', corpus, '--db', db]);
  assert.equal(r.code, EXIT.ok, r.err);
});

describe('parley store commands', () => {
  it('ingest prints a summary, and a second ingest adds nothing', () => {
    const r = parley(['ingest', corpus, '--db', db]);
    assert.equal(r.code, EXIT.ok, r.err);
    assert.match(r.out, /new\s+0\n\s+unchanged\s+36\n\s+skipped\s+0\n\s+failed\s+0\n\s+added\s+0 events/);
    assert.equal(r.err, '', 'no progress bar when stderr is not a terminal');
  });

  it('ingest names bad input on stderr and exits 3 when some input was bad', () => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(
      bad,
      '{"id": "b1", "text": "Russia and China held talks.", "published": "2024-01-02"}\nnot json\n',
    );
    const r = parley(['ingest', bad, '--db', join(dir, 'bad.db'), '--workers', '1', '--json']);
    assert.equal(r.code, EXIT.partial);
    assert.match(r.err, /bad\.jsonl:2: malformed JSON/);
    const summary = JSON.parse(r.out) as { new: number; skipped: Record<string, number> };
    assert.equal(summary.new, 1);
    assert.deepEqual(summary.skipped, { malformed: 1 });
  });

  it('uses PARLEY_DB when --db is not given', () => {
    const r = parley(['actors', '--limit', '1', '--format', 'jsonl'], { PARLEY_DB: db });
    assert.equal(r.code, EXIT.ok, r.err);
    assert.equal(r.out.trim().split('\n').length, 1);
  });

  it('events lists what the store holds, filtered, as jsonl, csv or a table', () => {
    const all = parley(['events', '--db', db, '--format', 'jsonl']);
    assert.equal(all.code, EXIT.ok, all.err);
    const events = all.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { source: { key: string }; target: { key: string } | null });
    assert.equal(events.length, count('select count(*) n from events'));
    const dyad = parley(['events', '--db', db, '--dyad', 'USA,RUS', '--format', 'jsonl'])
      .out.trim()
      .split('\n');
    const keys = dyad
      .map((l) => JSON.parse(l) as (typeof events)[number])
      .map((e) => `${e.source.key}-${e.target?.key}`);
    assert.ok(keys.length > 0 && keys.every((k) => k === 'USA-RUS' || k === 'RUS-USA'), keys.join(' '));
    const csv = parley([
      'events',
      '--db',
      db,
      '--actor',
      'Russia',
      '--quad',
      '3,4',
      '--format',
      'csv',
      '--limit',
      '5',
    ]);
    const [header, ...rows] = csv.out.trim().split('\n');
    assert.match(header ?? '', /^article,published,event,date/);
    assert.ok(rows.length > 0 && rows.length <= 5);
    const table = parley(['events', '--db', db, '--root', '11', '--limit', '3']);
    assert.match(table.out, /^DATE\s+SOURCE\s+CAMEO\s+TARGET/);
    assert.equal(parley(['events', '--db', db, '--code', '99x']).code, EXIT.usage);
  });

  it('dyad prints counts, Goldstein and quad classes per month', () => {
    const r = parley(['dyad', 'USA', 'RUS', '--by', 'month', '--db', db]);
    assert.equal(r.code, EXIT.ok, r.err);
    assert.match(r.out, /USA ↔ RUS, by month/);
    assert.match(r.out, /MONTH\s+EVENTS\s+GS SUM\s+GS MEAN\s+Q1\s+Q2\s+Q3\s+Q4\s+USA→RUS\s+RUS→USA/);
    assert.match(r.out, /\n\d{4}-\d{2}\s+\d+/);
    assert.match(r.out, /\ntotal\s+\d+/);
    const json = parley([
      'dyad',
      'United States',
      'Russia',
      '--by',
      'week',
      '--directed',
      '--format',
      'jsonl',
      '--db',
      db,
    ]);
    const weeks = json.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { period: string; ba: number });
    assert.ok(weeks.every((w) => /^\d{4}-\d{2}-\d{2}$/.test(w.period) && w.ba === 0));
    assert.equal(parley(['dyad', 'USA', 'Atlantis', '--db', db]).code, EXIT.usage);
  });

  it('actors ranks the most active actors', () => {
    const r = parley(['actors', '--db', db, '--limit', '5']);
    assert.equal(r.code, EXIT.ok, r.err);
    const lines = r.out.trim().split('\n');
    assert.match(lines[0] ?? '', /^KEY\s+NAME\s+EVENTS\s+AS SOURCE\s+AS TARGET\s+ARTICLES\s+MENTIONS$/);
    assert.equal(lines.length, 6);
  });

  it('statements filters by speaker and by what they are about', () => {
    const r = parley(['statements', '--db', db, '--speaker', 'RUS', '--format', 'jsonl']);
    assert.equal(r.code, EXIT.ok, r.err);
    const said = r.out
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { speaker: { key: string } });
    assert.ok(said.length > 0 && said.every((s) => s.speaker.key === 'RUS'));
    const about = parley(['statements', '--db', db, '--about', 'USA', '--format', 'jsonl'])
      .out.trim()
      .split('\n');
    assert.ok(
      about.every((l) => (JSON.parse(l) as { about: { key: string }[] }).about.some((a) => a.key === 'USA')),
    );
  });

  it('article shows the text with the coded spans marked', () => {
    const id = new Sqlite(db, { readonly: true })
      .prepare('select article_id id from events group by article_id order by count(*) desc limit 1')
      .get() as { id: string };
    const r = parley(['article', id.id, '--db', db]);
    assert.equal(r.code, EXIT.ok, r.err);
    assert.match(r.out, /\[\[[^\]]+\]\]/);
    assert.match(r.out, /\{\{[^}]+\}\}/);
    assert.match(r.out, /events:\n {2}\S+#e1/);
    assert.equal(parley(['article', 'no-such-article', '--db', db]).code, EXIT.failed);
  });

  it('export writes GDELT rows of 61 columns, CSV and re-ingestable JSONL', () => {
    const gdelt = parley(['export', '--format', 'gdelt', '--db', db]);
    assert.equal(gdelt.code, EXIT.ok, gdelt.err);
    const rows = gdelt.out.trim().split('\n');
    assert.equal(rows.length, count('select count(*) n from events where negated = 0'));
    assert.ok(rows.every((r) => r.split('\t').length === 61));
    const out = join(dir, 'export.jsonl');
    assert.equal(parley(['export', '--format', 'jsonl', '--out', out, '--db', db]).code, EXIT.ok);
    assert.equal(readFileSync(out, 'utf8').trim().split('\n').length, 36);
    const again = parley(['ingest', out, '--db', db, '--json']);
    assert.equal(
      (JSON.parse(again.out) as { unchanged: number }).unchanged,
      36,
      'an export re-ingests as unchanged',
    );
    assert.match(parley(['export', '--format', 'csv', '--db', db]).out, /^article,published,event/);
  });

  it('queries on a missing database fail with a hint; bad usage exits 2', () => {
    const r = parley(['events', '--db', join(dir, 'nope.db')]);
    assert.equal(r.code, EXIT.failed);
    assert.match(r.err, /no such database; run `parley ingest/);
    assert.equal(parley(['dyad', 'USA', 'RUS', '--by', 'year', '--db', db]).code, EXIT.usage);
    assert.equal(parley(['export', '--db', db]).code, EXIT.usage);
    for (const cmd of ['ingest', 'recode', 'events', 'dyad', 'actors', 'statements', 'article', 'export']) {
      const help = parley([cmd, '--help']);
      assert.equal(help.code, EXIT.ok, cmd);
      assert.match(help.out, new RegExp(`Usage: parley ${cmd}`));
    }
  });
});
