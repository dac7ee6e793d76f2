import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createCoder } from '../src/coder/index.js';
import { NO_ADMIN_REGION_RULES } from '../src/dictionaries/admin-regions.js';
import { caseMaskOf, compileDictionary } from '../src/dictionaries/compile.js';
import { NO_LEXICON } from '../src/dictionaries/lexicon.js';
import { loadDictionary, sourceDictionaryDir } from '../src/dictionaries/load.js';
import { readSources } from '../src/dictionaries/read-sources.js';
import { createTokenizer } from '../src/dictionaries/tokenizer.js';
import type { DictionarySources } from '../src/dictionaries/compile.js';

/** Sources with nothing in them, for tests that compile one kind of entry. */
const NO_SOURCES: DictionarySources = {
  countries: [],
  organizations: [],
  persons: [],
  regions: [],
  cities: [],
  roles: [],
  cameo: [],
  memberships: [],
  places: [],
  adminRegions: [],
  adminRegionRules: NO_ADMIN_REGION_RULES,
  lexicon: NO_LEXICON,
  verbs: [],
};

describe('dictionary build', () => {
  it('reports a broken entry with its file, line and field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-dict-'));
    mkdirSync(join(dir, 'persons'));
    writeFileSync(
      join(dir, 'persons', 'xyz.yaml'),
      [
        '- name: Good Person',
        '  roles:',
        '    - { country: USA, sector: GOV, title: Envoy, from: 2020-01-01 }',
        '- name: Bad Person',
        '  roles:',
        '    - { country: usa, sector: GOV, title: Envoy, from: 2020-01-01 }',
        '    - { country: FRA, sector: XXX, title: Envoy, from: 2021-02-30x }',
      ].join('\n'),
    );
    const problems: string[] = [];
    const sources = readSources(dir, problems);
    assert.equal(sources.persons.length, 1);
    assert.ok(
      problems.some((p) => /xyz\.yaml:6: roles\.0\.country: expected an ISO 3166-1 alpha-3 code/.test(p)),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => /xyz\.yaml:7: roles\.1\.sector/.test(p)),
      problems.join('\n'),
    );
  });

  it('reports YAML syntax errors with a line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-dict-'));
    writeFileSync(join(dir, 'roles.yaml'), '- sector: GOV\n  words: [minister\n- sector: MIL\n');
    const problems: string[] = [];
    readSources(dir, problems);
    assert.ok(problems.length > 0 && /roles\.yaml:\d+:/.test(problems[0] ?? ''), problems.join('\n'));
  });

  it('reports a broken lexicon entry or a missing word class with its file and line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-dict-'));
    const shipped = readFileSync(join(sourceDictionaryDir(), 'lexicon.yaml'), 'utf8');
    const broken = shipped
      .replace('travel_verbs: [arrive,', 'travel_verbs: [Arrive,')
      .replace(/^mass_killing_verbs:.*\n/m, '');
    writeFileSync(join(dir, 'lexicon.yaml'), broken);
    const line = broken.split('\n').findIndex((l) => l.startsWith('travel_verbs:')) + 1;
    const problems: string[] = [];
    const sources = readSources(dir, problems);
    assert.deepEqual(sources.lexicon, NO_LEXICON);
    assert.ok(
      problems.some((p) => p.includes(`lexicon.yaml:${line}: travel_verbs.0: expected a lower-case word`)),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => /lexicon\.yaml:1: mass_killing_verbs: missing/.test(p)),
      problems.join('\n'),
    );
  });

  it("adds a user's lexicon words to the classes it names", () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-dict-'));
    writeFileSync(join(dir, 'lexicon.yaml'), 'crowd_nouns: [mourners, mob]\n');
    const dict = loadDictionary([dir]);
    const shipped = loadDictionary();
    assert.deepEqual(dict.lexicon.crowd_nouns, [...shipped.lexicon.crowd_nouns, 'mourners']);
    assert.deepEqual(dict.lexicon.say_verbs, shipped.lexicon.say_verbs);
    // The coder's rules read the added word: a crowd's attack is a riot (145), not an assault (190).
    const text = 'Syrian mourners attacked the French embassy in Damascus on Monday.';
    const cameo = (d: typeof dict) =>
      createCoder({ dictionary: d })
        .code({ id: 't', text, published: '2024-12-05' })
        .events.map((e) => e.cameo);
    assert.deepEqual([cameo(shipped), cameo(dict)], [['190'], ['145']]);

    // A misspelt class is an error at its own line, not words silently ignored.
    writeFileSync(join(dir, 'lexicon.yaml'), 'crowd_nouns: [mourners]\ncrowd_noun: [wailers]\n');
    assert.throws(() => loadDictionary([dir]), /lexicon\.yaml:2: \(entry\): Unrecognized key: "crowd_noun"/);
  });

  it('marks acronyms as case-sensitive so "US" is not the pronoun "us"', () => {
    assert.equal(caseMaskOf(['US']), 'U');
    assert.equal(caseMaskOf(['the', 'West']), 'xC');
    assert.equal(caseMaskOf(['minister']), 'x');
  });

  it('gives places their English names, without accents too, and capitals their bare names', () => {
    const town = (name: string, country: string, population: number) => ({
      name,
      country,
      lat: 1,
      lon: 2,
      population,
    });
    const dict = compileDictionary(
      {
        ...NO_SOURCES,
        countries: [
          {
            iso3: 'USA',
            iso2: 'US',
            name: 'United States',
            capital: 'Washington',
            aliases: [],
            demonyms: [],
            metonyms: [],
          },
          { iso3: 'CHE', iso2: 'CH', name: 'Switzerland', aliases: [], demonyms: [], metonyms: [] },
        ],
        places: [
          town('Genève', 'CH', 183_981),
          town('Geneva', 'US', 21_806),
          town('Zürich', 'CH', 341_730),
          town('Washington', 'GB', 53_526),
          town('Washington', 'US', 24_299),
          town('Washington, D.C.', 'US', 601_723),
        ],
        cities: [{ name: 'Geneva', country: 'CHE', of: 'Genève', aliases: ['Genf'] }],
      },
      createTokenizer(),
      'test',
    );
    const at = (key: string) => [dict.places[key]?.name, dict.places[key]?.country];
    assert.deepEqual(at('geneva'), ['Geneva', 'CHE']);
    assert.deepEqual(at('genf'), ['Geneva', 'CHE']);
    assert.deepEqual(at('zurich'), ['Zürich', 'CHE']);
    assert.deepEqual(at('washington'), ['Washington, D.C.', 'USA']);
  });

  it('fails to compile a city name whose place the data lacks, naming the entry', () => {
    assert.throws(
      () =>
        compileDictionary(
          { ...NO_SOURCES, cities: [{ name: 'Atlantis', country: 'GRC', of: 'Atlantis', aliases: [] }] },
          createTokenizer(),
          'test',
        ),
      /cities\.yaml: Atlantis: the place data has no "Atlantis" in GRC/,
    );
  });

  it('compiles verb patterns with the most specific first', () => {
    const dict = compileDictionary(
      {
        ...NO_SOURCES,
        verbs: [
          {
            source: 'x',
            entries: [
              { code: '190', verbs: ['attack'], after: [], not_after: [] },
              { code: '163', verbs: ['impose'], after: ['sanctions'], not_after: [] },
              { code: '0234', verbs: ['call on'], after: [], not_after: [] },
            ],
          },
        ],
      },
      createTokenizer(),
      'test',
    );
    assert.deepEqual(
      dict.verbs.map((v) => [v.lemma, v.particle, v.id]),
      [
        ['impose', null, 'verbs/x#2'],
        ['call', 'on', 'verbs/x#3'],
        ['attack', null, 'verbs/x#1'],
      ],
    );
  });

  it('merges a person listed twice by name, but keeps namesakes with an `id` apart', () => {
    const role = (country: string, title: string, from: string) => ({
      country,
      sector: 'GOV' as const,
      title,
      from,
    });
    const person = (name: string, id: string | undefined, roles: ReturnType<typeof role>[]) => ({
      name,
      id,
      aliases: [],
      surnames: [],
      roles,
    });
    const dict = compileDictionary(
      {
        ...NO_SOURCES,
        persons: [
          person('Ann Example', undefined, [role('FRA', 'Foreign Minister', '2020-01-01')]),
          person('Ann Example', undefined, [role('FRA', 'Prime Minister', '2022-01-01')]),
          person('Bo Namesake', 'bo-aus', [role('AUS', 'Defence Minister', '2013-01-01')]),
          person('Bo Namesake', 'bo-can', [role('CAN', 'Governor General', '2010-01-01')]),
        ],
      },
      createTokenizer(),
      'test',
    );
    assert.deepEqual(
      dict.persons.map((p) => [p.name, p.roles.map((r) => r.country)]),
      [
        ['Ann Example', ['FRA', 'FRA']],
        ['Bo Namesake', ['AUS']],
        ['Bo Namesake', ['CAN']],
      ],
    );
  });

  it('ships every ISO state, the blocs and organisations named in the contract, and 800+ persons', () => {
    const dict = loadDictionary();
    const keys = new Set(dict.actors.map((a) => a.key));
    assert.ok(dict.actors.filter((a) => a.kind === 'country').length >= 240);
    for (const k of [
      'WST',
      'EUR',
      'AFR',
      'ASA',
      'MEA',
      'LAM',
      'UN',
      'NATO',
      'EU',
      'OSCE',
      'AU',
      'ASEAN',
      'G7',
      'G20',
      'IAEA',
      'WHO',
      'IMF',
      'WB',
      'ICC',
      'ICJ',
      'OPEC',
      'SCO',
      'BRICS',
      'ARAB',
      'GCC',
      'OAS',
      'WTO',
      'CSTO',
      'EAEU',
      'ECOWAS',
      'ICRC',
      'HAMAS',
      'HEZBOLLAH',
      'TALIBAN',
      'HOUTHIS',
      'ISIS',
      'ALQAEDA',
      'RSF',
      'M23',
      'PKK',
      'ALSHABAAB',
    ]) {
      assert.ok(keys.has(k), `missing actor key ${k}`);
    }
    assert.ok(dict.persons.length >= 800, `only ${dict.persons.length} persons`);
    const roots = new Set([...dict.verbs, ...dict.nouns].map((r) => r.code.slice(0, 2)));
    for (let r = 1; r <= 20; r++)
      assert.ok(roots.has(String(r).padStart(2, '0')), `no pattern reaches root ${r}`);
  });
});
