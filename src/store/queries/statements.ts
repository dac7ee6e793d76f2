/** Statements by speaker and by the actors they are about, in publication order. */
import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import { statementFromRow } from '../rows/statement-row.js';
import type { Database, StatementAboutTable, StatementsTable } from '../schema.js';
import type { ActorMatch, StatementFilter, StoredStatement } from '../store.js';

type EB = ExpressionBuilder<Database, 'statements' | 'articles'>;

const contains = (s: string) => `%${s.toLowerCase()}%`;

function speakerCondition(eb: EB, m: ActorMatch): Expression<SqlBool> {
  if ('keys' in m) return eb('statements.speaker_key', 'in', m.keys.length ? m.keys : ['']);
  return eb.or([
    eb(eb.fn('lower', ['statements.speaker_name']), 'like', contains(m.name)),
    eb(eb.fn('lower', ['statements.speaker_person']), 'like', contains(m.name)),
  ]);
}

function aboutCondition(eb: EB, m: ActorMatch): Expression<SqlBool> {
  const about = eb
    .selectFrom('statement_about')
    .select('statement_about.key')
    .whereRef('statement_about.article_id', '=', 'statements.article_id')
    .whereRef('statement_about.statement_id', '=', 'statements.id');
  if ('keys' in m) return eb.exists(about.where('statement_about.key', 'in', m.keys.length ? m.keys : ['']));
  return eb.exists(
    about.where((sub) => sub(sub.fn('lower', ['statement_about.name']), 'like', contains(m.name))),
  );
}

export async function listStatements(
  db: Kysely<Database>,
  f: StatementFilter,
  limit?: number,
): Promise<StoredStatement[]> {
  const rows = (await db
    .selectFrom('statements')
    .innerJoin('articles', 'articles.id', 'statements.article_id')
    .selectAll('statements')
    .where((eb) => {
      const all: Expression<SqlBool>[] = [];
      if (f.speaker) all.push(speakerCondition(eb, f.speaker));
      if (f.about) all.push(aboutCondition(eb, f.about));
      if (f.from) all.push(eb('articles.published', '>=', f.from));
      if (f.to) all.push(eb('articles.published', '<=', f.to));
      if (f.text) all.push(eb(eb.fn('lower', ['statements.content_text']), 'like', contains(f.text)));
      return eb.and(all);
    })
    .orderBy('articles.published')
    .orderBy('statements.article_id')
    .orderBy('statements.seq')
    .$if(limit !== undefined, (q) => q.limit(limit!))
    .execute()) as StatementsTable[];
  return withAbout(db, rows);
}

/** Attaches each statement's `about` actors with one query per page of statements. */
export async function withAbout(db: Kysely<Database>, rows: StatementsTable[]): Promise<StoredStatement[]> {
  if (rows.length === 0) return [];
  const articleIds = [...new Set(rows.map((r) => r.article_id))];
  const about: StatementAboutTable[] = [];
  for (let i = 0; i < articleIds.length; i += 500) {
    about.push(
      ...(await db
        .selectFrom('statement_about')
        .selectAll()
        .where('article_id', 'in', articleIds.slice(i, i + 500))
        .execute()),
    );
  }
  const byStatement = new Map<string, StatementAboutTable[]>();
  for (const a of about) {
    const k = `${a.article_id}\u0000${a.statement_id}`;
    byStatement.set(k, [...(byStatement.get(k) ?? []), a]);
  }
  return rows.map((r) => statementFromRow(r, byStatement.get(`${r.article_id}\u0000${r.id}`) ?? []));
}
