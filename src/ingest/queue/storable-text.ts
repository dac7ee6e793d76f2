/**
 * PostgreSQL cannot hold every JavaScript string: text and jsonb reject NUL characters, and jsonb
 * rejects unpaired surrogates. Such an article is refused when it is queued, by name, instead of
 * failing the whole batch of jobs it would be inserted with.
 */
import type { Article } from '../../coder/types.js';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why PostgreSQL cannot store this article, or null when it can. */
export function unstorableInPostgres(article: Article): string | null {
  for (const field of ['id', 'text', 'title', 'url', 'published'] as const) {
    const value = article[field];
    if (typeof value !== 'string') continue;
    if (value.includes('\u0000'))
      return `field \`${field}\`: contains a NUL character, which PostgreSQL cannot store`;
    if (LONE_SURROGATE.test(value))
      return `field \`${field}\`: contains an unpaired UTF-16 surrogate, which PostgreSQL cannot store`;
  }
  return null;
}
