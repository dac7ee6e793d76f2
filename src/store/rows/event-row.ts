/** A coded event to and from its row in `events`. */
import type { CodedEvent, DatePrecision, Modality } from '../../coder/types.js';
import type { EventsTable } from '../schema.js';
import type { StoredEvent } from '../store.js';
import { actorFromColumns, actorToColumns } from './actor-columns.js';

export function eventToRow(
  articleId: string,
  seq: number,
  e: CodedEvent,
  text: string,
  lead: boolean,
): EventsTable {
  return {
    article_id: articleId,
    id: e.id,
    seq,
    sentence: e.sentence,
    sentence_start: e.sentenceSpan[0],
    sentence_end: e.sentenceSpan[1],
    sentence_text: text.slice(e.sentenceSpan[0], e.sentenceSpan[1]),
    lead: lead ? 1 : 0,
    date: e.date,
    date_precision: e.datePrecision,
    date_from_published: e.dateFromPublished ? 1 : 0,
    ...actorToColumns('source_', e.source),
    ...actorToColumns('target_', e.target),
    action_text: e.action.text,
    action_lemma: e.action.lemma,
    action_start: e.action.span[0],
    action_end: e.action.span[1],
    cameo: e.cameo,
    root: e.root,
    quad: e.quad,
    goldstein: e.goldstein,
    plover_type: e.plover?.type ?? null,
    plover_mode: e.plover?.mode ?? null,
    negated: e.negated ? 1 : 0,
    modality: e.modality,
    place_name: e.place?.name ?? null,
    place_country: e.place?.country ?? null,
    place_lat: e.place?.lat ?? null,
    place_lon: e.place?.lon ?? null,
    place_start: e.place?.span?.[0] ?? null,
    place_end: e.place?.span?.[1] ?? null,
    tone: e.tone,
    confidence: e.confidence,
    rule: e.rule,
    statement_id: e.statement ?? null,
  } as EventsTable;
}

/** An event row joined with its article's publication date and URL. */
export type EventWithArticle = EventsTable & { published: string; url: string | null };

export function eventFromRow(r: EventWithArticle): StoredEvent {
  const source = actorFromColumns('source_', r);
  if (!source) throw new Error(`event ${r.id} of article ${r.article_id} has no source actor`);
  return {
    articleId: r.article_id,
    published: r.published,
    url: r.url,
    id: r.id,
    source,
    target: actorFromColumns('target_', r),
    action: { text: r.action_text, lemma: r.action_lemma, span: [r.action_start, r.action_end] },
    cameo: r.cameo,
    root: r.root,
    quad: r.quad as CodedEvent['quad'],
    goldstein: r.goldstein,
    plover: r.plover_type ? { type: r.plover_type, mode: r.plover_mode } : null,
    negated: r.negated === 1,
    modality: r.modality as Modality,
    date: r.date,
    datePrecision: r.date_precision as DatePrecision,
    dateFromPublished: r.date_from_published === 1,
    place:
      r.place_name == null
        ? null
        : {
            name: r.place_name,
            country: r.place_country,
            lat: r.place_lat,
            lon: r.place_lon,
            ...(r.place_start != null && r.place_end != null
              ? { span: [r.place_start, r.place_end] as [number, number] }
              : {}),
          },
    sentence: r.sentence,
    sentenceSpan: [r.sentence_start, r.sentence_end],
    tone: r.tone,
    confidence: r.confidence,
    rule: r.rule,
    ...(r.statement_id ? { statement: r.statement_id } : {}),
    sentenceText: r.sentence_text,
    lead: r.lead === 1,
  };
}
