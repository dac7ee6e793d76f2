/** The identity of an article's content: what its coding depends on (date and text). */
import { createHash } from 'node:crypto';
import type { Article } from '../coder/types.js';

export function contentHash(article: Pick<Article, 'published' | 'text'>): string {
  return createHash('sha256').update(article.published).update('\n').update(article.text).digest('hex');
}
