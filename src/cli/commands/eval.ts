/** `parley eval`: codes the gold sentences and scores the events against the gold codings. */
import { createCoder } from '../../coder/index.js';
import { loadDictionary } from '../../dictionaries/load.js';
import { readGold } from '../../eval/gold.js';
import { predictedTriples, scoreItem, summarise, type PredictedActor } from '../../eval/score.js';
import { isBratGold } from '../../eval/brat.js';
import { EXIT } from '../exit-codes.js';
import { runAttributionEval } from './eval-attributions.js';

export interface EvalOptions {
  gold: string;
  verbose?: boolean;
  json?: boolean;
  dict: string[];
}

const pct = (x: number) => (x * 100).toFixed(1).padStart(5);

export async function runEval(o: EvalOptions): Promise<number> {
  // Hook (statements, issue 3): brat standoff attribution gold (PolNeAR) is scored by eval-attributions.
  if (isBratGold(o.gold)) return runAttributionEval(o);
  let gold;
  try {
    gold = readGold(o.gold);
  } catch (e) {
    process.stderr.write(`parley eval: ${(e as Error).message}\n`);
    return EXIT.failed;
  }
  const dictionary = loadDictionary(o.dict);
  const kinds = new Map<string, PredictedActor['kind']>(dictionary.actors.map((a) => [a.key, a.kind]));
  const kindOf = (key: string) => kinds.get(key) ?? 'country';
  const coder = createCoder({ dictionary });
  const results = gold.items.map((item) => {
    const coded = coder.code({ id: item.id, text: item.text, published: item.published });
    return scoreItem(item, predictedTriples(coded.events, gold.scheme, kindOf), gold.scheme, gold.actorCodes);
  });
  const scores = summarise(results);
  if (o.json) {
    process.stdout.write(
      `${JSON.stringify({ gold: o.gold, scheme: gold.scheme, items: gold.items.length, ...scores }, null, 2)}\n`,
    );
    return EXIT.ok;
  }
  const out: string[] = [];
  out.push(
    `gold: ${o.gold} (${gold.items.length} items, events compared by ${gold.scheme === 'plover' ? 'PLOVER type' : 'CAMEO root'})`,
  );
  out.push('class        gold  found  tp    P      R      F1');
  for (const [cls, c] of Object.entries(scores.byClass)) {
    out.push(
      `${cls.padEnd(12)} ${String(c.tp + c.fn).padStart(4)} ${String(c.tp + c.fp).padStart(6)} ${String(c.tp).padStart(3)}  ${pct(c.precision)}  ${pct(c.recall)}  ${pct(c.f1)}`,
    );
  }
  const t = scores.overall;
  out.push(
    `${'overall'.padEnd(12)} ${String(t.tp + t.fn).padStart(4)} ${String(t.tp + t.fp).padStart(6)} ${String(t.tp).padStart(3)}  ${pct(t.precision)}  ${pct(t.recall)}  ${pct(t.f1)}`,
  );
  if (o.verbose) {
    for (const r of results) {
      if (r.misses.length === 0 && r.falseAlarms.length === 0) continue;
      out.push('', `[${r.item.id}] ${r.item.text}`);
      for (const m of r.misses) out.push(`  miss:  ${m.source} ${m.event} ${m.target ?? '∅'}`);
      for (const p of r.falseAlarms)
        out.push(`  false: ${p.source.key} ${p.event} ${p.target?.key ?? '∅'}  (${p.cameo}: ${p.text})`);
    }
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return EXIT.ok;
}
