/**
 * The floor: wink-nlp's bare pipeline on the same texts, asked for what the coder's nlp stage asks
 * of it (tokens, POS, lemmas, sentences), with nothing of Parley around it.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Article } from '../src/coder/types.js';
import { cpuMs, perSecond, round } from './stats.js';

/**
 * wink's pipeline without the steps whose output the coder never reads (named and custom entity
 * recognition): tokens, POS, lemmas, sentences, negation and sentiment are unchanged.
 */
export const LEAN_PIPELINE = ['sbd', 'negation', 'sentiment', 'pos'];

export interface BaselineFigures {
  /** wink pipeline steps; "default" is the model's full pipeline (what the targets refer to). */
  pipeline: string;
  articles: number;
  sentences: number;
  tokens: number;
  ms: number;
  /** Process CPU time during the pass; cpuMs / ms near 1 means the pass had a core to itself. */
  cpuMs: number;
  sentencesPerSec: number;
  tokensPerSec: number;
  articlesPerSec: number;
}

type Nlp = ReturnType<typeof winkNLP>;

export function createBaseline(
  pipeline?: string[],
): (article: Article) => { sentences: number; tokens: number } {
  const nlp: Nlp = pipeline ? winkNLP(model, pipeline) : winkNLP(model);
  const its = nlp.its;
  // wink's typings for `its.lemma` lag its runtime signature (as in the coder's nlp stage).
  const lemma = its.lemma as unknown as typeof its.value;
  return (article) => {
    const doc = nlp.readDoc(article.text);
    const tokens = doc.tokens();
    const values = tokens.out(its.value) as string[];
    const pos = tokens.out(its.pos) as string[];
    const lemmas = tokens.out(lemma) as string[];
    const spans = doc.sentences().out(its.span) as unknown as unknown[];
    // Touch every column so that none of the work can be skipped.
    if (values.length !== pos.length || pos.length !== lemmas.length) throw new Error('wink: ragged columns');
    return { sentences: spans.length, tokens: values.length };
  };
}

export type Reader = ReturnType<typeof createBaseline>;

/** One timed pass of `read` over the articles, after reading `warmup` untimed. */
export function runBaseline(
  read: Reader,
  articles: Article[],
  warmup: Article[],
  pipeline?: string[],
): BaselineFigures {
  for (const a of warmup) read(a);
  let sentences = 0;
  let tokens = 0;
  const c0 = cpuMs();
  const t0 = performance.now();
  for (const a of articles) {
    const r = read(a);
    sentences += r.sentences;
    tokens += r.tokens;
  }
  const ms = performance.now() - t0;
  const cpu = cpuMs() - c0;
  return {
    pipeline: pipeline ? pipeline.join(',') : 'default',
    articles: articles.length,
    sentences,
    tokens,
    ms: round(ms, 1),
    cpuMs: round(cpu, 1),
    sentencesPerSec: perSecond(sentences, ms),
    tokensPerSec: perSecond(tokens, ms),
    articlesPerSec: perSecond(articles.length, ms),
  };
}
