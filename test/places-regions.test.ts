import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  NO_ADMIN_REGION_RULES,
  selectAdminRegions,
  type AdminRegionContext,
  packageRegions,
  type PackageRegion,
} from '../src/dictionaries/admin-regions.js';
import { compileDictionary, type Country, type DictionarySources } from '../src/dictionaries/compile.js';
import { NO_LEXICON } from '../src/dictionaries/lexicon.js';
import { compiledDictionaryPath } from '../src/dictionaries/load.js';
import { createTokenizer } from '../src/dictionaries/tokenizer.js';
import type { CompiledDictionary } from '../src/dictionaries/types.js';
import { code } from './helpers.js';

const country = (
  iso3: string,
  iso2: string,
  name: string,
  capital: string,
  demonyms: string[] = [],
): Country => ({
  iso3,
  iso2,
  name,
  aliases: [],
  demonyms,
  capital,
  metonyms: [],
});

const countries = [
  country('USA', 'US', 'United States', 'Washington'),
  country('GEO', 'GE', 'Georgia', 'Tbilisi'),
  country('IND', 'IN', 'India', 'New Delhi'),
  country('PAK', 'PK', 'Pakistan', 'Islamabad'),
  country('RUS', 'RU', 'Russia', 'Moscow'),
  country('MMR', 'MM', 'Myanmar', 'Naypyidaw'),
  country('NGA', 'NG', 'Nigeria', 'Abuja'),
  country('GBR', 'GB', 'United Kingdom', 'London'),
];

const state = (name: string, countryCode: string): PackageRegion => ({ name, countryCode });

const context: AdminRegionContext = {
  countries,
  organizations: [],
  persons: [],
  cities: [{ name: 'Kursk', country: 'RU', population: 440_000 }],
  rules: { ...NO_ADMIN_REGION_RULES, common_words: ['chin'], generic_words: ['central', 'rivers'] },
};

/** A dictionary with only the test countries and the given package and curated regions. */
function compileRegions(
  adminRegions: DictionarySources['adminRegions'],
  regions: DictionarySources['regions'],
) {
  const sources: DictionarySources = {
    countries,
    organizations: [],
    persons: [],
    roles: [],
    verbs: [],
    cameo: [],
    memberships: [],
    places: [],
    adminRegionRules: NO_ADMIN_REGION_RULES,
    lexicon: NO_LEXICON,
    adminRegions,
    regions,
    cities: [],
  };
  return compileDictionary(sources, createTokenizer(), 'test');
}

describe('places: administrative regions from the data package', () => {
  const { regions, skipped } = selectAdminRegions(
    [
      state('South Carolina', 'US'),
      state('Georgia', 'US'),
      state('Washington', 'US'),
      state('Punjab', 'IN'),
      state('Punjab', 'PK'),
      state('Kursk Oblast', 'RU'),
      state('Chin State', 'MM'),
      state('Central', 'NG'),
      state('Rivers', 'NG'),
    ],
    context,
  );
  const kept = (name: string) => regions.find((r) => r.name === name);
  const reason = (name: string) => skipped.filter((s) => s.name === name).map((s) => s.reason);

  it('keeps a US state under its own name', () => {
    assert.deepEqual(kept('South Carolina')?.names, ['South Carolina']);
    assert.equal(kept('South Carolina')?.country, 'USA');
  });

  it('skips names that another country owns or several countries share', () => {
    assert.deepEqual(reason('Georgia'), ['is the country GEO']);
    assert.deepEqual(reason('Punjab'), ['name used in several countries', 'name used in several countries']);
    assert.deepEqual(reason('Central'), ['only generic words (compass points, landforms)']);
    assert.deepEqual(reason('Rivers'), ['only generic words (compass points, landforms)']);
  });

  it('keeps a region named like its own city or capital, or like a common word, only behind its region word', () => {
    assert.deepEqual(kept('Kursk Oblast')?.names, ['Kursk Oblast']);
    assert.deepEqual(kept('Kursk Oblast')?.stems, ['kursk']);
    assert.deepEqual(kept('Washington')?.names, []);
    assert.deepEqual(kept('Washington')?.stems, ['washington']);
    assert.deepEqual(kept('Chin State')?.names, []);
    assert.deepEqual(kept('Chin State')?.stems, ['chin']);
  });

  it("reads the package's countries and writes its names as news does", () => {
    const flat = packageRegions([
      { countryShortCode: 'GB', regions: [{ name: 'Bristol, City of', shortCode: 'BST' }] },
      { countryShortCode: 'RU', regions: [{ name: 'Sakha (Yakutia) Republic', shortCode: 'SA' }] },
    ]);
    assert.deepEqual(flat, [
      { name: 'Bristol, City of', countryCode: 'GB' },
      { name: 'Sakha (Yakutia) Republic', countryCode: 'RU' },
    ]);
    const names = selectAdminRegions(flat, context).regions.map((r) => r.name);
    assert.deepEqual(names, ['Bristol', 'Sakha Republic']);
  });

  it('gives a package region no coordinates of its own', () => {
    const dict = compileRegions([{ name: 'Sindh', country: 'PAK', names: ['Sindh'], stems: ['sindh'] }], []);
    assert.equal(dict.places['sindh']?.country, 'PAK');
    assert.equal(dict.places['sindh']?.lat, null);
    assert.equal(dict.places['sindh']?.lon, null);
    assert.equal(dict.regionStems['sindh']?.lat, null);
  });

  it('lets a regions.yaml entry override a package region of the same name', () => {
    const dict = compileRegions(
      [{ name: 'Kursk Oblast', country: 'RUS', names: ['Kursk Oblast'], stems: ['kursk'] }],
      [{ name: 'Kursk Region', aliases: ['Kursk Oblast'], country: 'RUS', lat: 51.7, lon: 36.2 }],
    );
    assert.equal(dict.places['kursk oblast']?.name, 'Kursk Region');
    assert.equal(dict.places['kursk oblast']?.lat, 51.7);
    assert.equal(dict.regionStems['kursk']?.name, 'Kursk Region');
  });
});

describe('places: regions in coded text', () => {
  it('places an event in a US state the curated list does not name', () => {
    const [e] = code('US police arrested protesters in South Carolina.').events;
    assert.equal(e?.place?.name, 'South Carolina');
    assert.equal(e?.place?.country, 'USA');
  });

  it('reads "the Voronezh region" as the oblast and its state as the location-target', () => {
    const [e] = code('Ukrainian drones attacked an oil depot in the Voronezh region.').events;
    assert.equal(e?.place?.name, 'Voronezh Oblast');
    assert.equal(e?.place?.country, 'RUS');
    assert.equal(e?.target?.key, 'RUS');
    // The package has no coordinates and the region gets none rather than its country's centre.
    assert.equal(e?.place?.lat, null);
    assert.equal(e?.place?.lon, null);
    assert.equal(
      code('Pakistani police detained protesters in Sindh province.').events[0]?.place?.name,
      'Sindh',
    );
  });

  it('leaves out package regions whose name news mostly uses for a company or a person', () => {
    const { places } = JSON.parse(readFileSync(compiledDictionaryPath(), 'utf8')) as CompiledDictionary;
    const leftOut = {
      berkshire: 'GBR',
      vale: 'GGY',
      freeport: 'BHS',
      mersch: 'LUX',
      clare: 'IRL',
      'armed forces pacific': 'USA',
    };
    for (const [name, region] of Object.entries(leftOut))
      assert.notEqual(places[name]?.country, region, name);
  });

  it('leaves a name shared by two states unplaced', () => {
    const [e] = code('Indian police arrested protesters in Punjab.').events;
    assert.equal(e?.place ?? null, null);
  });

  it('prefers the curated entry where both layers name a region', () => {
    assert.equal(
      code('Ukrainian drones attacked an oil depot in Kursk Oblast.').events[0]?.place?.name,
      'Kursk Region',
    );
  });

  it('reads a direction word that begins a name as part of it ("South Sudan", "East Azerbaijan")', () => {
    assert.equal(code('US troops killed militants in South Sudan.').events[0]?.place?.country, 'SSD');
    assert.equal(
      code('Iranian police arrested protesters in East Azerbaijan.').events[0]?.place?.country,
      'IRN',
    );
  });
});
