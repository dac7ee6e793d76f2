import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { root } from './helpers.js';

const bin = join(root, 'bin', 'parley.js');
const dir = mkdtempSync(join(tmpdir(), 'parley-cli-'));
const file = (name: string, content: string | Uint8Array) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', input, timeout: 60_000 });

describe('parley code', () => {
  const good = file('good.txt', 'Russia accused Ukraine of shelling the Zaporizhzhia plant on Monday.');
  const binary = file('blob.txt', new Uint8Array([0, 1, 2, 3, 0, 255, 0, 7]));
  const french = file(
    'fr.txt',
    'Le ministre des Affaires étrangères a rencontré son homologue à Paris pour discuter de la guerre et de la paix.',
  );

  it('prints one JSON object per article in the output contract', () => {
    const r = run(['code', good, '--date', '2024-03-06']);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, 1);
    const a = JSON.parse(lines[0] ?? '{}');
    assert.equal(a.id, 'good.txt');
    const e = a.events[0];
    assert.equal(e.source.key, 'RUS');
    assert.equal(e.target.key, 'UKR');
    assert.equal(e.root, '11');
    assert.equal(e.date, '2024-03-04');
    for (const field of [
      'cameo',
      'quad',
      'goldstein',
      'plover',
      'negated',
      'modality',
      'datePrecision',
      'place',
      'sentence',
      'tone',
      'confidence',
      'rule',
    ]) {
      assert.ok(field in e, `missing ${field}`);
    }
  });

  it('codes the good inputs, names the bad ones on stderr, and exits 3', () => {
    const r = run(['code', good, binary, french, join(dir, 'missing.txt'), '--date', '2024-03-06']);
    assert.equal(r.status, 3);
    assert.equal(r.stdout.trim().split('\n').length, 1);
    assert.match(r.stderr, /blob\.txt: binary data/);
    assert.match(r.stderr, /fr\.txt: the text does not look like English/);
    assert.match(r.stderr, /missing\.txt: no such file/);
  });

  it('exits 1 when nothing could be coded, and 2 on a usage error', () => {
    assert.equal(run(['code', binary]).status, 1);
    assert.equal(run(['code', good, '--format', 'yaml']).status, 2);
    assert.equal(run(['code', good, '--date', 'Monday']).status, 2);
  });

  it('reads stdin and writes CSV and tables', () => {
    const csv = run(['code', '-', '--date', '2024-03-06', '--format', 'csv'], 'Iran condemned Israel.');
    assert.equal(csv.status, 0, csv.stderr);
    const [header, row] = csv.stdout.trim().split('\n');
    assert.match(header ?? '', /^article,published,event,date/);
    assert.match(row ?? '', /IRN.*11\d.*ISR/);
    const table = run(['code', '-', '--date', '2024-03-06', '--format', 'table'], 'Iran condemned Israel.');
    assert.match(table.stdout, /IRN\S*\s+11\d\s+ISR/);
  });

  it("merges a user's own dictionary with --dict", () => {
    const text = 'Zorblat Quennick criticized Russia.';
    assert.equal(JSON.parse(run(['code', '-', '--date', '2024-03-06'], text).stdout).events.length, 0);
    const dict = file(
      'mine.yaml',
      '- name: Zorblat Quennick\n  roles:\n    - { country: FRA, sector: GOV, title: Envoy, from: 2020-01-01 }\n',
    );
    const r = run(['code', '-', '--date', '2024-03-06', '--dict', dict], text);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).events[0]?.source.code, 'FRAGOV');
  });

  it('rejects a broken user dictionary naming its file and line', () => {
    const bad = file(
      'bad.yaml',
      '- name: Someone Else\n  roles:\n    - { country: FRA, sector: NOPE, title: X, from: 2020-01-01 }\n',
    );
    const r = run(['code', '-', '--date', '2024-03-06', '--dict', bad], 'Text.');
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /bad\.yaml:3: roles\.0\.sector/);
  });
});
