/**
 * Attribution gold in brat standoff format (PolNeAR) and its scoring: speaker, cue and content,
 * exact and overlapping, and all three together.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { CodedStatement } from '../src/coder/types.js';
import {
  attributionTable,
  normalise,
  predictedFromStatements,
  scoreAttributionDoc,
  summariseAttributions,
} from '../src/eval/attribution.js';
import { attributionDoc, dateFromName, isBratGold, parseAnn, readBratGold } from '../src/eval/brat.js';
import { sharedCoder, sharedPath } from './helpers.js';

const TEXT = 'Obama says Trump modeling policies on Putin. "We will win," Trump said, "believe me."';
const ANN = [
  'T1\tSource 0 5\tObama',
  'T2\tCue 6 10\tsays',
  'T3\tContent 11 43\tTrump modeling policies on Putin',
  'T4\tAttribution 6 10\tsays',
  'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1',
  'T5\tContent 45 59;72 85\t"We will win," "believe me."',
  'T6\tSource 60 65\tTrump',
  'T7\tCue 66 70\tsaid',
  'T8\tAttribution 66 70\tsaid',
  'E2\tAttribution:T8 Cue:T7 Source:T6 Content:T5',
  'T9\tDiscuss 0 4\tObam',
  '#1\tAnnotatorNotes T1\tnot scored',
].join('\n');

const statement = (
  speaker: [number, number] | null,
  cue: [number, number],
  parts: [number, number][],
): CodedStatement => ({
  id: 'x',
  speaker: null,
  cue: { text: TEXT.slice(...cue), span: cue },
  content: { text: '', span: [parts[0]?.[0] ?? 0, parts[parts.length - 1]?.[1] ?? 0] },
  kind: 'reported',
  about: [],
  tone: 0,
  sentence: 0,
  events: [],
  ...(speaker ? { speakerPhrase: { text: TEXT.slice(...speaker), span: speaker } } : {}),
  ...(parts.length > 1 ? { contentParts: parts } : {}),
});

describe('brat standoff reader', () => {
  it('reads text-bound spans, discontinuous fragments and attribution events', () => {
    const { spans, relations } = parseAnn(ANN);
    assert.deepEqual(spans.get('T5')?.fragments, [
      [45, 59],
      [72, 85],
    ]);
    assert.equal(relations.length, 2);
    const doc = attributionDoc('a_ef2d', 'a', TEXT, ANN);
    assert.equal(doc.attributions.length, 2);
    assert.deepEqual(doc.attributions[1]?.source, [[60, 65]]);
    assert.equal(doc.spans.cue.length, 2);
    assert.equal(doc.mismatches, 0);
  });

  it('reads attributions without a source and spans that do not fit their text', () => {
    const ann =
      'T1\tCue 6 10\tsays\nT2\tContent 11 16\tTrump\nE1\tAttribution-no-source:T1 Cue:T1 Content:T2\nT3\tSource 0 5\tBiden';
    const doc = attributionDoc('b', 'b', TEXT, ann);
    assert.equal(doc.attributions[0]?.source, null);
    assert.equal(doc.mismatches, 1);
    assert.throws(() => parseAnn('T1\tSource zero five\tx', 'f.ann'), /f\.ann:1: malformed/);
  });

  it('dates a document from its file name, else mid-October 2016', () => {
    assert.equal(dateFromName('breitbart_2016-10-12_washington-post-backs'), '2016-10-12');
    assert.equal(dateFromName('some-article'), null);
    assert.equal(attributionDoc('x', 'no-date', TEXT, '').published, '2016-10-15');
  });

  it('finds the texts of per-annotator .ann files in text/ beside attributions/', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-brat-'));
    mkdirSync(join(dir, 'text'));
    mkdirSync(join(dir, 'attributions'));
    writeFileSync(join(dir, 'text', 'news_2016-11-01_x.txt'), TEXT);
    writeFileSync(join(dir, 'attributions', 'news_2016-11-01_x_ab12.ann'), ANN);
    writeFileSync(join(dir, 'attributions', 'news_2016-11-01_x_cd34.ann'), ANN);
    assert.ok(isBratGold(dir));
    const docs = readBratGold(dir);
    assert.equal(docs.length, 2);
    assert.equal(docs[0]?.textId, 'news_2016-11-01_x');
    assert.equal(docs[0]?.published, '2016-11-01');
    assert.equal(readBratGold(join(dir, 'attributions', 'news_2016-11-01_x_ab12.ann')).length, 1);
    assert.throws(() => readBratGold(join(dir, 'missing')), /no such file/);
  });
});

describe('attribution scoring', () => {
  it('trims punctuation, quote marks and a leading "that" for exact matches', () => {
    const t = 'He said that “we will win,” today.';
    assert.deepEqual(normalise(t, [[8, 27]]), [14, 25]);
  });

  it('scores speaker, cue and content exact and overlapping, and whole attributions', () => {
    const doc = attributionDoc('a', 'a', TEXT, ANN);
    const predicted = predictedFromStatements(TEXT, [
      // Exact on all three.
      statement([0, 5], [6, 10], [[11, 43]]),
      // Overlapping: speaker and cue exact, only the first part of the split quote.
      statement([60, 65], [66, 70], [[46, 57]]),
      // A false alarm.
      statement([11, 16], [17, 25], [[26, 43]]),
    ]);
    const r = scoreAttributionDoc(doc, predicted);
    assert.deepEqual(r.parts.speaker.exact, { tp: 2, fp: 1, fn: 0 });
    assert.deepEqual(r.parts.cue.overlap, { tp: 2, fp: 1, fn: 0 });
    assert.deepEqual(r.parts.content.exact, { tp: 1, fp: 2, fn: 1 });
    // The third prediction's content overlaps the first gold content, but that one is taken.
    assert.deepEqual(r.parts.content.overlap, { tp: 2, fp: 1, fn: 0 });
    assert.deepEqual(r.joint.exact, { tp: 1, fp: 2, fn: 1 });
    assert.deepEqual(r.joint.overlap, { tp: 2, fp: 1, fn: 0 });
    assert.equal(r.misses.length, 0);
    assert.equal(r.falseAlarms.length, 1);
    const s = summariseAttributions([r]);
    assert.equal(s.parts.joint.overlap.precision, 2 / 3);
    assert.equal(s.parts.joint.overlap.recall, 1);
    assert.match(attributionTable(s), /\| speaker\+cue\+content \| 2 \| 3 \|/);
  });

  it('needs the speaker too: a missing speaker only matches a gold attribution without one', () => {
    const doc = attributionDoc('a', 'a', TEXT, ANN);
    const r = scoreAttributionDoc(doc, predictedFromStatements(TEXT, [statement(null, [6, 10], [[11, 43]])]));
    assert.equal(r.joint.overlap.tp, 0);
    assert.equal(r.misses.length, 2);
  });
});

describe('PolNeAR test split', () => {
  it('reads all 94 annotations cleanly and reaches the issue target of 0.50 overlap F1', (t) => {
    const dir = sharedPath('eval', 'polnear-test');
    if (!dir) return t.skip('../shared absent');
    const docs = readBratGold(dir);
    assert.equal(docs.length, 94);
    assert.equal(new Set(docs.map((d) => d.textId)).size, 84);
    assert.equal(
      docs.reduce((n, d) => n + d.mismatches, 0),
      0,
    );
    const coder = sharedCoder();
    const coded = new Map<string, CodedStatement[]>();
    const results = docs.map((d) => {
      let s = coded.get(d.textId);
      if (!s) {
        s = coder.code({ id: d.textId, text: d.text, published: d.published }).statements;
        coded.set(d.textId, s);
      }
      return scoreAttributionDoc(d, predictedFromStatements(d.text, s));
    });
    const scores = summariseAttributions(results);
    assert.ok(scores.parts.joint.overlap.f1 >= 0.5, attributionTable(scores));
  });
});
