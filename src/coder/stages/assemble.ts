/**
 * Assemble stage: event candidates become coded events with CAMEO facts, date, place, tone and
 * provenance; duplicates within a sentence are merged.
 */
import type { CompiledDictionary } from '../../dictionaries/types.js';
import type { Doc, ResolvedActor } from '../doc.js';
import type { ActorSummary, CodedActor, CodedEvent, CodedPlace } from '../types.js';
import type { EventCandidate } from './events.js';
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
  const datelinePlace = doc.dateline?.place ?? null;
  const seen = new Map<string, CodedEvent>();
  const events: CodedEvent[] = [];
  for (const c of candidates) {
    const cameo = dict.cameo[c.code] ?? dict.cameo[c.code.slice(0, 3)] ?? dict.cameo[c.code.slice(0, 2)];
    if (!cameo) continue;
    if (c.target && c.target.key === c.source.key && c.target.span[0] === c.source.span[0]) continue;
    const dedupeKey = `${c.sentence}|${c.source.key}|${c.target?.key ?? ''}|${c.code}`;
    const prior = seen.get(dedupeKey);
    if (prior) {
      prior.confidence = Math.max(prior.confidence, round2(c.confidence));
      continue;
    }
    const sentence = doc.sentences[c.sentence];
    if (!sentence) continue;
    const future = c.mood === 'intended';
    const dateKey = `${c.sentence}|${future}`;
    let date = dates.get(dateKey);
    if (!date) {
      date = resolveDate(doc.text.slice(sentence.span[0], sentence.span[1]), doc.article.published, future);
      dates.set(dateKey, date);
    }
    if (!placeOf.has(c.sentence)) placeOf.set(c.sentence, places.inSentence(doc, c.sentence));
    const place = placeOf.get(c.sentence) ?? datelinePlace;
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
