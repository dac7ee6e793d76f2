/**
 * Place stage: where an event happened, from "in Istanbul", "at the OSCE meeting in Malta" or the
 * dateline, looked up in the offline gazetteer compiled from GeoNames data and the country list.
 */
import type { ActorEntry, CompiledDictionary, PlaceEntry } from '../../dictionaries/types.js';
import type { Doc } from '../doc.js';
import type { CodedPlace } from '../types.js';
import { MONTHS, TIME_NOUNS } from './syntax.js';

const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'outside', 'to', 'through', 'across', 'throughout']);

/** "in southeastern Serbia", "in the north of Gaza" names Serbia and Gaza. */
const DIRECTIONS =
  /^(north|south|east|west|central|northern|southern|eastern|western|north-?eastern|north-?western|south-?eastern|south-?western|northeastern|northwestern|southeastern|southwestern|upper|lower|coastal|rural|occupied|downtown)$/;

/** Where a place name may start after a preposition: past "the" and a direction word. */
export function placeNameAfter(doc: Doc, from: number): number {
  let j = from;
  if (doc.tokens.lower[j] === 'the') j++;
  if (DIRECTIONS.test(doc.tokens.lower[j] ?? '')) {
    j++;
    // "in the east of the Gaza Strip"
    if (doc.tokens.lower[j] === 'of') j += doc.tokens.lower[j + 1] === 'the' ? 2 : 1;
  }
  return j;
}

export class PlaceFinder {
  private readonly countriesByName = new Map<string, CodedPlace>();
  private readonly regionWords: ReadonlySet<string>;

  constructor(private readonly dict: CompiledDictionary) {
    this.regionWords = new Set(dict.regionWords);
    for (const [surface, hits] of Object.entries(dict.names)) {
      const hit = hits.find((h) => h.kind === 'country');
      const a = hit ? dict.actors[hit.ref] : undefined;
      if (a && a.kind === 'country') {
        this.countriesByName.set(surface, {
          name: a.name,
          country: a.key,
          lat: a.lat ?? null,
          lon: a.lon ?? null,
        });
      }
    }
  }

  /**
   * A capitalised name of up to three tokens starting at `i`: a region named with its administrative
   * word ("the Kursk region", "Sindh province"), else a country, else a city or region by name.
   */
  lookup(doc: Doc, i: number, limit: number): { place: CodedPlace; to: number } | null {
    const { value, lower } = doc.tokens;
    for (let len = Math.min(3, limit - i); len >= 1; len--) {
      const words = value.slice(i, i + len);
      if (!words.every((w) => /^\p{Lu}/u.test(w))) continue;
      const key = lower.slice(i, i + len).join(' ');
      // "when it meets in March": a month or a day is a date, though March is also an English town.
      if (len === 1 && (MONTHS.has(key) || TIME_NOUNS.has(key))) continue;
      const keyJoined = doc.text.slice(doc.tokens.start[i], doc.tokens.end[i + len - 1]).toLowerCase();
      // The stem alone may be a city of the same name (Kursk, Lagos): the region word decides.
      const followedByRegionWord = i + len < limit && this.regionWords.has(lower[i + len] ?? '');
      const region = followedByRegionWord
        ? (this.dict.regionStems[keyJoined] ?? this.dict.regionStems[key])
        : null;
      if (region) return { place: codedPlace(region), to: i + len + 1 };
      const city = this.dict.places[keyJoined] ?? this.dict.places[key];
      const country = this.countriesByName.get(key);
      if (country) return { place: country, to: i + len };
      if (city) return { place: codedPlace(city), to: i + len };
    }
    return null;
  }

  /**
   * Where a place name starts after a preposition: past "the" and a direction word ("in southern
   * Ukraine"), unless the direction word begins the name itself ("South Carolina", "South Sudan",
   * "East Azerbaijan", "the West Bank").
   */
  nameStart(doc: Doc, from: number, limit: number): number {
    const j = placeNameAfter(doc, from);
    const named = doc.tokens.lower[from] === 'the' ? from + 1 : from;
    if (j === named) return j;
    const whole = this.lookup(doc, named, limit);
    return whole && whole.to > named + 1 ? named : j;
  }

  /** The first place named after a locative preposition in the sentence. */
  inSentence(doc: Doc, sentence: number, whereOnly = false): CodedPlace | null {
    const s = doc.sentences[sentence];
    if (!s) return null;
    for (let i = s.from; i < s.to - 1; i++) {
      if (!PLACE_PREPOSITIONS.has(doc.tokens.lower[i] ?? '')) continue;
      // Where people are, not where they are going ("to send them back to Bulgaria").
      if (whereOnly && doc.tokens.lower[i] === 'to') continue;
      const j = this.nameStart(doc, i + 1, s.to);
      const hit = this.lookup(doc, j, s.to);
      if (hit && (doc.tokens.lower[i] !== 'to' || hit.place.country !== null)) {
        return { ...hit.place, span: [doc.tokens.start[j] ?? 0, doc.tokens.end[hit.to - 1] ?? 0] };
      }
    }
    return null;
  }

  /** The state a named place (city or country) lies in, as an actor entry. */
  stateOf(place: CodedPlace): ActorEntry | null {
    return place.country ? this.stateByKey(place.country) : null;
  }

  /** The state with this actor key ("SDN"), as an actor entry. */
  stateByKey(key: string): ActorEntry | null {
    return this.dict.actors[this.dict.actorIndex[key] ?? -1] ?? null;
  }

  /** The first place named in the opening sentences: the story's setting. */
  firstInArticle(doc: Doc, sentences: number): CodedPlace | null {
    for (let k = 0; k < Math.min(sentences, doc.sentences.length); k++) {
      const p = this.inSentence(doc, k);
      if (p) return p;
    }
    return null;
  }

  /** "MOSCOW": the dateline city, matched case-insensitively. */
  byName(name: string): CodedPlace | null {
    const key = name.toLowerCase().replace(/\s+/g, ' ').trim();
    const city = this.dict.places[key];
    if (city) return codedPlace(city);
    return this.countriesByName.get(key) ?? null;
  }
}

const codedPlace = (p: PlaceEntry): CodedPlace => ({
  name: p.name,
  country: p.country,
  lat: p.lat,
  lon: p.lon,
});
