/**
 * The body of a write transaction for one article or a batch of them, taken in order. For each it
 * decides, from what is stored and what the batch saved before it, whether the article is new,
 * changed, re-coded, a duplicate or unchanged, so that a save repeated after a crash, or run twice,
 * ends in the same rows. Rows of the whole batch go in with a few multi-row INSERTs, and the
 * rollups are moved by the batch's summed difference.
 */
import type { Kysely } from 'kysely';
import { inLead, leadEnd } from '../lead.js';
import { articleToRow } from '../rows/article-row.js';
import { eventToRow } from '../rows/event-row.js';
import { aboutRows, statementToRow } from '../rows/statement-row.js';
import type { ArticlesTable, Database } from '../schema.js';
import type { ArticleToSave, SaveOutcome } from '../store.js';
import { insertRows } from './insert-chunks.js';
import { RollupDelta } from './rollup-delta.js';
import { applyRollupDelta } from './rollup-write.js';

/** Ids per `IN (…)` list: far below every dialect's bind limit. */
const IDS_PER_QUERY = 500;

interface StoredState {
  contentHash: string;
  coderVersion: string;
  published: string;
}

/** Rows waiting for the batch's INSERTs. */
class PendingRows {
  articles: ArticlesTable[] = [];
  events: Database['events'][] = [];
  statements: Database['statements'][] = [];
  about: Database['statement_about'][] = [];
  mentions: Database['actor_mentions'][] = [];
  readonly actorNames = new Map<string, string>();
  /** Ids whose rows are here and not yet in the database. */
  readonly ids = new Set<string>();

  add(input: ArticleToSave, isNew: boolean, delta: RollupDelta): void {
    const { article, coded } = input;
    this.ids.add(article.id);
    if (isNew) this.articles.push(articleToRow(input));
    const lead = leadEnd(article.text);
    coded.events.forEach((e, i) =>
      this.events.push(
        eventToRow(article.id, i, e, article.text, inLead(e.sentence, e.sentenceSpan[0], lead)),
      ),
    );
    coded.statements.forEach((s, i) => {
      this.statements.push(statementToRow(article.id, i, s));
      this.about.push(...aboutRows(article.id, s));
    });
    const mentions = mentionRows(input);
    this.mentions.push(...mentions);
    for (const [key, name] of Object.entries(input.actorNames))
      if (!this.actorNames.has(key)) this.actorNames.set(key, name);
    delta.addEvents(
      coded.events.map((e) => ({
        date: e.date,
        sourceKey: e.source.key,
        targetKey: e.target?.key ?? null,
        quad: e.quad,
        goldstein: e.goldstein,
        negated: e.negated,
      })),
      1,
    );
    delta.addMentions(article.published, mentions, 1);
  }

  async write(db: Kysely<Database>): Promise<void> {
    await insertRows(db, 'articles', this.articles);
    await insertRows(db, 'events', this.events);
    await insertRows(db, 'statements', this.statements);
    await insertRows(db, 'statement_about', this.about);
    await insertRows(db, 'actor_mentions', this.mentions);
    const names = [...this.actorNames].map(([key, name]) => ({ key, name }));
    await insertRows(db, 'actors', names, {
      variant: 'keep',
      clause: (q) => q.onConflict((oc) => oc.column('key').doNothing()),
    });
    this.articles = [];
    this.events = [];
    this.statements = [];
    this.about = [];
    this.mentions = [];
    this.actorNames.clear();
    this.ids.clear();
  }
}

/** The coder's actor summary, one row per key (a key can come under several codes). */
function mentionRows(input: ArticleToSave): Database['actor_mentions'][] {
  const byKey = new Map<string, Database['actor_mentions']>();
  for (const a of input.coded.actors) {
    const seen = byKey.get(a.key);
    if (seen) seen.mentions += a.mentions;
    else
      byKey.set(a.key, {
        article_id: input.article.id,
        key: a.key,
        code: a.code,
        name: a.name,
        mentions: a.mentions,
      });
  }
  return [...byKey.values()];
}

async function inChunks<T>(values: T[], run: (slice: T[]) => Promise<void>): Promise<void> {
  for (let i = 0; i < values.length; i += IDS_PER_QUERY) await run(values.slice(i, i + IDS_PER_QUERY));
}

/** What the database holds for the batch's ids, and which ids hold the batch's contents. */
async function loadStates(db: Kysely<Database>, inputs: ArticleToSave[]) {
  const states = new Map<string, StoredState>();
  const holders = new Map<string, Set<string>>();
  const hold = (hash: string, id: string) => {
    let ids = holders.get(hash);
    if (!ids) holders.set(hash, (ids = new Set()));
    ids.add(id);
  };
  await inChunks([...new Set(inputs.map((i) => i.article.id))], async (ids) => {
    const rows = await db
      .selectFrom('articles')
      .select(['id', 'content_hash', 'coder_version', 'published'])
      .where('id', 'in', ids)
      .execute();
    for (const r of rows) {
      states.set(r.id, {
        contentHash: r.content_hash,
        coderVersion: r.coder_version,
        published: r.published,
      });
      hold(r.content_hash, r.id);
    }
  });
  await inChunks([...new Set(inputs.map((i) => i.contentHash))], async (hashes) => {
    const rows = await db
      .selectFrom('articles')
      .select(['id', 'content_hash'])
      .where('content_hash', 'in', hashes)
      .execute();
    for (const r of rows) hold(r.content_hash, r.id);
  });
  return { states, holders, hold };
}

/** Removes a stored article's coding, and its share of the rollups. */
async function deleteCoding(
  db: Kysely<Database>,
  articleId: string,
  published: string,
  delta: RollupDelta,
): Promise<void> {
  const events = await db
    .selectFrom('events')
    .select(['date', 'source_key', 'target_key', 'quad', 'goldstein', 'negated'])
    .where('article_id', '=', articleId)
    .execute();
  delta.addEvents(
    events.map((e) => ({
      date: e.date,
      sourceKey: e.source_key,
      targetKey: e.target_key,
      quad: Number(e.quad),
      goldstein: Number(e.goldstein),
      negated: Number(e.negated) === 1,
    })),
    -1,
  );
  const mentions = await db
    .selectFrom('actor_mentions')
    .select(['key', 'mentions'])
    .where('article_id', '=', articleId)
    .execute();
  delta.addMentions(
    published,
    mentions.map((m) => ({ key: m.key, mentions: Number(m.mentions) })),
    -1,
  );
  for (const table of ['events', 'statement_about', 'statements', 'actor_mentions'] as const) {
    await db.deleteFrom(table).where('article_id', '=', articleId).execute();
  }
}

export async function saveArticles(db: Kysely<Database>, inputs: ArticleToSave[]): Promise<SaveOutcome[]> {
  const { states, holders, hold } = await loadStates(db, inputs);
  const pending = new PendingRows();
  const delta = new RollupDelta();
  const outcomes: SaveOutcome[] = [];
  for (const input of inputs) {
    const id = input.article.id;
    const existing = states.get(id);
    const sameContent = existing?.contentHash === input.contentHash;
    if (sameContent && existing?.coderVersion === input.coded.coderVersion) {
      outcomes.push({ status: 'unchanged' });
      continue;
    }
    if (!sameContent) {
      const twin = [...(holders.get(input.contentHash) ?? [])].find((other) => other !== id);
      if (twin !== undefined) {
        outcomes.push({ status: 'duplicate', of: twin });
        continue;
      }
    }
    if (existing) {
      // Saved earlier in this batch: its rows must be stored before they can be replaced.
      if (pending.ids.has(id)) await pending.write(db);
      await deleteCoding(db, id, existing.published, delta);
      await db.updateTable('articles').set(articleToRow(input)).where('id', '=', id).execute();
      holders.get(existing.contentHash)?.delete(id);
    }
    pending.add(input, !existing, delta);
    states.set(id, {
      contentHash: input.contentHash,
      coderVersion: input.coded.coderVersion,
      published: input.article.published,
    });
    hold(input.contentHash, id);
    outcomes.push({ status: existing ? (sameContent ? 'recoded' : 'updated') : 'new' });
  }
  await pending.write(db);
  await applyRollupDelta(db, delta);
  return outcomes;
}

export async function saveArticle(db: Kysely<Database>, input: ArticleToSave): Promise<SaveOutcome> {
  return (await saveArticles(db, [input]))[0] as SaveOutcome;
}
