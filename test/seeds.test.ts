/**
 * The five seed articles in ../shared/seeds are what Parley was made for: the events of
 * DESIGN.md's table must be found there, and the analysis piece must yield few events.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { CodedArticle } from '../src/coder/types.js';
import { sharedCoder, sharedPath } from './helpers.js';

function codeSeed(name: string, published: string): CodedArticle | null {
  const path = sharedPath('seeds', name);
  if (!path) return null;
  return sharedCoder().code({ id: name, text: readFileSync(path, 'utf8'), published });
}

const has = (
  a: CodedArticle,
  source: string,
  roots: string[],
  target: string | null,
  extra?: (e: CodedArticle['events'][number]) => boolean,
) =>
  a.events.some(
    (e) =>
      !e.negated &&
      e.source.key === source &&
      roots.includes(e.root) &&
      (target === null || e.target?.key === target) &&
      (extra ? extra(e) : true),
  );

const describeEvents = (a: CodedArticle) =>
  a.events.map((e) => `${e.source.code} ${e.cameo} ${e.target?.code ?? '-'} [${e.action.text}]`).join('; ');

describe('seeds', () => {
  it('Blinken and Lavrov at the OSCE in Malta: accusations both ways, placed in Malta', (t) => {
    const a = codeSeed('001_3bddc94c33fac07e.txt', '2024-12-05');
    if (!a) return t.skip('seeds absent');
    assert.ok(
      has(a, 'USA', ['11'], 'RUS', (e) => e.source.person === 'Antony Blinken'),
      describeEvents(a),
    );
    assert.ok(
      has(a, 'RUS', ['11'], 'WST', (e) => e.source.person === 'Sergey Lavrov'),
      describeEvents(a),
    );
    assert.ok(
      a.events.some((e) => e.place?.country === 'MLT'),
      'some event is placed in Malta',
    );
  });

  it('Lavrov taunts the Western ministers who avoided him', (t) => {
    const a = codeSeed('000_137c3e86b20ae057.txt', '2024-01-28');
    if (!a) return t.skip('seeds absent');
    assert.ok(
      a.events.some((e) => e.source.key === 'RUS' && ['11', '12', '13'].includes(e.root)),
      describeEvents(a),
    );
  });

  it('US and Russian diplomats meet in Istanbul with Turkey as go-between', (t) => {
    const a = codeSeed('002_a0e5b62de861db32.txt', '2025-02-27');
    if (!a) return t.skip('seeds absent');
    const meet = a.events.filter(
      (e) =>
        e.root === '04' &&
        ((e.source.key === 'USA' && e.target?.key === 'RUS') ||
          (e.source.key === 'RUS' && e.target?.key === 'USA')),
    );
    assert.ok(meet.length > 0, describeEvents(a));
    assert.ok(
      meet.some((e) => e.place?.country === 'TUR'),
      'the meeting is placed in Turkey',
    );
  });

  it('Russia will keep talking with the West while massing troops on the border', (t) => {
    const a = codeSeed('004_625579a92e5a1402.txt', '2022-01-17');
    if (!a) return t.skip('seeds absent');
    assert.ok(has(a, 'RUS', ['03'], 'WST'), describeEvents(a));
    assert.ok(has(a, 'RUS', ['15'], null), describeEvents(a));
  });

  it('the analysis piece on failing Western diplomacy yields few events', (t) => {
    const a = codeSeed('003_a35c5aa561179358.txt', '2023-06-01');
    if (!a) return t.skip('seeds absent');
    // About 1,600 words of commentary, FAQ headings and a "Characteristics Values" table.
    assert.ok(a.events.length <= 8, `${a.events.length} events: ${describeEvents(a)}`);
  });
});
