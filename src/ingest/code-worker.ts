/**
 * A coding thread of the ingest pool. Each thread builds its own coder once (the NLP model and
 * dictionary are not shareable across threads) and then codes the articles it is handed.
 */
import { workerData } from 'node:worker_threads';
import { createCoder } from '../coder/index.js';
import type { Article, CodedArticle } from '../coder/types.js';
import { loadDictionary } from '../dictionaries/load.js';

export interface CodeWorkerData {
  dict: string[];
}

export type CodeTask = { kind: 'version' } | { kind: 'code'; article: Article };

export interface CodeResult {
  coded: CodedArticle;
  /** Display names of every actor key in the coded article ("RUS" -> "Russia"). */
  actorNames: Record<string, string>;
}

const { dict } = (workerData ?? { dict: [] }) as CodeWorkerData;
const dictionary = loadDictionary(dict);
const coder = createCoder({ dictionary });
const dictionaryNames = new Map<string, string>();
for (const a of dictionary.actors) if (!dictionaryNames.has(a.key)) dictionaryNames.set(a.key, a.name);

function actorNames(coded: CodedArticle): Record<string, string> {
  const names: Record<string, string> = {};
  const add = (key: string, fallback: string) => {
    names[key] ??= dictionaryNames.get(key) ?? fallback;
  };
  for (const e of coded.events) {
    add(e.source.key, e.source.person ? e.source.key : e.source.name);
    if (e.target) add(e.target.key, e.target.person ? e.target.key : e.target.name);
  }
  for (const s of coded.statements) {
    if (s.speaker) add(s.speaker.key, s.speaker.person ? s.speaker.key : s.speaker.name);
    for (const a of s.about) add(a.key, a.name);
  }
  for (const a of coded.actors) add(a.key, a.name);
  return names;
}

export default function run(task: CodeTask): CodeResult | string {
  if (task.kind === 'version') return coder.version;
  const coded = coder.code(task.article);
  return { coded, actorNames: actorNames(coded) };
}
