/** Events as CSV (RFC 4180): one row per event with its article's date, title and URL. */
import type { StoredEvent } from '../../store/store.js';

export const EVENT_CSV_HEADER = [
  'article',
  'published',
  'event',
  'date',
  'date_precision',
  'source_key',
  'source_code',
  'source_name',
  'source_text',
  'cameo',
  'root',
  'quad',
  'goldstein',
  'plover',
  'action',
  'target_key',
  'target_code',
  'target_name',
  'target_text',
  'negated',
  'modality',
  'place',
  'place_country',
  'lat',
  'lon',
  'sentence',
  'lead',
  'confidence',
  'rule',
  'evidence',
  'url',
] as const;

export function csvCell(v: unknown): string {
  if (v == null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (cells: unknown[]) => cells.map(csvCell).join(',');

export function eventCsvLine(e: StoredEvent): string {
  return csvLine([
    e.articleId,
    e.published,
    e.id,
    e.date,
    e.datePrecision,
    e.source.key,
    e.source.code,
    e.source.name,
    e.source.text,
    e.cameo,
    e.root,
    e.quad,
    e.goldstein,
    e.plover?.type,
    e.action.text,
    e.target?.key,
    e.target?.code,
    e.target?.name,
    e.target?.text,
    e.negated,
    e.modality,
    e.place?.name,
    e.place?.country,
    e.place?.lat,
    e.place?.lon,
    e.sentence,
    e.lead,
    e.confidence,
    e.rule,
    e.sentenceText,
    e.url,
  ]);
}
