/**
 * Mentions stage: gazetteer matches grouped into actor phrases ("Russia's foreign minister",
 * "U.S. Secretary of State Antony Blinken", "Hungarian and Romanian officials").
 */
import type { NameHit } from '../../dictionaries/types.js';
import type { Doc } from '../doc.js';
import type { Gazetteer, GazetteerMatch } from '../gazetteer.js';
import type { Sector } from '../types.js';
import { MONTHS, TIME_NOUNS as DAY_NOUNS } from './syntax.js';

/** One matched unit inside a phrase. */
export interface Unit {
  from: number;
  to: number;
  names: NameHit[];
  role: Sector | null;
  /** Pronoun standing for a person ("he", "she") or, when `neuter`, a state or organisation ("it"). */
  pronoun: boolean;
  neuter?: boolean;
  /** "the group", "the bloc", "the country": the last body of that kind. */
  anaphor?: 'group' | 'igo' | 'country';
}

export interface RawPhrase {
  from: number;
  to: number;
  sentence: number;
  units: Unit[];
  /** Sector shared with a coordinated phrase: "Hungarian [and Romanian officials]". */
  sharedRole: Sector | null;
  /** A title followed by a name the dictionary does not know: "President Laurent Gbagbo". */
  unknownName?: boolean;
  /** The phrase is followed by a noun that is not an actor ("Russian oil"). */
  modifiesNonActor: boolean;
}

const FILLER_POS = new Set(['DET', 'ADJ', 'NUM']);
/** Definite descriptions that stand for the last-named body of a kind. */
const ANAPHORS: Record<string, 'group' | 'igo' | 'country'> = {
  group: 'group',
  militia: 'group',
  movement: 'group',
  militants: 'group',
  insurgents: 'group',
  bloc: 'igo',
  alliance: 'igo',
  organisation: 'igo',
  organization: 'igo',
  agency: 'igo',
  body: 'igo',
  country: 'country',
  kingdom: 'country',
  republic: 'country',
  island: 'country',
  nation: 'country',
};
const GEO_HEADS = new Set([
  'sea',
  'gulf',
  'bay',
  'strait',
  'straits',
  'straight',
  'island',
  'islands',
  'port',
  'cape',
  'lake',
  'river',
]);
const TIME_NOUNS = new Set(['today', 'yesterday', 'tonight', 'tomorrow', 'overnight', 'now', 'again']);
/**
 * "accusing it of mismanaging", "urged them to withdraw": "it" or "them" right after a verb and
 * before the charge or the call stands for the body last named.
 */
function objectOfCharge(doc: Doc, i: number): boolean {
  const w = doc.tokens.lower[i];
  if (w !== 'it' && w !== 'them') return false;
  return doc.tokens.pos[i - 1] === 'VERB' && /^(of|to|against|over)$/.test(doc.tokens.lower[i + 1] ?? '');
}

/** Roles that belong to the state they are "in": protesters, police, rebels, journalists, courts (not troops). */
const IN_PLACE_SECTORS = new Set(['CVL', 'OPP', 'MED', 'NGO', 'REB', 'COP', 'JUD', 'LEG']);
const PERSON_PRONOUNS = new Set(['he', 'she', 'him']);
/** Adjectives that keep a phrase going ("senior", "top") but words like "other" end it. */
const STOP_FILLERS = new Set(['other', 'such', 'many', 'some', 'all', 'both', 'each', 'every', 'no', 'any']);

export function findPhrases(doc: Doc, gazetteer: Gazetteer): RawPhrase[] {
  const { tokens, sentences, masked } = doc;
  const phrases: RawPhrase[] = [];
  sentences.forEach((s, si) => {
    const units: Unit[] = [];
    // Computed only when a lone surname is met: most sentences never need it.
    let headline: boolean | undefined;
    for (let i = s.from; i < s.to;) {
      if (masked[i]) {
        i++;
        continue;
      }
      const m = gazetteer.matchAt(tokens.lower, tokens.value, i, s.to);
      // "spokeswoman Jean Medina": a known surname right before another name is someone's given name.
      const givenName =
        m !== null &&
        m.names.every((h) => h.kind === 'surname') &&
        startsName(doc, m.to) &&
        !(headline ??= isTitleCase(doc, s.from, s.to));
      // "the USS Gerald R. Ford": a ship named after a person is no person.
      const shipName = SHIP_PREFIXES.has(tokens.value[i - 1] ?? '');
      const names = givenName || shipName || functionWordAsSurname(doc, m, s.from) ? [] : (m?.names ?? []);
      if (m && (names.length || m.role)) {
        units.push({
          from: m.from,
          to: m.to,
          names,
          role: names.length ? roleOfNames(m) : m.role,
          pronoun: false,
        });
        i = m.to;
        continue;
      }
      if (tokens.pos[i] === 'PRON' && PERSON_PRONOUNS.has(tokens.lower[i] ?? '')) {
        units.push({ from: i, to: i + 1, names: [], role: null, pronoun: true });
      } else if (
        tokens.lower[i] === 'the' &&
        ANAPHORS[tokens.lower[i + 1] ?? ''] &&
        tokens.lower[i + 2] !== 'of'
      ) {
        units.push({
          from: i,
          to: i + 2,
          names: [],
          role: null,
          pronoun: true,
          neuter: true,
          anaphor: ANAPHORS[tokens.lower[i + 1] ?? ''],
        });
        i += 2;
        continue;
      } else if (
        (tokens.lower[i] === 'it' && tokens.pos[i + 1] !== 'PUNCT' && isSubjectLike(tokens.pos[i + 1])) ||
        objectOfCharge(doc, i)
      ) {
        units.push({ from: i, to: i + 1, names: [], role: null, pronoun: true, neuter: true });
      }
      i++;
    }
    // Group adjacent units into phrases, allowing determiners, adjectives and possessives between them.
    let current: RawPhrase | null = null;
    for (const u of units) {
      if (
        current &&
        !u.pronoun &&
        !current.units.some((x) => x.pronoun) &&
        joinable(doc, current.to, u.from, u.role != null)
      ) {
        current.units.push(u);
        current.to = u.to;
        continue;
      }
      if (current) phrases.push(current);
      current = {
        from: u.from,
        to: u.to,
        sentence: si,
        units: [u],
        sharedRole: null,
        modifiesNonActor: false,
      };
    }
    if (current) phrases.push(current);
  });
  mergeRoleOfCountry(doc, phrases);
  for (const p of phrases) absorbUnknownName(doc, p);
  for (const p of phrases) p.modifiesNonActor = modifiesNonActor(doc, p);
  shareCoordinatedRoles(doc, phrases);
  return phrases;
}

/**
 * "President Laurent Gbagbo", "General Ahmed Ali": a title ending the phrase and followed by
 * capitalised words the gazetteer did not match is a person it does not know; the phrase takes
 * the name so the person is not lost.
 */
function absorbUnknownName(doc: Doc, p: RawPhrase): void {
  const last = p.units[p.units.length - 1];
  if (!last?.role || p.units.some((u) => u.names.some((h) => h.kind === 'person' || h.kind === 'surname')))
    return;
  let k = p.to;
  while (k < p.to + 4 && doc.tokens.pos[k] === 'PROPN' && /^\p{Lu}\p{Ll}/u.test(doc.tokens.value[k] ?? ''))
    k++;
  if (k === p.to || (doc.phraseAt[k] ?? -1) >= 0) return;
  p.to = k;
  p.unknownName = true;
}

/**
 * "No one who met him…": a sentence's capitalised first word can be a surname ("No" is North Korea's
 * No Kwang Chol) only if the tagger does not read it as a function word.
 */
function functionWordAsSurname(doc: Doc, m: GazetteerMatch | null, sentenceFrom: number): boolean {
  return (
    m !== null &&
    m.from === sentenceFrom &&
    m.to === m.from + 1 &&
    m.names.every((h) => h.kind === 'surname') &&
    FUNCTION_TAGS.has(doc.tokens.pos[m.from] ?? '')
  );
}

const FUNCTION_TAGS = new Set(['DET', 'PRON', 'ADP', 'CCONJ', 'SCONJ', 'AUX', 'PART', 'INTJ', 'ADV']);

const SHIP_PREFIXES = new Set(['USS', 'HMS', 'HMAS', 'HMCS', 'INS', 'USNS', 'RFS', 'FS']);

/** A capitalised proper noun that is no day or month: the next word of a personal name. */
function startsName(doc: Doc, i: number): boolean {
  const v = doc.tokens.value[i] ?? '';
  return (
    doc.tokens.pos[i] === 'PROPN' &&
    /^\p{Lu}\p{Ll}/u.test(v) &&
    !DAY_NOUNS.has(doc.tokens.lower[i] ?? '') &&
    !MONTHS.has(doc.tokens.lower[i] ?? '')
  );
}

/** "Putin Says Russia Will Respond": in a title-cased headline every word looks like a name. */
function isTitleCase(doc: Doc, from: number, to: number): boolean {
  let words = 0;
  let capitalised = 0;
  for (let k = from; k < to; k++) {
    if (!/^\p{L}/u.test(doc.tokens.value[k] ?? '')) continue;
    words++;
    if (/^\p{Lu}/u.test(doc.tokens.value[k] ?? '')) capitalised++;
  }
  return words >= 3 && capitalised / words > 0.6;
}

/** "it will", "it has": a referential "it" in subject position (not "it is clear that"). */
function isSubjectLike(nextPos: string | undefined): boolean {
  return nextPos === 'AUX' || nextPos === 'VERB' || nextPos === 'ADV';
}

/** "diplomats from the US", "officials of the EU": a bare role phrase takes the state or body after it. */
function mergeRoleOfCountry(doc: Doc, phrases: RawPhrase[]): void {
  for (let k = 0; k + 1 < phrases.length; k++) {
    const a = phrases[k] as RawPhrase;
    const b = phrases[k + 1] as RawPhrase;
    if (a.sentence !== b.sentence || a.units.some((u) => u.names.length || u.pronoun)) continue;
    const between = doc.tokens.lower.slice(a.to, b.from).filter((w) => w !== 'the');
    // "protesters in Sri Lanka" belong to Sri Lanka; "troops in Ukraine" need not.
    const civilian = a.units.every((u) => u.role != null && IN_PLACE_SECTORS.has(u.role));
    const links = civilian ? ['from', 'of', 'in'] : ['from', 'of'];
    if (between.length !== 1 || !links.includes(between[0] ?? '')) continue;
    if (!b.units.some((u) => u.names.length) || b.units.some((u) => u.pronoun)) continue;
    // "rioters in the Egyptian square": the name only qualifies a place.
    if (doc.tokens.pos[b.to] === 'NOUN') continue;
    a.units.push(...b.units);
    a.to = b.to;
    phrases.splice(k + 1, 1);
  }
}

/** A name that is also a role word ("Foreign Ministry" as an org alias) keeps both readings. */
function roleOfNames(m: { role: Sector | null }): Sector | null {
  return m.role;
}

/** "Palestinian suicide bombers", "Russia's top military officials": fillers between a name and a role. */
function joinable(doc: Doc, from: number, to: number, toRole: boolean): boolean {
  if (to - from > 3) return false;
  for (let k = from; k < to; k++) {
    const v = doc.tokens.lower[k] ?? '';
    const pos = doc.tokens.pos[k] ?? '';
    if (v === "'s" || v === '’s' || v === "'" || v === '-') continue;
    if (FILLER_POS.has(pos) && !STOP_FILLERS.has(v)) continue;
    if (toRole && pos === 'NOUN' && to - from <= 2) continue;
    return false;
  }
  return true;
}

/**
 * "Russian oil", "the OSCE platform", "U.S. exports": names without a role word that only qualify a
 * following ordinary noun. ("Russia's borders" is different: a possessive still points at Russia.)
 */
function modifiesNonActor(doc: Doc, p: RawPhrase): boolean {
  // "the Sea of Japan", "the Gulf of Aden": part of a place name.
  if (doc.tokens.lower[p.from - 1] === 'of' && GEO_HEADS.has(doc.tokens.lower[p.from - 2] ?? '')) return true;
  const last = p.units[p.units.length - 1];
  if (!last || last.role || last.pronoun) return false;
  if (p.units.some((u) => u.role || u.names.some((h) => h.kind === 'person' || h.kind === 'surname')))
    return false;
  const next = p.to;
  if (next >= doc.tokens.count || doc.tokens.sentence[next] !== p.sentence) return false;
  // "Al Qaeda-linked", "Iran-backed", "US-led": the name is half of a hyphenated adjective.
  if (doc.tokens.value[next] === '-' && /^[a-z]/.test(doc.tokens.value[next + 1] ?? '')) return true;
  const pos = doc.tokens.pos[next];
  const onlyDemonyms = p.units.every((u) => u.names.length > 0 && u.names.every((h) => h.kind === 'demonym'));
  // "the Russians said": a plural demonym used as a noun is an actor.
  if (onlyDemonyms && /s$/.test(doc.tokens.lower[next - 1] ?? '') && pos !== 'NOUN' && pos !== 'PROPN')
    return false;
  // "North Korea test-fired": the noun is the first half of a hyphenated verb, not a head noun.
  if (pos === 'NOUN' && doc.tokens.value[next + 1] === '-' && doc.tokens.pos[next + 2] === 'VERB')
    return false;
  if (pos === 'NOUN' && TIME_NOUNS.has(doc.tokens.lower[next] ?? '')) return false; // "Pakistan today threatened"
  if (pos === 'NOUN') return true;
  return onlyDemonyms && (pos === 'PROPN' || pos === 'ADJ');
}

/** "Hungarian and Romanian officials": the first demonym takes the role of the phrase after "and". */
function shareCoordinatedRoles(doc: Doc, phrases: RawPhrase[]): void {
  for (let k = phrases.length - 2; k >= 0; k--) {
    const a = phrases[k];
    const b = phrases[k + 1];
    if (!a || !b || a.sentence !== b.sentence) continue;
    const between = doc.tokens.lower.slice(a.to, b.from);
    if (!(between.length === 1 && (between[0] === 'and' || between[0] === ','))) continue;
    const aHasRole = a.units.some((u) => u.role);
    const bRole = [...b.units].reverse().find((u) => u.role)?.role ?? b.sharedRole;
    if (!aHasRole && bRole && a.units.every((u) => u.names.every((h) => h.kind === 'demonym'))) {
      a.sharedRole = bRole;
      a.modifiesNonActor = false;
    }
    // "Israeli helicopters and tanks": a bare role after "and" belongs to the state just named.
    const bBare = b.units.every((u) => u.names.length === 0 && !u.pronoun);
    const aNames = a.units.filter((u) => u.names.some((h) => h.kind !== 'person' && h.kind !== 'surname'));
    if (bBare && aHasRole && aNames.length && between[0] === 'and') b.units = [...aNames, ...b.units];
  }
}
