/**
 * `parley eval --gold <brat dir or .ann>`: codes each annotated article and scores its statements
 * against the attribution gold (speaker, cue, content; exact and overlapping; and all three together).
 */
import { createCoder } from '../../coder/index.js';
import type { CodedArticle } from '../../coder/types.js';
import { loadDictionary } from '../../dictionaries/load.js';
import {
  attributionTable,
  predictedFromStatements,
  scoreAttributionDoc,
  summariseAttributions,
} from '../../eval/attribution.js';
import { readBratGold, type AttributionDoc } from '../../eval/brat.js';
import { EXIT } from '../exit-codes.js';

export interface AttributionEvalOptions {
  gold: string;
  verbose?: boolean;
  json?: boolean;
  dict: string[];
}

export async function runAttributionEval(o: AttributionEvalOptions): Promise<number> {
  let docs: AttributionDoc[];
  try {
    docs = readBratGold(o.gold);
  } catch (e) {
    process.stderr.write(`parley eval: ${(e as Error).message}\n`);
    return EXIT.failed;
  }
  const coder = createCoder({ dictionary: loadDictionary(o.dict) });
  // Articles annotated by several annotators are coded once and scored against each annotation.
  const coded = new Map<string, CodedArticle>();
  const results = docs.map((d) => {
    let article = coded.get(d.textId);
    if (!article) {
      article = coder.code({ id: d.textId, text: d.text, published: d.published });
      coded.set(d.textId, article);
    }
    return scoreAttributionDoc(d, predictedFromStatements(d.text, article.statements));
  });
  const scores = summariseAttributions(results);
  const mismatches = docs.reduce((n, d) => n + d.mismatches, 0);
  if (o.json) {
    process.stdout.write(`${JSON.stringify({ gold: o.gold, ...scores, mismatches }, null, 2)}\n`);
    return EXIT.ok;
  }
  const out: string[] = [];
  const gold = docs.reduce((n, d) => n + d.attributions.length, 0);
  out.push(
    `gold: ${o.gold} (${scores.documents} annotations of ${scores.articles} articles, ${gold} attributions; ` +
      'exact = same span up to surrounding punctuation, overlap = shares a character)',
  );
  if (mismatches) out.push(`warning: ${mismatches} annotated spans do not match their text`);
  out.push('', attributionTable(scores));
  if (o.verbose) {
    for (const r of results) {
      if (r.misses.length === 0 && r.falseAlarms.length === 0) continue;
      out.push('', `[${r.doc.id}]`);
      for (const m of r.misses) out.push(`  miss:  ${m.source ?? '∅'} —${m.cue}→ ${m.content}`);
      for (const f of r.falseAlarms) out.push(`  false: ${f}`);
    }
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return EXIT.ok;
}
