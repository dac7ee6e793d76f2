/**
 * Chooses which first-level administrative regions of the country-region-data package (MIT) become
 * place names, and under which forms. Pure: the build script reads the package and the dictionary
 * files.
 *
 * Precision comes first: a place name that fires wrongly puts events in the wrong state, so a
 * region is left out, or kept only behind its administrative word ("the Moscow region"), whenever
 * its bare name may mean something else.
 */
import type { z } from 'zod';
import type { adminRegionRulesSchema } from './schema.js';
import type { Country, Organization, Person } from './compile.js';
import { capitalsOf, withoutAccents } from './names.js';

export type AdminRegionRules = z.output<typeof adminRegionRulesSchema>;

export const NO_ADMIN_REGION_RULES: AdminRegionRules = {
  region_words: ['region', 'province', 'oblast', 'governorate', 'state', 'krai'],
  common_words: [],
  generic_words: [],
  ambiguous_names: [],
};

/** One country of country-region-data's data.json: region names and their ISO 3166-2 short codes. */
export interface PackageCountry {
  countryShortCode: string;
  regions: { name: string; shortCode?: string }[];
}

/** One region of the package with its country's ISO alpha-2 code. */
export interface PackageRegion {
  name: string;
  countryCode: string;
}

/** The package's countries flattened to one list of regions. The short codes ("CA", "TX") are not
 * taken as names: two letters are abbreviations in news text far more often than places. */
export const packageRegions = (countries: PackageCountry[]): PackageRegion[] =>
  countries.flatMap((c) => c.regions.map((r) => ({ name: r.name, countryCode: c.countryShortCode })));

/**
 * A region kept: `names` match on their own ("Sindh"), `stems` only before a region word ("Kursk
 * region"). It has no coordinates: the package gives none, and the country's centre would put a
 * point on the map hundreds of kilometres from the region, so coded places name the region and its
 * state with `lat`/`lon` null.
 */
export interface AdminRegion {
  name: string;
  country: string;
  names: string[];
  stems: string[];
}

export interface SkippedRegion {
  name: string;
  country: string;
  reason: string;
}

export interface AdminRegionContext {
  countries: Country[];
  organizations: Organization[];
  persons: Person[];
  /** The city gazetteer the regions join; country as ISO alpha-2 or alpha-3. */
  cities: { name: string; country: string; population: number }[];
  rules: AdminRegionRules;
}

/**
 * A foreign city at least this big is what news means by the name (Savannah, Bari, Aurora, Surrey
 * rather than regions of Ghana, Somalia, the Philippines, the UK); a smaller town is not (Virginia,
 * South Africa, pop. 66,000, gives way to the US state).
 */
const FOREIGN_CITY = 100_000;

/** Lower-case, accents off, single spaces: how names are compared. */
export const foldKey = (s: string) => withoutAccents(s).toLowerCase().replace(/\s+/g, ' ').trim();

/** The name without a trailing administrative word: "Kursk Oblast" -> "Kursk", "Sindh" -> "Sindh". */
export function stemOf(name: string, regionWords: readonly string[]): string {
  const words = name.trim().split(/\s+/);
  const last = words.at(-1)?.toLowerCase() ?? '';
  return words.length > 1 && regionWords.includes(last) ? words.slice(0, -1).join(' ') : name.trim();
}

export function selectAdminRegions(
  states: PackageRegion[],
  ctx: AdminRegionContext,
): { regions: AdminRegion[]; skipped: SkippedRegion[] } {
  const { rules } = ctx;
  const iso3Of = new Map(ctx.countries.flatMap((c) => (c.iso2 ? [[c.iso2, c.iso3] as const] : [])));
  const toIso3 = (code: string) => (code.length === 2 ? (iso3Of.get(code) ?? null) : code);

  // Country names and aliases resolve to the country before any place, so a region called "Georgia"
  // or "Niger" could only ever be read as the wrong state; a demonym ("in Somali waters") likewise.
  const countryOf = new Map<string, string>();
  for (const c of ctx.countries)
    for (const n of [c.name, ...c.aliases, ...c.demonyms]) countryOf.set(foldKey(n), c.iso3);
  const capitalOf = new Map<string, string>();
  for (const c of ctx.countries) {
    for (const n of capitalsOf(c)) capitalOf.set(foldKey(n), c.iso3);
  }
  const biggestCity = new Map<string, { country: string | null; population: number }>();
  for (const c of ctx.cities) {
    const key = foldKey(c.name);
    const prev = biggestCity.get(key);
    if (!prev || prev.population < c.population)
      biggestCity.set(key, { country: toIso3(c.country), population: c.population });
  }
  // People and organisations are actors; the same word as a place would make them a location.
  const actorNames = new Set<string>();
  for (const o of ctx.organizations) for (const n of [o.name, ...o.aliases]) actorNames.add(foldKey(n));
  for (const p of ctx.persons) {
    for (const n of [p.name, ...p.aliases, ...p.surnames, p.surname ?? p.name.split(/\s+/).at(-1) ?? ''])
      actorNames.add(foldKey(n));
  }
  const common = new Set(rules.common_words);
  const generic = new Set(rules.generic_words);
  const ambiguous = new Set(rules.ambiguous_names.map(foldKey));

  // A stem found in two countries (Punjab, Adamawa, "Eastern Province") cannot say which state.
  const countriesOfStem = new Map<string, Set<string>>();
  for (const s of states) {
    const stem = foldKey(stemOf(plainName(s.name), rules.region_words));
    (countriesOfStem.get(stem) ?? countriesOfStem.set(stem, new Set()).get(stem))?.add(s.countryCode);
  }

  const regions: AdminRegion[] = [];
  const skipped: SkippedRegion[] = [];
  for (const s of states) {
    const country = toIso3(s.countryCode);
    const skip = (reason: string) =>
      skipped.push({ name: s.name, country: country ?? s.countryCode, reason });
    if (!country) {
      skip('country code not in countries.yaml');
      continue;
    }
    const name = plainName(s.name);
    const stem = stemOf(name, rules.region_words);
    const stemKey = foldKey(stem);
    if ((countriesOfStem.get(stemKey)?.size ?? 0) > 1) {
      skip('name used in several countries');
      continue;
    }
    if (ambiguous.has(foldKey(name)) || ambiguous.has(stemKey)) {
      skip('listed as ambiguous in admin-regions.yaml');
      continue;
    }
    const stemWords = stemKey.split(/[\s-]+/);
    if (stemWords.every((w) => generic.has(w))) {
      skip('only generic words (compass points, landforms)');
      continue;
    }
    // "Chin", "Acre", "Most": the bare word is an ordinary word; "Chin State" is the region.
    const ordinaryWord = stemWords.every((w) => common.has(w) || generic.has(w));
    // Two-letter names are abbreviations in news text far more often than places.
    if (stemKey.replace(/[^\p{L}]/gu, '').length < 3) {
      skip('too short');
      continue;
    }

    // Each form is checked on its own: a clash with another country's name, capital or big city
    // drops the whole region (the name means that place); a clash with its own country's capital
    // or city keeps the city for the bare name (Irkutsk, Lagos: the state is named after it, so
    // the coded state is the same) and the region only behind its region word ("Lagos State").
    const judge = (form: string) => {
      const key = foldKey(form);
      const asCountry = countryOf.get(key);
      const asCapital = capitalOf.get(key);
      const asCity = biggestCity.get(key);
      const foreign =
        asCountry !== undefined && asCountry !== country
          ? `is the country ${asCountry}`
          : asCapital !== undefined && asCapital !== country
            ? `is the capital of ${asCapital}`
            : asCity && asCity.country !== country && asCity.population >= FOREIGN_CITY
              ? `is a city of ${asCity.country ?? '?'}`
              : null;
      const ownPlace = asCountry !== undefined || asCapital !== undefined || asCity?.country === country;
      return { form, foreign, bare: !ownPlace && !ordinaryWord && !actorNames.has(key) };
    };
    const verdicts = unique([name, stem].flatMap((n) => [n, withoutAccents(n)])).map(judge);
    const foreign = verdicts.find((v) => v.foreign !== null)?.foreign;
    if (foreign) {
      skip(foreign);
      continue;
    }
    const names = verdicts.filter((v) => v.bare).map((v) => v.form);
    regions.push({
      name,
      country,
      names,
      stems: unique([stemKey, stem.toLowerCase()]),
    });
  }
  return { regions, skipped };
}

/**
 * The name as news writes it: without the bracketed capital or other name ("Republic of Altai
 * (Gorno-Altaysk)", "Sakha (Yakutia) Republic"), and with the package's inverted UK names turned
 * round ("Bristol, City of" -> "Bristol", "Vale of Glamorgan, The" -> "Vale of Glamorgan").
 */
const plainName = (s: string) =>
  s
    .replace(/\s*\([^)]*\)\s*/g, ' ')
    .replace(/,\s*(?:the|city of|county)$/i, '')
    .replace(/\s+/g, ' ')
    .trim();
const unique = (xs: string[]) => [...new Set(xs)];
