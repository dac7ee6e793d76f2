/**
 * Whole-store exports, streamed article by article so that size does not matter: JSONL (one
 * coded article per line, text included, so an export can be ingested again), CSV (one event per
 * line) and GDELT 2.0 Events TSV (one event per line, no header, as GDELT ships it).
 */
import type { ArticleView, DateRange, Store } from '../../store/store.js';
import { EVENT_CSV_HEADER, csvLine, eventCsvLine } from './csv.js';
import { gdeltRow, type CountryNames } from './gdelt-row.js';

export type ExportFormat = 'jsonl' | 'csv' | 'gdelt';
export const EXPORT_FORMATS: ExportFormat[] = ['jsonl', 'csv', 'gdelt'];

export function articleJson(view: ArticleView): object {
  const a = view.article;
  return {
    id: a.id,
    published: a.published,
    ...(a.title ? { title: a.title } : {}),
    ...(a.url ? { url: a.url } : {}),
    text: a.text,
    dateline: a.dateline,
    tone: a.tone,
    sentences: a.sentences,
    events: view.events,
    statements: view.statements,
    actors: view.actors,
    warnings: a.warnings,
    coderVersion: a.coderVersion,
    ingestedAt: a.ingestedAt,
  };
}

export interface ExportOptions extends DateRange {
  format: ExportFormat;
  /** Needed by the GDELT format for place names. */
  countries?: CountryNames;
}

/** Lines of the export, each without its newline. */
export async function* exportLines(store: Store, o: ExportOptions): AsyncGenerator<string> {
  if (o.format === 'csv') yield csvLine([...EVENT_CSV_HEADER]);
  for await (const view of store.eachArticle(o)) {
    if (o.format === 'jsonl') {
      yield JSON.stringify(articleJson(view));
    } else if (o.format === 'csv') {
      for (const e of view.events) yield eventCsvLine(e);
    } else {
      // GDELT has no negated events: "did not attack" is not an attack.
      for (const e of view.events) {
        if (!e.negated) yield gdeltRow(e, view.article, o.countries ?? new Map()).join('\t');
      }
    }
  }
}
