/**
 * Assemble stage: event candidates become coded events with CAMEO facts, date, place, tone and
 * provenance; duplicates within a sentence are merged.
 */
import type { CompiledDictionary } from '../../dictionaries/types.js';
import type { Doc, ResolvedActor } from '../doc.js';
import type { ActorSummary, CodedActor, CodedEvent, CodedPlace } from '../types.js';
import type { EventCandidate } from './events-pairs.js';
import type { PlaceFinder } from './place.js';
import { resolveDate, type EventDate } from './time.js';

export function toCodedActor(a: ResolvedActor): CodedActor {
  const out: CodedActor = {
    text: a.text,
    name: a.name,
    key: a.key,
    country: a.country,
    org: a.org,
    sector: a.sector,
    code: a.code,
    span: a.span,
  };
  if (a.person) out.person = a.person;
  return out;
}

export const sentenceTone = (doc: Doc, sentence: number) =>
  Math.round((doc.sentences[sentence]?.sentiment ?? 0) * 100) / 10;

export function assembleEvents(
  doc: Doc,
  candidates: EventCandidate[],
  dict: CompiledDictionary,
  places: PlaceFinder,
): CodedEvent[] {
  const dates = new Map<string, EventDate>();
  const placeOf = new Map<number, CodedPlace | null>();
  // Without a place in its sentence, an event happened where the story is datelined or first set.
  const storyPlace = doc.dateline?.place ?? places.firstInArticle(doc, 4);
  const seen = new Map<string, CodedEvent>();
  const events: CodedEvent[] = [];
  for (const c of candidates) {
    const cameo = dict.cameo[c.code] ?? dict.cameo[c.code.slice(0, 3)] ?? dict.cameo[c.code.slice(0, 2)];
    if (!cameo) continue;
    // "Blinken reaffirmed the US's commitment", "Lavrov defended Russia's actions": a possessive of
    // the actor's own state is the topic, not a target. Other same-state events stay (police and protesters).

    if (
      c.target &&
      !c.targetPhrase?.asPlace &&
      c.target.key === c.source.key &&
      (c.target.code === c.source.code || (isPossessive(doc, c.target.span[1]) && !c.target.person))
    ) {
      continue;
    }
    const dedupeKey = `${c.sentence}|${c.source.key}|${c.target?.key ?? ''}|${c.code}`;
    const prior = seen.get(dedupeKey);
    if (prior) {
      prior.confidence = Math.max(prior.confidence, round2(c.confidence));
      continue;
    }
    const sentence = doc.sentences[c.sentence];
    if (!sentence) continue;
    const dateKey = `${c.sentence}`;
    let date = dates.get(dateKey);
    if (!date) {
      const futureAt = (offset: number) => isFutureAt(doc, c.sentence, sentence.span[0] + offset);
      date = resolveDate(doc.text.slice(sentence.span[0], sentence.span[1]), doc.article.published, futureAt);
      dates.set(dateKey, date);
    }
    if (!placeOf.has(c.sentence)) placeOf.set(c.sentence, places.inSentence(doc, c.sentence));
    const place = placeOf.get(c.sentence) ?? storyPlace;
    const [from, to] = c.trigger;
    const event: CodedEvent = {
      id: `${doc.article.id}#e${events.length + 1}`,
      source: toCodedActor(c.source),
      target: c.target ? toCodedActor(c.target) : null,
      action: {
        text: doc.text.slice(doc.tokens.start[from] ?? 0, doc.tokens.end[to - 1] ?? 0),
        lemma: c.lemma,
        span: [doc.tokens.start[from] ?? 0, doc.tokens.end[to - 1] ?? 0],
      },
      cameo: c.code,
      root: c.code.slice(0, 2),
      quad: cameo.quad,
      goldstein: cameo.goldstein,
      plover: cameo.plover,
      negated: c.negated,
      modality: c.mood === 'intended' ? 'intended' : c.reported ? 'reported' : 'asserted',
      date: date.date,
      datePrecision: date.precision,
      dateFromPublished: date.fromPublished,
      place,
      sentence: c.sentence,
      sentenceSpan: sentence.span,
      tone: sentenceTone(doc, c.sentence),
      confidence: round2(c.confidence),
      rule: c.rule,
    };
    seen.set(dedupeKey, event);
    events.push(event);
  }
  return events;
}

function isPossessive(doc: Doc, charEnd: number): boolean {
  const after = doc.text.slice(charEnd, charEnd + 2);
  return after === "'s" || after === '’s' || after === "s'";
}

const FUTURE_WORDS = new Set([
  'will',
  'shall',
  "'ll",
  'next',
  'upcoming',
  'coming',
  'plans',
  'planned',
  'scheduled',
  'due',
]);

/** Whether the verb nearest to a character offset is in the future ("will meet on Monday"). */
function isFutureAt(doc: Doc, sentence: number, offset: number): boolean {
  const s = doc.sentences[sentence];
  if (!s) return false;
  let nearest = -1;
  let best = Infinity;
  for (let k = s.from; k < s.to; k++) {
    if (doc.tokens.pos[k] !== 'VERB') continue;
    const d = Math.abs((doc.tokens.start[k] ?? 0) - offset);
    if (d < best) {
      best = d;
      nearest = k;
    }
  }
  if (nearest < 0) return false;
  for (let k = nearest - 1; k >= Math.max(s.from, nearest - 4); k--) {
    const w = doc.tokens.lower[k] ?? '';
    if (FUTURE_WORDS.has(w)) return true;
    if (doc.tokens.pos[k] === 'VERB' || w === ',') break;
  }
  return false;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export function summariseActors(doc: Doc): ActorSummary[] {
  const byKey = new Map<string, ActorSummary>();
  for (const p of doc.phrases) {
    for (const a of p.actors) {
      const s = byKey.get(a.key);
      if (s) s.mentions++;
      else
        byKey.set(a.key, {
          key: a.key,
          name: a.person ? (a.country ?? a.org ?? a.name) : a.name,
          code: a.code,
          mentions: 1,
        });
    }
  }
  return [...byKey.values()].sort((x, y) => y.mentions - x.mentions);
}
