/**
 * Queries over a store filled with known events: filters, dyad series, actors, statements, paging;
 * on every backend (PostgreSQL when PARLEY_TEST_PG_URL is set).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dyadSeries, dyadTotal } from '../src/analysis/dyad-series.js';
import { periodOf } from '../src/analysis/periods.js';
import type { EventFilter, Store } from '../src/store/store.js';
import { dropPgDatabases, freshStore, storeBackends, type StoreBackend } from './store-backends.js';
import { actor, codedArticle, statement } from './store-fixtures.js';

const ISTANBUL = { name: 'Istanbul', country: 'TUR', lat: 41.01, lon: 28.97 };

async function filledStore(backend: StoreBackend): Promise<Store> {
  const store = await freshStore(backend);
  await store.save(
    codedArticle('feb', '2024-02-10', [
      { source: 'USA', target: 'RUS', cameo: '112', quad: 3, goldstein: -2, person: 'Antony Blinken' },
      { source: 'RUS', target: 'USA', cameo: '111', quad: 3, goldstein: -2 },
      { source: 'RUS', target: 'UKR', cameo: '190', quad: 4, goldstein: -10 },
    ]),
  );
  await store.save(
    codedArticle('mar', '2024-03-05', [
      { source: 'USA', target: 'RUS', cameo: '042', quad: 1, goldstein: 1.9, place: ISTANBUL },
      { source: 'USA', target: 'RUS', cameo: '0841', quad: 2, goldstein: 7, date: '2024-03-04' },
      { source: 'RUS', target: 'USA', cameo: '190', quad: 4, goldstein: -10, negated: true },
      { source: 'CHN', target: null, cameo: '010', quad: 1, goldstein: 0 },
    ]),
  );
  const lavrov = actor('RUS', [0, 6], 'Sergey Lavrov');
  await store.save(
    codedArticle(
      'apr',
      '2024-04-01',
      [{ source: 'TUR', target: 'WST', cameo: '036', quad: 1, goldstein: 4 }],
      {
        statements: [
          statement('apr', 1, lavrov, ['USA', 'WST'], 'the West is afraid'),
          statement('apr', 2, actor('USA', [0, 3]), ['RUS'], 'talks will go on'),
        ],
      },
    ),
  );
  return store;
}

after(dropPgDatabases);

for (const backend of storeBackends()) {
  describe(`store queries on ${backend.name}`, () => {
    let store: Store;
    before(async () => {
      store = await filledStore(backend);
    });
    after(() => store.close());
    const ids = async (f: EventFilter) => (await store.events(f)).map((e) => e.id);

    it('resolves actor keys, names and free text', async () => {
      assert.deepEqual(await store.resolveActor('RUS'), { keys: ['RUS'] });
      assert.deepEqual(await store.resolveActor('rus'), { keys: ['RUS'] });
      assert.deepEqual(await store.resolveActor('Russia'), { keys: ['RUS'] });
      assert.deepEqual(await store.resolveActor('Blinken'), { name: 'Blinken' });
    });

    it('filters events by actor, dyad, code, root, quad, dates, place, text and negation', async () => {
      assert.equal((await store.events({})).length, 8);
      assert.deepEqual(await ids({ actor: { keys: ['UKR'] } }), ['feb#e3']);
      assert.deepEqual(await ids({ actor: { name: 'blinken' } }), ['feb#e1']);
      assert.deepEqual(await ids({ dyad: [['USA'], ['RUS']], directed: true }), [
        'feb#e1',
        'mar#e2',
        'mar#e1',
      ]);
      assert.equal((await ids({ dyad: [['USA'], ['RUS']] })).length, 5);
      assert.deepEqual(await ids({ codes: ['08'] }), ['mar#e2']);
      assert.deepEqual(await ids({ codes: ['11'] }), ['feb#e1', 'feb#e2']);
      assert.deepEqual(await ids({ roots: ['19'] }), ['feb#e3', 'mar#e3']);
      assert.deepEqual(await ids({ quads: [1, 2], actor: { keys: ['USA'] } }), ['mar#e2', 'mar#e1']);
      assert.deepEqual(await ids({ from: '2024-03-05', to: '2024-03-31' }), ['mar#e1', 'mar#e3', 'mar#e4']);
      assert.deepEqual(await ids({ place: 'istanbul' }), ['mar#e1']);
      assert.deepEqual(await ids({ place: 'TUR' }), ['mar#e1']);
      assert.deepEqual(await ids({ text: 'ACTED0841' }), ['mar#e2']);
      assert.equal((await ids({ includeNegated: false })).length, 7);
      assert.deepEqual(await ids({ articleId: 'apr' }), ['apr#e1']);
      assert.equal((await store.events({}, 2)).length, 2);
    });

    it('pages through every event in the same order as the list', async () => {
      const paged: string[] = [];
      for await (const e of store.eachEvent({})) paged.push(e.id);
      assert.deepEqual(paged, await ids({}));
    });

    it('counts a dyad per day, quad class and direction, leaving negated events out', async () => {
      const days = await store.dyadDays(['USA'], ['RUS']);
      assert.equal(
        days.reduce((n, d) => n + d.count, 0),
        4,
      );
      const months = dyadSeries(days, 'month');
      assert.deepEqual(
        months.map((m) => [m.period, m.count, m.goldsteinSum, m.goldsteinMean, m.quads, m.ab, m.ba]),
        [
          ['2024-02', 2, -4, -2, [0, 0, 2, 0], 1, 1],
          ['2024-03', 2, 8.9, 4.45, [1, 1, 0, 0], 2, 0],
        ],
      );
      assert.equal(dyadTotal(months).count, 4);
      const directed = await store.dyadDays(['RUS'], ['USA'], { directed: true });
      assert.deepEqual(
        directed.map((d) => [d.date, d.direction, d.count]),
        [['2024-02-10', 'ab', 1]],
      );
      assert.deepEqual(
        dyadSeries(days, 'week').map((w) => w.period),
        ['2024-02-05', '2024-03-04'],
      );
    });

    it('names weeks by their Monday and months by YYYY-MM', () => {
      assert.equal(periodOf('2024-03-10', 'week'), '2024-03-04'); // a Sunday
      assert.equal(periodOf('2024-03-04', 'week'), '2024-03-04');
      assert.equal(periodOf('2025-01-01', 'week'), '2024-12-30');
      assert.equal(periodOf('2024-03-10', 'month'), '2024-03');
      assert.equal(periodOf('2024-03-10', 'day'), '2024-03-10');
    });

    it('ranks actors by events and counts their articles and mentions', async () => {
      const actors = await store.actorActivity();
      const usa = actors.find((a) => a.key === 'USA');
      assert.deepEqual(actors[0]?.key, 'RUS');
      assert.equal(actors[0]?.name, 'Russia');
      assert.deepEqual(
        usa && [usa.asSource, usa.asTarget, usa.articles],
        [3, 1, 2],
        'negated events are not counted',
      );
      assert.equal((await store.actorActivity({ limit: 2 })).length, 2);
      const march = await store.actorActivity({ from: '2024-03-01', to: '2024-03-31' });
      assert.equal(march.find((a) => a.key === 'UKR')?.events ?? 0, 0);
    });

    it('finds statements by speaker and by the actors they are about', async () => {
      const bySpeaker = await store.statements({ speaker: { name: 'lavrov' } });
      assert.deepEqual(
        bySpeaker.map((s) => s.content.text),
        ['the West is afraid'],
      );
      assert.deepEqual(
        bySpeaker[0]?.about.map((a) => a.key),
        ['USA', 'WST'],
      );
      assert.equal(
        (await store.statements({ speaker: { keys: ['RUS'] }, about: { keys: ['WST'] } })).length,
        1,
      );
      assert.equal((await store.statements({ about: { keys: ['RUS'] } }))[0]?.id, 'apr#s2');
      assert.equal((await store.statements({ about: { name: 'the west' } })).length, 1);
      assert.equal((await store.statements({ speaker: { keys: ['CHN'] } })).length, 0);
      assert.equal((await store.statements({ from: '2024-05-01' })).length, 0);
    });

    it('iterates every article with its events, statements and actors', async () => {
      const seen: string[] = [];
      for await (const v of store.eachArticle())
        seen.push(`${v.article.id}:${v.events.length}:${v.statements.length}`);
      assert.deepEqual(seen, ['apr:1:2', 'feb:3:0', 'mar:4:0']);
      const march: string[] = [];
      for await (const v of store.eachArticle({ from: '2024-03-01', to: '2024-03-31' }))
        march.push(v.article.id);
      assert.deepEqual(march, ['mar']);
    });
  });
}
