/**
 * Event pages are found by date-ordered index walks merged with UNION ALL (source and target of an
 * actor, both directions of a dyad, a place's country and name). Whatever the walks, a page must
 * hold exactly the matching events, each once, in (date, article, position) order: checked here
 * against a plain filter in JavaScript over a generated store with many ties, self-directed
 * events, overlapping key sets and places that match by name and by country at once.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { EventFilter, Store } from '../src/store/store.js';
import { dropPgDatabases, freshStore, storeBackends } from './store-backends.js';
import { codedArticle, type EventSpec } from './store-fixtures.js';

const KEYS = ['USA', 'RUS', 'CHN', 'UKR', 'TUR'];
const PLACES = [
  { name: 'Istanbul', country: 'TUR', lat: 41, lon: 29 },
  { name: 'Kyiv', country: 'UKR', lat: 50, lon: 30 },
  // A place whose name is also a country key: matched both ways, kept once.
  { name: 'Tur', country: 'TUR', lat: 0, lon: 0 },
  { name: 'Nowhere', country: null, lat: 0, lon: 0 },
];

interface Expected {
  id: string;
  articleId: string;
  seq: number;
  spec: EventSpec;
}

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(): { articles: ReturnType<typeof codedArticle>[]; events: Expected[] } {
  const next = random(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] as T;
  const articles: ReturnType<typeof codedArticle>[] = [];
  const events: Expected[] = [];
  // Over 2,000 events: eachEvent reads pages of 2,000, so its keyset continuation is exercised.
  for (let a = 0; a < 800; a++) {
    const id = `art-${String(a).padStart(3, '0')}`;
    const specs: EventSpec[] = [];
    for (let i = 0, n = 1 + Math.floor(next() * 5); i < n; i++) {
      const source = pick(KEYS);
      const roll = next();
      const target = roll < 0.15 ? null : roll < 0.25 ? source : pick(KEYS);
      const quad = pick([1, 2, 3, 4] as const);
      specs.push({
        source,
        target,
        cameo: pick(['010', '036', '042', '112', '173', '190']),
        quad,
        goldstein: quad * 1.5 - 4,
        // Few days, so that many events share a date and order falls to article and position.
        date: `2024-01-0${1 + Math.floor(next() * 4)}`,
        negated: next() < 0.1,
        ...(next() < 0.6 ? { place: pick(PLACES) } : {}),
      } as EventSpec);
    }
    // The id in the text: articles with the same events would otherwise be duplicates, not stored.
    articles.push(codedArticle(id, '2024-01-05', specs, { text: `${id}\n` }));
    specs.forEach((spec, seq) => events.push({ id: `${id}#e${seq + 1}`, articleId: id, seq, spec }));
  }
  return { articles, events };
}

function matches(e: Expected, f: EventFilter): boolean {
  const s = e.spec;
  const t = s.target ?? null;
  if (f.actor && 'keys' in f.actor && !(f.actor.keys.includes(s.source) || (t && f.actor.keys.includes(t))))
    return false;
  if (f.dyad) {
    const [a, b] = f.dyad;
    const ab = a.includes(s.source) && t !== null && b.includes(t);
    const ba = b.includes(s.source) && t !== null && a.includes(t);
    if (!(ab || (!f.directed && ba))) return false;
  }
  if (f.quads && !f.quads.includes(s.quad)) return false;
  if (f.roots && !f.roots.includes(s.cameo.slice(0, 2))) return false;
  if (f.from && (s.date ?? '') < f.from) return false;
  if (f.to && (s.date ?? '') > f.to) return false;
  if (f.place) {
    const p = s.place;
    if (!p || (p.name.toLowerCase() !== f.place.toLowerCase() && p.country !== f.place.toUpperCase()))
      return false;
  }
  if (f.includeNegated === false && s.negated) return false;
  return true;
}

const inOrder = (x: Expected, y: Expected) =>
  (x.spec.date ?? '') < (y.spec.date ?? '')
    ? -1
    : (x.spec.date ?? '') > (y.spec.date ?? '')
      ? 1
      : x.articleId < y.articleId
        ? -1
        : x.articleId > y.articleId
          ? 1
          : x.seq - y.seq;

const FILTERS: EventFilter[] = [
  {},
  { actor: { keys: ['USA'] } },
  { actor: { keys: ['USA', 'RUS'] } },
  { actor: { keys: ['TUR'] }, quads: [3, 4], from: '2024-01-02' },
  { dyad: [['USA'], ['RUS']] },
  { dyad: [['USA'], ['RUS']], directed: true },
  { dyad: [['USA'], ['USA']] },
  {
    dyad: [
      ['USA', 'CHN'],
      ['CHN', 'RUS'],
    ],
  },
  { dyad: [['UKR'], ['RUS']], actor: { keys: ['UKR'] }, roots: ['19', '17'] },
  { place: 'TUR' },
  { place: 'tur' },
  { place: 'kyiv', includeNegated: false },
  { place: 'UKR', actor: { keys: ['RUS'] } },
  { actor: { keys: ['CHN'] }, to: '2024-01-02', includeNegated: false },
  { actor: { keys: [] } },
];

after(dropPgDatabases);

for (const backend of storeBackends())
  describe(`event pages from index walks on ${backend.name}`, () => {
    let store: Store;
    let all: Expected[];
    before(async () => {
      const { articles, events } = generate();
      all = events;
      store = await freshStore(backend);
      for (let i = 0; i < articles.length; i += 100) {
        const outcomes = await store.saveBatch(articles.slice(i, i + 100));
        assert.ok(outcomes.every((o) => o.status === 'new'));
      }
      assert.ok(all.length > 2000);
    });
    after(() => store.close());

    it('give exactly the matching events, once each, in date, article and position order', async () => {
      for (const f of FILTERS) {
        const expected = all.filter((e) => matches(e, f)).sort(inOrder);
        const ids = (await store.events(f)).map((e) => e.id);
        assert.deepEqual(
          ids,
          expected.map((e) => e.id),
          JSON.stringify(f),
        );
        if (f.actor && 'keys' in f.actor && f.actor.keys.length === 0) assert.equal(ids.length, 0);
        else assert.ok(ids.length > 5, `${JSON.stringify(f)} matches some events (${ids.length})`);
        const page = (await store.events(f, 7)).map((e) => e.id);
        assert.deepEqual(page, ids.slice(0, 7), `first page of ${JSON.stringify(f)}`);
      }
    });

    it('walk page by page (eachEvent) and start at a cursor (startAt) without gaps or repeats', async () => {
      for (const f of FILTERS) {
        const expected = all.filter((e) => matches(e, f)).sort(inOrder);
        const walked: string[] = [];
        for await (const e of store.eachEvent(f)) walked.push(e.id);
        assert.deepEqual(
          walked,
          expected.map((e) => e.id),
          JSON.stringify(f),
        );
        const middle = expected[Math.floor(expected.length / 2)];
        if (!middle) continue;
        const startAt = { date: middle.spec.date ?? '', articleId: middle.articleId };
        const after = (await store.events({ ...f, startAt })).map((e) => e.id);
        const from = expected.findIndex(
          (e) => e.spec.date === startAt.date && e.articleId === startAt.articleId,
        );
        assert.deepEqual(
          after,
          expected.slice(from).map((e) => e.id),
          `startAt in ${JSON.stringify(f)}`,
        );
      }
    });
  });
