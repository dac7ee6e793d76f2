/**
 * The Store over any Kysely database. Everything here is portable SQL; what differs between
 * backends (opening, pragmas, how a write transaction starts) is passed in by the backend.
 */
import type { Kysely } from 'kysely';
import { actorActivity, resolveActor } from './queries/actors.js';
import {
  articleState,
  articlesCodedOtherwise,
  articleView,
  articleWithContent,
  countCodedOtherwise,
  counts,
  eachArticle,
} from './queries/articles.js';
import { dyadDays, dyadTotals } from './queries/dyad.js';
import { eachEvent, listEvents } from './queries/events.js';
import { saveArticle, saveArticles } from './queries/save.js';
import { optimizeStore } from './queries/optimize.js';
import { listStatements } from './queries/statements.js';
import type { Database } from './schema.js';
import type { ArticleToSave, DateRange, EventFilter, StatementFilter, Store } from './store.js';

/**
 * Runs `work` in one write transaction, committed when it resolves, rolled back when it throws.
 * `keys` name what the work decides on (an article id, a content hash): a backend written by many
 * processes at once serialises transactions that share a key; one with a single writer ignores them.
 */
export type WriteTransaction = <T>(
  work: (trx: Kysely<Database>) => Promise<T>,
  keys?: string[],
) => Promise<T>;

export class KyselyStore implements Store {
  constructor(
    readonly location: string,
    private readonly db: Kysely<Database>,
    private readonly writeTransaction: WriteTransaction,
  ) {}

  articleState(id: string) {
    return articleState(this.db, id);
  }
  articleWithContent(hash: string) {
    return articleWithContent(this.db, hash);
  }
  save(input: ArticleToSave) {
    return this.writeTransaction((trx) => saveArticle(trx, input), [input.article.id, input.contentHash]);
  }
  saveBatch(inputs: ArticleToSave[]) {
    return this.writeTransaction(
      (trx) => saveArticles(trx, inputs),
      inputs.flatMap((i) => [i.article.id, i.contentHash]),
    );
  }
  articlesCodedOtherwise(version: string, afterId: string | null, limit: number) {
    return articlesCodedOtherwise(this.db, version, afterId, limit);
  }
  countCodedOtherwise(version: string) {
    return countCodedOtherwise(this.db, version);
  }
  counts() {
    return counts(this.db);
  }
  resolveActor(reference: string) {
    return resolveActor(this.db, reference);
  }
  events(filter: EventFilter, limit?: number) {
    return listEvents(this.db, filter, limit);
  }
  eachEvent(filter: EventFilter) {
    return eachEvent(this.db, filter);
  }
  eachArticle(range?: DateRange) {
    return eachArticle(this.db, range);
  }
  dyadDays(a: string[], b: string[], options?: DateRange & { directed?: boolean }) {
    return dyadDays(this.db, a, b, options);
  }
  actorActivity(options?: DateRange & { limit?: number }) {
    return actorActivity(this.db, options);
  }
  dyadTotals(range?: DateRange) {
    return dyadTotals(this.db, range);
  }
  statements(filter: StatementFilter, limit?: number) {
    return listStatements(this.db, filter, limit);
  }
  article(id: string) {
    return articleView(this.db, id);
  }
  optimize() {
    return optimizeStore(this.db);
  }
  async close() {
    await this.db.destroy();
  }
}
