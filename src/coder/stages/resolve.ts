/**
 * Resolve stage: each phrase becomes actors at the article's date. Persons take the role they
 * held then (Blinken in 2023 is USA GOV; in 2026 he holds no office), surnames and titles
 * ("the minister") and pronouns point back to earlier mentions in the same article.
 */
import type {
  ActorEntry,
  CompiledDictionary,
  NameHit,
  PersonEntry,
  RoleTenure,
} from '../../dictionaries/types.js';
import type { ActorPhrase, Doc, ResolvedActor } from '../doc.js';
import type { Sector } from '../types.js';
import type { RawPhrase, Unit } from './mentions.js';
import type { PlaceFinder } from './place.js';
import { MONTHS } from './syntax.js';

/** The role a person held on `date`, else the latest before it, else the first after it. */
export function roleAt(person: PersonEntry, date: string): { role: RoleTenure; current: boolean } | null {
  let latestPast: RoleTenure | null = null;
  let current: RoleTenure | null = null;
  for (const r of person.roles) {
    // A state office outranks a party or movement post held at the same time (Arafat in 2000 was
    // President of the Palestinian Authority as well as leader of Fatah and the PLO).
    if (r.from <= date && (r.to == null || date <= r.to) && (!current || (current.org && r.country)))
      current = r;
    if (r.from <= date) latestPast = r;
  }
  if (current) return { role: current, current: true };
  if (latestPast) return { role: latestPast, current: false };
  const first = person.roles[0];
  return first ? { role: first, current: false } : null;
}

const isActive = (p: PersonEntry, date: string) => roleAt(p, date)?.current === true;

/** Groups of people named only by what they do: protesters, demonstrators, strikers, rioters. */
const CROWD_SECTORS = new Set<Sector>(['CVL', 'OPP']);

interface Memory {
  /** Persons mentioned so far, most recent last, with the actor they resolved to and where the
   * mention ends. */
  persons: { ref: number; actor: ResolvedActor; sentence: number; to: number }[];
  /** The last state or organisation named, for "it". */
  lastBody: { actor: ResolvedActor; sentence: number } | null;
  /** Known persons whose surname an unknown namesake of the article bears ("analyst Nancy Bush"):
   * the surname alone then names the namesake. */
  namesakes: Set<number>;
  /** The last body of each kind, for "the group", "the bloc", "the country". */
  lastOfKind: Map<string, { actor: ResolvedActor; sentence: number }>;
}

export function resolvePhrases(
  doc: Doc,
  raw: RawPhrase[],
  dict: CompiledDictionary,
  places: PlaceFinder,
): ActorPhrase[] {
  const date = doc.article.published;
  const memory: Memory = { persons: [], lastBody: null, lastOfKind: new Map(), namesakes: new Set() };
  const out: ActorPhrase[] = [];
  const named = new Uint8Array(doc.tokens.count);
  for (const p of raw) named.fill(1, p.from, p.to);
  for (const p of raw) {
    const resolved = resolveOne(doc, p, dict, date, memory, places, named);
    if (!resolved) continue;
    out.push(resolved);
    for (const a of resolved.actors) {
      if (a.personRef != null)
        memory.persons.push({ ref: a.personRef, actor: a, sentence: p.sentence, to: p.to });
      else if (!resolved.viaCoreference) {
        // "Houthi targets … the group": a body named as a modifier can still be taken up again.
        if (!resolved.modifier) memory.lastBody = { actor: a, sentence: p.sentence };
        const kind = dict.actors[dict.actorIndex[a.key] ?? -1]?.kind;
        const family = kind === 'ngo' ? 'group' : kind === 'bloc' ? 'igo' : kind;
        if (family) memory.lastOfKind.set(family, { actor: a, sentence: p.sentence });
      }
    }
  }
  markAppositions(doc, out);
  return out;
}

function resolveOne(
  doc: Doc,
  p: RawPhrase,
  dict: CompiledDictionary,
  date: string,
  memory: Memory,
  places: PlaceFinder,
  named: Uint8Array,
): ActorPhrase | null {
  const { tokens } = doc;
  const span: [number, number] = [tokens.start[p.from] ?? 0, tokens.end[p.to - 1] ?? 0];
  const text = doc.text.slice(span[0], span[1]);
  const base = {
    from: p.from,
    to: p.to,
    sentence: p.sentence,
    appositionOf: null,
    modifier: p.modifiesNonActor,
  };

  if (p.units.length === 1 && p.units[0]?.neuter) {
    const kind = p.units[0].anaphor;
    const ofKind = kind ? memory.lastOfKind.get(kind) : undefined;
    const prev = kind
      ? ofKind && p.sentence - ofKind.sentence <= 2
        ? ofKind.actor
        : null
      : recentBody(memory, p.sentence);
    if (!prev) return null;
    return { ...base, actors: [{ ...prev, span, text }], viaCoreference: true };
  }
  if (p.units.length === 1 && p.units[0]?.pronoun) {
    const prev = recentPerson(memory, p.sentence, 3);
    // "Greece's far-right leader, George Karatzaferis, said he…": "he" is the person named last,
    // though the dictionary does not know him, not the last person it knows.
    if (!prev || unknownPersonBetween(doc, named, places, prev.to, p.from)) return null;
    return { ...base, actors: [{ ...prev.actor, span, text }], viaCoreference: true };
  }
  const roleSector = headRole(p.units) ?? p.sharedRole;
  const hits = p.units
    .flatMap((u, k) => readingsOf(u, p.units[k - 1]))
    .filter((h) => h.kind !== 'org' || !foundedAfter(dict.actors[h.ref], date));
  const countryHit = hits.find((h) => isCountryish(h.kind));
  const country = countryHit ? dict.actors[countryHit.ref] : undefined;

  const personRef = pickPerson(
    withoutNamesakes(doc, named, p.from, hits, dict, memory, roleSector != null),
    dict,
    date,
    memory,
    country?.key ?? null,
    roleSector != null,
  );
  if (personRef != null) {
    const person = dict.persons[personRef];
    if (person) {
      const orgOfPhrase = hits.find((h) => h.kind === 'org');
      const body = country ?? (orgOfPhrase ? dict.actors[orgOfPhrase.ref] : undefined);
      const actor = personActor(person, personRef, date, body ?? null, roleSector, dict);
      return { ...base, actors: [{ ...actor, span, text }], viaCoreference: false };
    }
  }

  const orgHit = hits.find((h) => h.kind === 'org');
  if (orgHit) {
    const org = dict.actors[orgHit.ref];
    const ruled = org ? governedState(org, date, places) : null;
    if (org && ruled)
      return {
        ...base,
        // A governing group's fighters are the state's forces.
        actors: [
          {
            ...stateActor(ruled, roleSector === 'REB' ? 'MIL' : (roleSector ?? 'GOV')),
            org: org.key,
            span,
            text,
          },
        ],
        viaCoreference: false,
      };
    if (org)
      return { ...base, actors: [{ ...orgActor(org, roleSector), span, text }], viaCoreference: false };
  }

  // "ethnic Albanians in Serbia" are a people, not Albania: they belong where they are, if anywhere.
  if (countryHit?.kind === 'demonym' && isEthnic(doc, p)) {
    const place = places.inSentence(doc, p.sentence, true);
    const state = place ? places.stateOf(place) : null;
    if (!state || state.key === country?.key) return null;
    return {
      ...base,
      actors: [{ ...stateActor(state, roleSector ?? 'CVL'), span, text }],
      viaCoreference: false,
    };
  }

  if (country && countryHit) {
    const sector = roleSector ?? countryHit.sector ?? null;
    return { ...base, actors: [{ ...stateActor(country, sector), span, text }], viaCoreference: false };
  }

  // "its director-general": a role of the state or body named just before. ("their" points at a
  // plural subject, often a coordination, so it is left alone.)
  const owner = tokens.lower[p.from - 1];
  if (roleSector && hits.length === 0 && owner === 'its') {
    const body = recentBody(memory, p.sentence);
    if (body) {
      const actor = body.org
        ? { ...body }
        : { ...body, sector: roleSector, code: `${body.key}${roleSector}` };
      return {
        ...base,
        actors: [{ ...actor, person: null, personRef: null, span, text }],
        viaCoreference: true,
      };
    }
  }
  // "Tens of thousands of protesters marched through Minsk": a crowd belongs where it is.
  const head = tokens.lower[p.to - 1] ?? '';
  const crowd =
    roleSector != null &&
    CROWD_SECTORS.has(roleSector) &&
    (head.endsWith('s') || doc.lexicon.plural_crowds.has(head));
  if (roleSector && hits.length === 0 && (crowd || p.unknownName)) {
    const place = places.inSentence(doc, p.sentence, true);
    const state = place ? places.stateOf(place) : null;
    if (state)
      return { ...base, actors: [{ ...stateActor(state, roleSector), span, text }], viaCoreference: false };
  }
  // A bare title ("the minister", "the president") refers back to the last person who held it.
  if (roleSector && hits.length === 0) {
    const title = tokens.lower.slice(p.from, p.to).join(' ');
    const prev = titleCoreference(memory, dict, title, date, p.sentence);
    if (prev) return { ...base, actors: [{ ...prev.actor, span, text }], viaCoreference: true };
  }
  return null;
}

/**
 * "Houthi" names the group and is Abdul-Malik al-Houthi's surname: a word that names a body is
 * read as the body, unless a title stands before it ("leader Houthi").
 */
function readingsOf(u: Unit, before: Unit | undefined): NameHit[] {
  const namesBody = u.names.some((h) => h.kind === 'org' || h.kind === 'country' || h.kind === 'demonym');
  if (!namesBody || before?.role) return u.names;
  return u.names.filter((h) => h.kind !== 'surname');
}

function isCountryish(kind: NameHit['kind']): boolean {
  return kind === 'country' || kind === 'demonym' || kind === 'capital' || kind === 'metonym';
}

function isEthnic(doc: Doc, p: RawPhrase): boolean {
  const lower = doc.tokens.lower;
  return lower[p.from - 1] === 'ethnic' || lower[p.from] === 'ethnic';
}

/** The last role word of a phrase is its head: "Russian military officials" -> GOV. */
function headRole(units: Unit[]): Sector | null {
  for (let k = units.length - 1; k >= 0; k--) {
    const r = units[k]?.role;
    if (r) return r;
  }
  return null;
}

/**
 * "analyst Nancy Bush": a known surname after a given name the phrase did not take is someone else
 * of that name, unless the given name could be the known person's own (the same initial, as with
 * "Sergey" and "Sergei" Lavrov). Honorifics ("Mr Bush") are no given names. Later in the article the
 * bare surname ("Bush said") is still the namesake, unless a title or a full mention says otherwise.
 */
function withoutNamesakes(
  doc: Doc,
  named: Uint8Array,
  phraseFrom: number,
  hits: NameHit[],
  dict: CompiledDictionary,
  memory: Memory,
  titled: boolean,
): NameHit[] {
  if (hits.some((h) => h.kind === 'person')) return hits;
  const known = (ref: number) => memory.persons.some((m) => m.ref === ref);
  const k = phraseFrom - 1;
  const given = doc.tokens.value[k] ?? '';
  if (
    k < 0 ||
    named[k] ||
    doc.tokens.sentence[k] !== doc.tokens.sentence[phraseFrom] ||
    doc.tokens.pos[k] !== 'PROPN' ||
    !/^\p{Lu}\p{Ll}/u.test(given) ||
    doc.lexicon.honorifics.has(given.toLowerCase().replace(/\.$/, ''))
  )
    return titled
      ? hits
      : hits.filter((h) => h.kind !== 'surname' || !memory.namesakes.has(h.ref) || known(h.ref));
  return hits.filter((h) => {
    if (h.kind !== 'surname' || dict.persons[h.ref]?.name.startsWith(given[0] ?? '')) return true;
    memory.namesakes.add(h.ref);
    return false;
  });
}

function pickPerson(
  hits: NameHit[],
  dict: CompiledDictionary,
  date: string,
  memory: Memory,
  countryKey: string | null,
  /** A title stands in the phrase ("President Obama"). */
  titled: boolean,
): number | null {
  const full = hits.filter((h) => h.kind === 'person').map((h) => h.ref);
  const bySurname = hits.filter((h) => h.kind === 'surname').map((h) => h.ref);
  const candidates = full.length ? full : bySurname;
  if (candidates.length === 0) return null;
  if (candidates.length === 1) {
    const only = candidates[0] ?? null;
    // A lone surname that names nobody in office needs an earlier full mention or a title.
    if (full.length || only == null) return only;
    const person = dict.persons[only];
    const ofCountry =
      countryKey != null && person != null && person.roles.some((r) => r.country === countryKey);
    // "Bangladesh's Prime Minister Sheikh Hasina" is no Palestinian official surnamed al-Sheikh.
    if (countryKey != null && !ofCountry) return null;
    if (person && (isActive(person, date) || memory.persons.some((m) => m.ref === only))) return only;
    // "President Obama" on a day he was not in office: the title vouches for the surname.
    if (titled && countryKey == null) return only;
    return ofCountry ? only : null;
  }
  for (let k = memory.persons.length - 1; k >= 0; k--) {
    const ref = memory.persons[k]?.ref;
    if (ref != null && candidates.includes(ref)) return ref;
  }
  const active = candidates.filter((ref) => {
    const person = dict.persons[ref];
    return person ? isActive(person, date) : false;
  });
  const pool = active.length ? active : full.length ? candidates : sameSideNearest(candidates, dict, date);
  if (countryKey) {
    const sameCountry = pool.find((ref) => dict.persons[ref]?.roles.some((r) => r.country === countryKey));
    if (sameCountry != null) return sameCountry;
  }
  return pool[0] ?? null;
}

/**
 * "President Bush" on a day neither Bush held office: namesakes who served the same state are one
 * reading of the sentence's actor, so the one whose tenure lies nearest the date is taken.
 */
function sameSideNearest(candidates: number[], dict: CompiledDictionary, date: string): number[] {
  const sides = new Set(
    candidates.flatMap((ref) => dict.persons[ref]?.roles.map((r) => r.country ?? r.org) ?? []),
  );
  if (sides.size !== 1) return [];
  const distance = (ref: number) =>
    Math.min(
      ...(dict.persons[ref]?.roles ?? []).map((r) =>
        date < r.from
          ? Date.parse(r.from) - Date.parse(date)
          : r.to && date > r.to
            ? Date.parse(date) - Date.parse(r.to)
            : 0,
      ),
    );
  const best = [...candidates].sort((a, b) => distance(a) - distance(b))[0];
  return best == null ? [] : [best];
}

function personActor(
  person: PersonEntry,
  ref: number,
  date: string,
  phraseCountry: ActorEntry | null,
  phraseSector: Sector | null,
  dict: CompiledDictionary,
): Omit<ResolvedActor, 'span' | 'text'> {
  const held = roleAt(person, date);
  const role = held?.role;
  // Out of office, a person is read by the phrase ("Hezbollah leader Hassan Nasrallah"), else by
  // the last body they served.
  const former = !held?.current;
  const phraseOrg = former && phraseCountry && phraseCountry.kind !== 'country' ? phraseCountry.key : null;
  const orgKey = former ? (phraseOrg ?? (phraseCountry ? null : (role?.org ?? null))) : (role?.org ?? null);
  const countryKey = former
    ? phraseCountry?.kind === 'country'
      ? phraseCountry.key
      : (role?.country ?? null)
    : (role?.country ?? null);
  const sector: Sector | null = held?.current ? (role?.sector ?? null) : (phraseSector ?? 'ELI');
  if (orgKey) {
    const org = dict.actors[dict.actorIndex[orgKey] ?? -1];
    return {
      key: orgKey,
      code: org?.code ?? orgKey,
      name: person.name,
      country: null,
      org: orgKey,
      sector: null,
      person: person.name,
      personRef: ref,
    };
  }
  const key = countryKey ?? 'UNK';
  return {
    key,
    code: `${key}${sector ?? ''}`,
    name: person.name,
    country: countryKey,
    org: null,
    sector,
    person: person.name,
    personRef: ref,
  };
}

/** An organisation that did not exist yet on `date`: "Wagner declined to comment" in 2008. */
const foundedAfter = (org: ActorEntry | undefined, date: string) =>
  org?.founded != null && org.founded > date;

/** The state a group governs on `date` ("the Taliban government" in 2022 is Afghanistan's). */
function governedState(org: ActorEntry, date: string, places: PlaceFinder): ActorEntry | null {
  const g = org.governs;
  if (!g || date < g.from || (g.to !== null && date > g.to)) return null;
  return places.stateByKey(g.country);
}

function orgActor(org: ActorEntry, sector: Sector | null): Omit<ResolvedActor, 'span' | 'text'> {
  const s = org.sector ?? (org.kind === 'group' ? sector : null);
  return {
    key: org.key,
    code: org.kind === 'group' && org.country && s ? `${org.country}${s}${org.key}` : org.code,
    name: org.name,
    country: org.country,
    org: org.key,
    sector: s,
    person: null,
    personRef: null,
  };
}

function stateActor(country: ActorEntry, sector: Sector | null): Omit<ResolvedActor, 'span' | 'text'> {
  return {
    key: country.key,
    code: `${country.code}${sector ?? ''}`,
    name: country.name,
    country: country.kind === 'country' ? country.key : null,
    org: null,
    sector,
    person: null,
    personRef: null,
  };
}

/**
 * Two or more capitalised proper nouns in [from, to) that no phrase took and that name no place
 * ("in New York"): a person Parley does not know.
 */
function unknownPersonBetween(
  doc: Doc,
  named: Uint8Array,
  places: PlaceFinder,
  from: number,
  to: number,
): boolean {
  const { pos, value, sentence } = doc.tokens;
  let run = 0;
  for (let k = from; k < to; k++) {
    const name =
      !named[k] &&
      pos[k] === 'PROPN' &&
      /^\p{Lu}\p{Ll}/u.test(value[k] ?? '') &&
      !MONTHS.has(doc.tokens.lower[k] ?? '') &&
      k > (doc.sentences[sentence[k] ?? 0]?.from ?? 0);
    if (name && run === 0) {
      const place = places.lookup(doc, k, to);
      if (place) {
        k = place.to - 1;
        continue;
      }
    }
    run = name ? run + 1 : 0;
    if (run >= 2) return true;
  }
  return false;
}

function recentPerson(memory: Memory, sentence: number, window: number) {
  const last = memory.persons[memory.persons.length - 1];
  return last && sentence - last.sentence <= window ? last : null;
}

/** "it" refers to a state or organisation named in the same or the previous sentence. */
function recentBody(memory: Memory, sentence: number): ResolvedActor | null {
  const b = memory.lastBody;
  return b && sentence - b.sentence <= 1 ? b.actor : null;
}

function titleCoreference(
  memory: Memory,
  dict: CompiledDictionary,
  title: string,
  date: string,
  sentence: number,
) {
  const words = title.split(' ').filter((w) => w !== 'the' && w !== 'a' && w !== 'an');
  if (words.length === 0 || words.length > 3) return null;
  const wanted = words.join(' ');
  if (/s$/.test(wanted)) return null; // "officials": plural roles do not refer to one person
  for (let k = memory.persons.length - 1; k >= 0; k--) {
    const m = memory.persons[k];
    if (!m || sentence - m.sentence > 6) break;
    const person = dict.persons[m.ref];
    const held = person ? roleAt(person, date) : null;
    if (held && held.role.title.toLowerCase().includes(wanted)) return m;
  }
  return null;
}

/** "Lavrov, Russia's foreign minister, said": the second phrase describes the first. */
function markAppositions(doc: Doc, phrases: ActorPhrase[]): void {
  for (let k = 1; k < phrases.length; k++) {
    const a = phrases[k - 1];
    const b = phrases[k];
    if (!a || !b || a.sentence !== b.sentence) continue;
    if (b.from - a.to !== 1 || doc.tokens.value[a.to] !== ',') continue;
    const aKey = a.actors[0]?.key;
    const bKey = b.actors[0]?.key;
    const aPerson = a.actors[0]?.person;
    if (aPerson && aKey === bKey && !b.actors[0]?.person) b.appositionOf = k - 1;
  }
}
