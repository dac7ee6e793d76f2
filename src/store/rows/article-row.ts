/** An article with its coding summary to and from its row in `articles`. */
import type { ArticlesTable } from '../schema.js';
import type { ArticleToSave, StoredArticle } from '../store.js';

export function articleToRow(input: ArticleToSave): ArticlesTable {
  const { article, coded } = input;
  return {
    id: article.id,
    content_hash: input.contentHash,
    coder_version: coded.coderVersion,
    published: article.published,
    title: article.title ?? null,
    url: article.url ?? null,
    text: article.text,
    origin: input.origin,
    tone: coded.tone,
    sentences: coded.sentences,
    dateline: coded.dateline ? JSON.stringify(coded.dateline) : null,
    warnings: JSON.stringify(coded.warnings),
    event_count: coded.events.length,
    statement_count: coded.statements.length,
    ingested_at: input.ingestedAt ?? new Date().toISOString(),
  };
}

export function articleFromRow(r: ArticlesTable): StoredArticle {
  return {
    id: r.id,
    published: r.published,
    title: r.title,
    url: r.url,
    text: r.text,
    contentHash: r.content_hash,
    coderVersion: r.coder_version,
    origin: r.origin,
    tone: r.tone,
    sentences: r.sentences,
    dateline: r.dateline ? (JSON.parse(r.dateline) as StoredArticle['dateline']) : null,
    warnings: JSON.parse(r.warnings) as string[],
    eventCount: r.event_count,
    statementCount: r.statement_count,
    ingestedAt: r.ingested_at,
  };
}
