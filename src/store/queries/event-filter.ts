/** An EventFilter as a portable WHERE clause over `events` (plain comparisons, LIKE and lower()). */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database } from '../schema.js';
import type { ActorMatch, EventFilter } from '../store.js';

// Also used on events joined with articles: every column named here is only in `events`.
type EB = ExpressionBuilder<Database, 'events'>;

const contains = (s: string) => `%${s.toLowerCase()}%`;
/** Always false, written so that every dialect accepts it. */
const nothing = sql<SqlBool>`1 = 0`;

function actorCondition(eb: EB, match: ActorMatch): Expression<SqlBool> {
  if ('keys' in match) {
    if (match.keys.length === 0) return nothing;
    return eb.or([eb('source_key', 'in', match.keys), eb('target_key', 'in', match.keys)]);
  }
  const p = contains(match.name);
  return eb.or([
    eb(eb.fn('lower', ['source_name']), 'like', p),
    eb(eb.fn('lower', ['source_person']), 'like', p),
    eb(eb.fn('lower', ['target_name']), 'like', p),
    eb(eb.fn('lower', ['target_person']), 'like', p),
  ]);
}

function dyadCondition(eb: EB, a: string[], b: string[], directed: boolean): Expression<SqlBool> {
  if (a.length === 0 || b.length === 0) return nothing;
  const ab = eb.and([eb('source_key', 'in', a), eb('target_key', 'in', b)]);
  if (directed) return ab;
  return eb.or([ab, eb.and([eb('source_key', 'in', b), eb('target_key', 'in', a)])]);
}

export function eventConditions(f: EventFilter) {
  return <T extends EB>(builder: T): Expression<SqlBool> => {
    const eb = builder as EB;
    const all: Expression<SqlBool>[] = [];
    if (f.actor) all.push(actorCondition(eb, f.actor));
    if (f.dyad) all.push(dyadCondition(eb, f.dyad[0], f.dyad[1], f.directed ?? false));
    // CAMEO codes are hierarchical strings: "04" covers 040…049 and 0411, "112" covers 1121.
    if (f.codes?.length) all.push(eb.or(f.codes.map((c) => eb('cameo', 'like', `${c}%`))));
    if (f.roots?.length) all.push(eb('root', 'in', f.roots));
    if (f.quads?.length) all.push(eb('quad', 'in', f.quads));
    if (f.from) all.push(eb('date', '>=', f.from));
    if (f.to) all.push(eb('date', '<=', f.to));
    if (f.place) {
      all.push(
        eb.or([
          eb(eb.fn('lower', ['place_name']), '=', f.place.toLowerCase()),
          eb('place_country', '=', f.place.toUpperCase()),
        ]),
      );
    }
    if (f.text) all.push(eb(eb.fn('lower', ['sentence_text']), 'like', contains(f.text)));
    if (f.articleId) all.push(eb('article_id', '=', f.articleId));
    if (f.includeNegated === false) all.push(eb('negated', '=', 0));
    return eb.and(all);
  };
}
