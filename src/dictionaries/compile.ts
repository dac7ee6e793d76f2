/**
 * Compiles validated dictionary sources into the lookup tables the coder runs on.
 * Pure: the caller reads and validates the files and supplies the tokenizer, so that
 * names are split exactly as the coder will split article text.
 */
import type { Sector } from '../coder/types.js';
import type {
  ActorEntry,
  CameoEntry,
  CompiledDictionary,
  NameHit,
  NameKind,
  NounRule,
  PersonEntry,
  PlaceEntry,
  VerbRule,
} from './types.js';
import type { z } from 'zod';
import { DictionaryError } from './dictionary-error.js';
import { capitalsOf, withoutAccents } from './names.js';
import { stemOf, type AdminRegion, type AdminRegionRules } from './admin-regions.js';
import type { LexiconWords } from './lexicon.js';
import type {
  cameoCodeSchema,
  citySchema,
  countrySchema,
  membershipSchema,
  regionSchema,
  organizationSchema,
  personSchema,
  roleGroupSchema,
  verbPatternSchema,
} from './schema.js';

export type Country = z.infer<typeof countrySchema>;
export type Organization = z.infer<typeof organizationSchema>;
export type Person = z.infer<typeof personSchema>;
export type RoleGroup = z.infer<typeof roleGroupSchema>;
export type VerbPattern = z.infer<typeof verbPatternSchema>;
export type CameoCode = z.infer<typeof cameoCodeSchema>;
export type Membership = z.infer<typeof membershipSchema>;
export type Region = z.infer<typeof regionSchema>;
export type City = z.infer<typeof citySchema>;

export interface NamedList<T> {
  /** File stem used in rule ids, e.g. "11-disapprove". */
  source: string;
  entries: T[];
}

export interface DictionarySources {
  countries: Country[];
  organizations: Organization[];
  persons: Person[];
  roles: RoleGroup[];
  verbs: NamedList<VerbPattern>[];
  cameo: CameoCode[];
  memberships: Membership[];
  regions: Region[];
  /** English news names of cities the place data knows otherwise (dictionaries/cities.yaml). */
  cities: City[];
  /** How region names are split and filtered (dictionaries/admin-regions.yaml). */
  adminRegionRules: AdminRegionRules;
  /** Closed classes of content words the coder's rules test (dictionaries/lexicon.yaml). */
  lexicon: LexiconWords;
  /** Populated places, e.g. from a GeoNames extract; country as ISO alpha-2 or alpha-3. `key` keeps
   * the lookup form of an already compiled place when it differs from the name ("sagaing"). */
  places: {
    name: string;
    country: string;
    lat: number | null;
    lon: number | null;
    population: number;
    key?: string;
  }[];
  /** Administrative regions from a data package, already filtered (see admin-regions.ts). */
  adminRegions: AdminRegion[];
}

export type Tokenize = (text: string) => string[];

/** The population a region counts as when it and a place share a name. */
const REGION_WEIGHT = 1_000_000;

export function quadOf(code: string): 1 | 2 | 3 | 4 {
  const root = Number(code.slice(0, 2));
  if (root <= 5) return 1;
  if (root <= 9) return 2;
  if (root <= 14) return 3;
  return 4;
}

/** Which letters of a name must be matched as written: "US" must not match the pronoun "us". */
export function caseMaskOf(tokens: string[]): string {
  return tokens
    .map((t) => {
      if (/^[A-Z][A-Z.]{0,5}$/.test(t) && /[A-Z]/.test(t)) return 'U';
      if (/^\p{Lu}/u.test(t)) return 'C';
      return 'x';
    })
    .join('');
}

export function compileDictionary(
  src: DictionarySources,
  tokenize: Tokenize,
  version: string,
): CompiledDictionary {
  const actors: ActorEntry[] = [];
  const persons: PersonEntry[] = [];
  const names: Record<string, NameHit[]> = Object.create(null);
  const roles: Record<string, Sector> = Object.create(null);

  const addName = (text: string, kind: NameKind, ref: number, sector?: Sector | null) => {
    const tokens = tokenize(text.trim());
    if (tokens.length === 0) return;
    const key = tokens.map((t) => t.toLowerCase()).join(' ');
    const hits = (names[key] ??= []);
    if (hits.some((h) => h.kind === kind && h.ref === ref)) return;
    const hit: NameHit = { kind, ref, caseMask: caseMaskOf(tokens) };
    if (sector) hit.sector = sector;
    hits.push(hit);
  };

  const iso2to3 = new Map<string, string>();
  for (const c of src.countries) {
    const ref = actors.length;
    actors.push({
      key: c.iso3,
      code: c.iso3,
      name: c.name,
      kind: 'country',
      country: c.iso3,
      sector: null,
      ...(c.region ? { region: c.region } : {}),
      ...(c.lat != null && c.lon != null ? { lat: c.lat, lon: c.lon } : {}),
    });
    if (c.iso2) iso2to3.set(c.iso2, c.iso3);
    for (const n of [c.name, ...c.aliases]) addName(n, 'country', ref);
    for (const d of c.demonyms) addName(d, 'demonym', ref);
    for (const cap of capitalsOf(c)) addName(cap, 'capital', ref, 'GOV');
    for (const m of c.metonyms) addName(m.text, 'metonym', ref, m.sector ?? 'GOV');
  }

  for (const o of src.organizations) {
    const ref = actors.length;
    actors.push({
      key: o.key,
      code: o.code ?? (o.kind === 'igo' ? `IGO${o.key}` : o.key),
      name: o.name,
      kind: o.kind,
      country: o.country ?? null,
      sector: o.sector ?? null,
      ...(o.governs
        ? { governs: { country: o.governs.country, from: o.governs.from, to: o.governs.to ?? null } }
        : {}),
      ...(o.founded ? { founded: o.founded } : {}),
    });
    for (const n of [o.name, ...o.aliases]) addName(n, 'org', ref);
  }

  // One person may be listed in several files (a minister who later led an organisation): merge by
  // name, or by `id` where two people share a name.
  const personRef = new Map<string, number>();
  for (const p of src.persons) {
    const roles = p.roles.map((r) => ({
      country: r.country ?? null,
      org: r.org ?? null,
      sector: r.sector,
      title: r.title,
      from: r.from,
      to: r.to ?? null,
    }));
    const key = p.id ? `#${p.id}` : p.name;
    let ref = personRef.get(key);
    if (ref == null) {
      ref = persons.length;
      personRef.set(key, ref);
      persons.push({ name: p.name, roles: [] });
    }
    const entry = persons[ref] as PersonEntry;
    for (const r of roles) {
      if (
        !entry.roles.some(
          (x) => x.from === r.from && x.title === r.title && x.country === r.country && x.org === r.org,
        )
      ) {
        entry.roles.push(r);
      }
    }
    entry.roles.sort((a, b) => a.from.localeCompare(b.from));
    for (const n of [p.name, ...p.aliases]) addName(n, 'person', ref);
    const surnames = new Set<string>(p.surnames);
    surnames.add(p.surname ?? p.name.trim().split(/\s+/).at(-1) ?? p.name);
    for (const s of surnames) addName(s, 'surname', ref);
  }

  for (const group of src.roles) {
    for (const w of group.words) {
      const key = tokenize(w)
        .map((t) => t.toLowerCase())
        .join(' ');
      if (key && !(key in roles)) roles[key] = group.sector;
    }
  }

  const verbs: VerbRule[] = [];
  const nouns: NounRule[] = [];
  const phrase = (s: string) => tokenize(s).map((t) => t.toLowerCase());
  for (const file of src.verbs) {
    file.entries.forEach((e, i) => {
      const id = `verbs/${file.source}#${i + 1}`;
      const after = e.after.map(phrase);
      const notAfter = e.not_after.map(phrase);
      for (const v of e.verbs ?? []) {
        const [lemma, ...particle] = phrase(v);
        if (!lemma) continue;
        verbs.push({
          id,
          code: e.code,
          lemma,
          particle: particle.length ? particle.join(' ') : null,
          after,
          notAfter,
          intent: e.intent ?? null,
          sourceAfter: e.source_after ?? null,
          specificity: (after.length ? 2 : 0) + (particle.length ? 1 : 0),
        });
      }
      for (const n of e.nouns ?? []) {
        const lemma = phrase(n).join(' ');
        if (!lemma) continue;
        nouns.push({
          id,
          code: e.code,
          lemma,
          links: e.links ?? ['with', 'to', 'against', 'on', 'between'],
          after,
          intent: e.intent ?? null,
        });
      }
    });
  }
  verbs.sort((a, b) => b.specificity - a.specificity);

  const cameo: Record<string, CameoEntry> = Object.create(null);
  for (const c of src.cameo) {
    cameo[c.code] = {
      name: c.name,
      goldstein: c.goldstein,
      quad: quadOf(c.code),
      plover: c.plover ? { type: c.plover, mode: c.mode ?? null } : null,
    };
  }

  const places: Record<string, PlaceEntry> = Object.create(null);
  // Every place by state and name, for the curated names below, which must find a place its state
  // has even where a larger foreign place took the bare name.
  const inState = new Map<string, PlaceEntry>();
  for (const p of src.places) {
    const country = p.country.length === 2 ? (iso2to3.get(p.country) ?? null) : p.country;
    const key = p.key ?? p.name.toLowerCase();
    const entry = { name: p.name, country, lat: p.lat, lon: p.lon, population: p.population };
    const prev = places[key];
    if (!prev || prev.population < p.population) places[key] = entry;
    const own = inState.get(`${country}|${key}`);
    if (!own || own.population < p.population) inState.set(`${country}|${key}`, entry);
  }
  preferCapitals(places, inState, src.countries);
  addUnaccentedKeys(places);
  addCityNames(places, inState, src.cities);

  // Two layers of regions. The package's admin-1 regions come filtered: a name that survived the
  // filters may replace a foreign town but never a city of its own state (those names were dropped).
  // regions.yaml, the curated layer, then overrides any region and any town under a million. The
  // package gives no coordinates (see AdminRegion); the curated entries have them.
  const regionStems: Record<string, PlaceEntry> = Object.create(null);
  for (const r of src.adminRegions) {
    const entry = { name: r.name, country: r.country, lat: null, lon: null, population: REGION_WEIGHT };
    for (const name of r.names) places[name.toLowerCase()] = entry;
    for (const stem of r.stems) regionStems[stem] ??= entry;
  }
  const regionWords = src.adminRegionRules.region_words;
  for (const r of src.regions) {
    const entry = { name: r.name, country: r.country, lat: r.lat, lon: r.lon, population: REGION_WEIGHT };
    for (const name of [r.name, ...r.aliases]) {
      const key = name.toLowerCase();
      const prev = places[key];
      if (!prev || prev.population <= REGION_WEIGHT) places[key] = entry;
      regionStems[stemOf(name, regionWords).toLowerCase()] = entry;
    }
  }

  const members: Record<string, string[]> = Object.create(null);
  for (const m of src.memberships) members[m.key] = m.members;

  const actorIndex: Record<string, number> = Object.create(null);
  actors.forEach((a, i) => (actorIndex[a.key] ??= i));
  return {
    version,
    actors,
    actorIndex,
    persons,
    names,
    roles,
    verbs,
    nouns,
    cameo,
    places,
    regionStems,
    regionWords,
    members,
    lexicon: src.lexicon,
  };
}

/**
 * A state's capital owns its bare name, whatever foreign town shares it and however large: the
 * "WASHINGTON (Reuters)" dateline is the US capital (listed as "Washington, D.C."), not the town in
 * England. A capital the place data lacks is left as it is.
 */
function preferCapitals(
  places: Record<string, PlaceEntry>,
  inState: Map<string, PlaceEntry>,
  countries: Country[],
): void {
  for (const c of countries) {
    for (const capital of capitalsOf(c)) {
      const key = capital.toLowerCase();
      if (places[key]?.country === c.iso3) continue;
      const own = ownPlaceNamed(inState, key, c.iso3);
      if (own) places[key] = own;
    }
  }
}

/** The most populous place of `country` called `name` or "name, something" ("Washington, D.C."). */
function ownPlaceNamed(inState: Map<string, PlaceEntry>, name: string, country: string): PlaceEntry | null {
  // The larger of the two: a US town called Washington is not the capital either.
  let best = inState.get(`${country}|${name}`) ?? null;
  for (const [key, p] of inState) {
    if (!key.startsWith(`${country}|${name},`)) continue;
    if (!best || p.population > best.population) best = p;
  }
  return best;
}

/**
 * News in English mostly drops the accents of foreign place names ("Bogota", "Herat", "Zurich"):
 * each accented name is also found without them, unless that spelling already names a place.
 */
function addUnaccentedKeys(places: Record<string, PlaceEntry>): void {
  for (const [key, p] of Object.entries(places)) {
    const plain = withoutAccents(key);
    if (plain === key) continue;
    const prev = places[plain];
    if (!prev || prev.population < p.population) places[plain] = p;
  }
}

/**
 * The curated city names: each points at the place data's entry for that city in its state and
 * displays under the English name, whatever else the name meant ("Mykolaiv" is the regional city,
 * not the village the data lists under that spelling).
 */
function addCityNames(
  places: Record<string, PlaceEntry>,
  inState: Map<string, PlaceEntry>,
  cities: City[],
): void {
  const problems: string[] = [];
  for (const c of cities) {
    const found = inState.get(`${c.country}|${c.of.toLowerCase()}`);
    if (!found) {
      problems.push(`cities.yaml: ${c.name}: the place data has no "${c.of}" in ${c.country}`);
      continue;
    }
    const entry = { ...found, name: c.name };
    for (const name of [c.name, ...c.aliases]) places[name.toLowerCase()] = entry;
  }
  if (problems.length) throw new DictionaryError(problems);
}
