/**
 * Every quotation in the seed articles (../shared/seeds) is found as a statement with the right
 * speaker, scare quotes are not, and the speech the seeds report without quote marks (Lavrov's
 * "cowards", Blinken's and Lavrov's accusations) is attributed too.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { CodedArticle, CodedStatement } from '../src/coder/types.js';
import { sharedCoder, sharedPath } from './helpers.js';

function seed(name: string, published: string): { text: string; article: CodedArticle } | null {
  const path = sharedPath('seeds', name);
  if (!path) return null;
  const text = readFileSync(path, 'utf8');
  return { text, article: sharedCoder().code({ id: name, text, published }) };
}

const list = (a: CodedArticle) =>
  a.statements
    .map(
      (s) =>
        `${s.speakerPhrase?.text ?? '∅'} (${s.speaker?.key ?? '?'}) —${s.cue.text}→ ${s.content.text.slice(0, 60)}`,
    )
    .join('\n');

/** The statement whose content covers the quotation that starts with `words`. */
function quoted(text: string, a: CodedArticle, words: string): CodedStatement | undefined {
  const at = text.indexOf(words);
  assert.ok(at >= 0, `the seed contains ${words}`);
  return a.statements.find((s) => (s.contentParts ?? [s.content.span]).some(([x, y]) => x <= at && at < y));
}

/** Quotations of four words or more in “…” or "…": someone's words, not scare quotes. */
function quotations(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/[“"]([^”"\n]+)[”"]/g)) {
    const inner = m[1] ?? '';
    if (inner.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length >= 4) out.push(inner);
  }
  return out;
}

describe('statements in the seeds', () => {
  it('every quotation in every seed belongs to a statement with a speaker', (t) => {
    const names = [
      '000_137c3e86b20ae057.txt',
      '001_3bddc94c33fac07e.txt',
      '002_a0e5b62de861db32.txt',
      '003_a35c5aa561179358.txt',
      '004_625579a92e5a1402.txt',
    ];
    let checked = 0;
    for (const name of names) {
      const s = seed(name, '2024-12-05');
      if (!s) return t.skip('seeds absent');
      for (const q of quotations(s.text)) {
        const st = quoted(s.text, s.article, q.slice(0, 30));
        assert.ok(st, `${name}: no statement for “${q.slice(0, 60)}…”\n${list(s.article)}`);
        // A quotation is the statement's words, or a part of reported words ("said … but “…”").
        if (st.kind === 'reported') assert.ok(st.content.text.length > q.length, q);
        assert.ok(st.speakerPhrase, q);
        checked++;
      }
    }
    assert.ok(checked >= 7, `checked ${checked} quotations`);
  });

  it('004: Stephen Nix, the UN spokesman, Johnson and Biden', (t) => {
    const s = seed('004_625579a92e5a1402.txt', '2022-02-21');
    if (!s) return t.skip('seeds absent');
    const { text, article } = s;
    const nix = quoted(text, article, 'It remains to be seen');
    assert.match(nix?.speakerPhrase?.text ?? '', /^Stephen Nix/, list(article));
    assert.match(nix?.cue.text ?? '', /saying/);
    const un = quoted(text, article, '[Kuleba] welcomed');
    assert.equal(un?.speaker?.key, 'UN', list(article));
    assert.match(un?.speakerPhrase?.text ?? '', /UN spokesman/);
    const johnson = quoted(text, article, 'there remained a crucial window');
    assert.equal(johnson?.speaker?.key, 'GBR', list(article));
    const biden = quoted(text, article, 'equally prepared for other scenarios');
    assert.equal(biden?.speaker?.person, 'Joe Biden', list(article));
    assert.match(biden?.content.text ?? '', /^the West was committed to diplomacy/);
    // Reported speech without quote marks.
    assert.ok(
      article.statements.some(
        (x) => x.speaker?.person === 'Antony Blinken' && /push forward/.test(x.content.text),
      ),
      list(article),
    );
  });

  it('002: McFaul and Fiona Hill, and “diplomatic normalization” is no statement', (t) => {
    const s = seed('002_a0e5b62de861db32.txt', '2025-02-27');
    if (!s) return t.skip('seeds absent');
    const { text, article } = s;
    const mcfaul = quoted(text, article, 'Dialogue is essential');
    assert.equal(mcfaul?.speakerPhrase?.text, 'he', list(article));
    assert.equal(mcfaul?.speaker?.name, 'Michael McFaul', list(article));
    assert.equal(mcfaul?.speaker?.key, 'USA');
    const hill = quoted(text, article, 'Trust is the backbone');
    assert.match(hill?.speakerPhrase?.text ?? '', /^Fiona Hill/, list(article));
    // The quotation goes on after "says Fiona Hill": one statement, two parts.
    assert.ok(hill?.content.text.includes('This moment offers a rare opportunity'), hill?.content.text);
    assert.equal(quoted(text, article, 'diplomatic normalization'), undefined);
  });

  it('000: Lavrov mocks the Western ministers as cowards', (t) => {
    const s = seed('000_137c3e86b20ae057.txt', '2024-01-28');
    if (!s) return t.skip('seeds absent');
    const lavrov = s.article.statements.find(
      (x) => x.speaker?.person === 'Sergey Lavrov' && /cowards/.test(x.content.text),
    );
    assert.ok(lavrov, list(s.article));
    assert.equal(lavrov.kind, 'reported');
  });

  it('001: Blinken accuses Russia and Lavrov accuses the West, each statement linked to its event', (t) => {
    const s = seed('001_3bddc94c33fac07e.txt', '2024-12-05');
    if (!s) return t.skip('seeds absent');
    const a = s.article;
    for (const [person, target] of [
      ['Antony Blinken', 'RUS'],
      ['Sergey Lavrov', 'WST'],
    ] as const) {
      const st = a.statements.find(
        (x) =>
          x.speaker?.person === person && /accuse/.test(x.cue.text) && x.about.some((y) => y.key === target),
      );
      assert.ok(st, `${person} accuses ${target}\n${list(a)}`);
      const events = a.events.filter((e) => st.events.includes(e.id));
      assert.ok(events.length > 0, `the accusation by ${person} is an event`);
      for (const e of events) {
        assert.equal(e.statement, st.id);
        assert.equal(e.source.key, st.speaker?.key);
      }
    }
  });
});
