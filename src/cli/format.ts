/** Output formats for coded articles: JSONL (the contract), JSON, CSV and a readable table. */
import type { CodedArticle, CodedEvent } from '../coder/types.js';

export type OutputFormat = 'jsonl' | 'json' | 'csv' | 'table';
export const OUTPUT_FORMATS: OutputFormat[] = ['jsonl', 'json', 'csv', 'table'];

export const EVENT_CSV_COLUMNS = [
  'article',
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
  'confidence',
  'rule',
] as const;

export function csvCell(v: unknown): string {
  if (v == null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function eventCsvRow(articleId: string, e: CodedEvent): string {
  return [
    articleId,
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
    e.plover?.type ?? '',
    e.action.text,
    e.target?.key ?? '',
    e.target?.code ?? '',
    e.target?.name ?? '',
    e.target?.text ?? '',
    e.negated,
    e.modality,
    e.place?.name ?? '',
    e.place?.country ?? '',
    e.place?.lat ?? '',
    e.place?.lon ?? '',
    e.sentence,
    e.confidence,
    e.rule,
  ]
    .map(csvCell)
    .join(',');
}

const pad = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s.padEnd(n));

export function tableFor(a: CodedArticle): string {
  const lines = [
    `── ${a.id} (${a.published})${a.title ? ` ${a.title}` : ''}: ${a.events.length} events, ${a.statements.length} statements`,
  ];
  for (const e of a.events) {
    const flags = [e.negated ? 'NOT' : '', e.modality !== 'asserted' ? e.modality : '']
      .filter(Boolean)
      .join(' ');
    lines.push(
      `  ${e.date} ${pad(e.source.code, 10)} ${pad(e.cameo, 5)} ${pad(e.target?.code ?? '—', 10)} ` +
        `${pad(e.action.text, 18)} ${pad(e.place?.name ?? '', 12)} ${pad(flags, 12)} "${pad(e.source.text, 24).trim()}" → "${pad(e.target?.text ?? '', 24).trim()}"`,
    );
  }
  for (const s of a.statements) {
    lines.push(
      `  » ${s.speaker?.name ?? '?'} (${s.speaker?.key ?? '?'}) ${s.cue.text} [${s.kind}]: "${pad(s.content.text, 90).trim()}"`,
    );
  }
  for (const w of a.warnings) lines.push(`  ! ${w}`);
  return lines.join('\n');
}
