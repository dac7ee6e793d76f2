/** Output formats for coded articles: JSONL (the contract), JSON, CSV and a readable table. */
import type { Article, CodedArticle, CodedEvent } from '../coder/types.js';
import { inLead, leadEnd } from '../store/lead.js';
import type { StoredEvent } from '../store/store.js';

export type OutputFormat = 'jsonl' | 'json' | 'csv' | 'table';
export const OUTPUT_FORMATS: OutputFormat[] = ['jsonl', 'json', 'csv', 'table'];

/** A freshly coded event in the shape the store and its exports use, so CSV has one writer. */
export function asExportEvent(article: Article, coded: CodedArticle, e: CodedEvent): StoredEvent {
  const end = leadEnd(article.text);
  return {
    ...e,
    articleId: coded.id,
    published: coded.published,
    url: article.url ?? null,
    sentenceText: article.text.slice(e.sentenceSpan[0], e.sentenceSpan[1]),
    lead: inLead(e.sentence, e.sentenceSpan[0], end),
  };
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
      `  » ${s.speaker?.name ?? s.speakerPhrase?.text ?? '?'} (${s.speaker?.key ?? '?'}) ${s.cue.text} [${s.kind}]: "${pad(s.content.text, 90).trim()}"`,
    );
  }
  for (const w of a.warnings) lines.push(`  ! ${w}`);
  return lines.join('\n');
}
