/**
 * Exports: the GDELT 2.0 Events TSV checked against the GDELT schema (61 tab-separated columns,
 * numeric columns that parse, the same width as a real GDELT export), CSV and JSONL.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { EVENT_CSV_HEADER } from '../src/analysis/export/csv.js';
import { exportLines, type ExportFormat } from '../src/analysis/export/export.js';
import { GDELT_COLUMNS, GDELT_COLUMN_NAMES } from '../src/analysis/export/gdelt-columns.js';
import { fractionDate, globalEventId } from '../src/analysis/export/gdelt-row.js';
import { articleInputSchema } from '../src/ingest/article-schema.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import type { Store } from '../src/store/store.js';
import { sharedPath } from './helpers.js';
import { codedArticle, tempDb } from './store-fixtures.js';

let store: Store;
const countries = new Map([
  ['TUR', 'Turkey'],
  ['MLT', 'Malta'],
  ['USA', 'United States'],
]);

before(async () => {
  store = await openSqliteStore(tempDb());
  await store.save(
    codedArticle(
      'a1',
      '2024-12-05',
      [
        {
          source: 'USA',
          target: 'RUS',
          cameo: '112',
          quad: 3,
          goldstein: -2,
          person: 'Antony Blinken',
          place: { name: 'Istanbul', country: 'TUR', lat: 41.01, lon: 28.97 },
        },
        {
          source: 'RUS',
          target: 'WST',
          cameo: '0841',
          quad: 2,
          goldstein: 7,
          place: { name: 'Malta', country: 'MLT', lat: 35.9, lon: 14.5 },
        },
        { source: 'RUS', target: null, cameo: '010', quad: 1, goldstein: 0, date: '2024-11-30' },
        { source: 'RUS', target: 'UKR', cameo: '190', quad: 4, goldstein: -10, negated: true },
      ],
      { url: 'https://news.test/a1?x=1\tand tab', text: 'A headline\n' },
    ),
  );
  await store.save(
    codedArticle('a2', '2025-02-27', [
      { source: 'USA', target: 'RUS', cameo: '043', quad: 1, goldstein: 2.8 },
    ]),
  );
});
after(() => store.close());

async function lines(format: ExportFormat): Promise<string[]> {
  const out: string[] = [];
  for await (const l of exportLines(store, { format, countries })) out.push(l);
  return out;
}

describe('GDELT export', () => {
  it('writes 61 tab-separated columns per event, with numbers where GDELT has numbers', async () => {
    assert.equal(GDELT_COLUMNS.length, 61);
    const rows = (await lines('gdelt')).map((l) => l.split('\t'));
    assert.equal(rows.length, 4, 'negated events are not exported');
    for (const row of rows) {
      assert.equal(row.length, 61);
      GDELT_COLUMNS.forEach(([name, type], i) => {
        const cell = row[i] ?? '';
        if (cell === '' || type === 'STRING') return;
        const n = Number(cell);
        assert.ok(Number.isFinite(n), `${name} = "${cell}" is not a number`);
        if (type === 'INTEGER') assert.ok(Number.isInteger(n), `${name} = "${cell}" is not an integer`);
      });
    }
    const col = (row: string[], name: string) => row[GDELT_COLUMN_NAMES.indexOf(name)];
    const [first, second, third] = rows as [string[], string[], string[]];
    assert.equal(col(first, 'SQLDATE'), '20241205');
    assert.equal(col(first, 'MonthYear'), '202412');
    assert.equal(col(first, 'Year'), '2024');
    assert.equal(col(first, 'FractionDate'), '2024.9178');
    assert.equal(col(first, 'Actor1Code'), 'USAGOV');
    assert.equal(col(first, 'Actor1Name'), 'ANTONY BLINKEN');
    assert.equal(col(first, 'Actor1CountryCode'), 'USA');
    assert.equal(col(first, 'Actor1Type1Code'), 'GOV');
    assert.equal(col(first, 'Actor2Code'), 'RUS');
    assert.equal(col(first, 'EventCode'), '112');
    assert.equal(col(first, 'EventRootCode'), '11');
    assert.equal(col(first, 'QuadClass'), '3');
    assert.equal(col(first, 'GoldsteinScale'), '-2.0');
    assert.equal(col(first, 'NumMentions'), '1');
    assert.equal(col(first, 'ActionGeo_Type'), '4');
    assert.equal(col(first, 'ActionGeo_FullName'), 'Istanbul, Turkey');
    assert.equal(col(first, 'ActionGeo_CountryCode'), 'TU', 'FIPS, not ISO');
    assert.equal(col(first, 'ActionGeo_Lat'), '41.01');
    assert.match(col(first, 'DATEADDED') ?? '', /^\d{14}$/);
    assert.equal(col(first, 'SOURCEURL'), 'https://news.test/a1?x=1 and tab');
    assert.equal(col(second, 'EventBaseCode'), '084');
    assert.equal(col(second, 'ActionGeo_Type'), '1', 'a country');
    assert.equal(col(second, 'ActionGeo_CountryCode'), 'MT');
    assert.equal(col(third, 'SQLDATE'), '20241130', 'the event date, not the publication date');
    assert.equal(col(third, 'Actor2Code'), '');
    assert.equal(col(third, 'ActionGeo_Type'), '0', 'no place');
  });

  it('gives every event a stable integer id', async () => {
    const idsOf = async () => (await lines('gdelt')).map((l) => l.split('\t')[0]);
    const ids = await idsOf();
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual(await idsOf(), ids);
    assert.equal(String(globalEventId('a1', 'a1#e1')), ids[0]);
    assert.ok(Number.isSafeInteger(globalEventId('x', 'y')) && globalEventId('x', 'y') > 0);
    assert.equal(fractionDate('2018-10-24'), '2018.8055', 'as GDELT computes it');
  });

  it('has as many columns as a real GDELT 2.0 export and its column file', (t) => {
    const sample = sharedPath('reference', 'gdelt', '20191024143000.export.CSV');
    const header = sharedPath('reference', 'gdelt', 'GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv');
    if (!sample || !header) return t.skip('../shared/reference/gdelt is absent');
    const widths = new Set(
      readFileSync(sample, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split('\t').length),
    );
    assert.deepEqual([...widths], [61]);
    const names = readFileSync(header, 'utf8')
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((l) => l.split(',')[0]);
    assert.deepEqual(names, [...GDELT_COLUMN_NAMES]);
  });
});

describe('CSV and JSONL exports', () => {
  it('writes one CSV row per event under a header, quoting what needs quoting', async () => {
    const [header, ...rows] = await lines('csv');
    assert.equal(header, EVENT_CSV_HEADER.join(','));
    assert.equal(rows.length, 5);
    assert.ok(rows.every((r) => r.startsWith('a1,2024-12-05,') || r.startsWith('a2,2025-02-27,')));
    assert.ok(
      rows.some(
        (r) =>
          r.includes('"https://news.test/a1?x=1\tand tab"') ||
          r.includes('https://news.test/a1?x=1\tand tab'),
      ),
    );
  });

  it('writes one coded article per JSONL line that can be read back as an article', async () => {
    const out = (await lines('jsonl')).map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.deepEqual(
      out.map((a) => a.id),
      ['a1', 'a2'],
    );
    assert.equal((out[0]?.events as unknown[]).length, 4);
    for (const a of out) assert.ok(articleInputSchema.safeParse(a).success);
  });
});
