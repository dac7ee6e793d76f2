/** A coded statement to and from its rows in `statements` and `statement_about`. */
import type { CodedStatement } from '../../coder/types.js';
import type { StatementAboutTable, StatementsTable } from '../schema.js';
import type { StoredStatement } from '../store.js';
import { actorFromColumns, actorToColumns } from './actor-columns.js';

export function statementToRow(articleId: string, seq: number, s: CodedStatement): StatementsTable {
  return {
    article_id: articleId,
    id: s.id,
    seq,
    sentence: s.sentence,
    kind: s.kind,
    tone: s.tone,
    ...actorToColumns('speaker_', s.speaker),
    cue_text: s.cue.text,
    cue_start: s.cue.span[0],
    cue_end: s.cue.span[1],
    content_text: s.content.text,
    content_start: s.content.span[0],
    content_end: s.content.span[1],
    event_ids: JSON.stringify(s.events),
  } as StatementsTable;
}

/** One row per actor the statement is about; a key said twice is one row. */
export function aboutRows(articleId: string, s: CodedStatement): StatementAboutTable[] {
  const byKey = new Map(s.about.map((a) => [a.key, a]));
  return [...byKey.values()].map((a) => ({
    article_id: articleId,
    statement_id: s.id,
    key: a.key,
    name: a.name,
  }));
}

export function statementFromRow(r: StatementsTable, about: StatementAboutTable[]): StoredStatement {
  return {
    articleId: r.article_id,
    id: r.id,
    speaker: actorFromColumns('speaker_', r),
    cue: { text: r.cue_text, span: [r.cue_start, r.cue_end] },
    content: { text: r.content_text, span: [r.content_start, r.content_end] },
    kind: r.kind as CodedStatement['kind'],
    about: about.map((a) => ({ key: a.key, name: a.name })),
    tone: r.tone,
    sentence: r.sentence,
    events: JSON.parse(r.event_ids) as string[],
  };
}
