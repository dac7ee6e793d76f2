/**
 * Parley's coder: article in, coded article out. Pure: the dictionary is passed in, nothing is
 * read or written, and the only clock is the article's own publication date.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { CompiledDictionary } from '../dictionaries/types.js';
import type { Doc, Sentence } from './doc.js';
import { Gazetteer } from './gazetteer.js';
import { lexiconSets } from './lexicon.js';
import { assembleEvents, summariseActors } from './stages/assemble.js';
import { findEvents } from './stages/events.js';
import { indexRules } from './stages/events-rules.js';
import { findPhrases } from './stages/mentions.js';
import { freezeTokens, newTokenBuilder, readBlock } from './stages/nlp.js';
import { PlaceFinder } from './stages/place.js';
import { resolvePhrases } from './stages/resolve.js';
import { findStatements } from './stages/statements.js';
import { maskSubheadings } from './stages/subheadings.js';
import { findDateline, looksEnglish, splitBlocks } from './stages/text.js';
import type { Article, CodedArticle } from './types.js';

export type * from './types.js';
export type { CompiledDictionary } from '../dictionaries/types.js';

export interface CoderOptions {
  dictionary: CompiledDictionary;
  /** Version string recorded in every coded article (e.g. package version + dictionary hash). */
  version?: string;
}

export interface Coder {
  readonly version: string;
  code(article: Article): CodedArticle;
}

export function createCoder(options: CoderOptions): Coder {
  const dict = options.dictionary;
  // Named-entity recognition is not used: actors come from the dictionary's gazetteer.
  const nlp = winkNLP(model, ['sbd', 'negation', 'sentiment', 'pos']);
  const gazetteer = new Gazetteer(dict);
  const rules = indexRules(dict);
  const places = new PlaceFinder(dict);
  const lexicon = lexiconSets(dict.lexicon);
  const version = options.version ?? `parley-coder+${dict.version}`;

  function code(article: Article): CodedArticle {
    const text = typeof article.text === 'string' ? article.text : '';
    const warnings: string[] = [];
    const empty: CodedArticle = {
      id: article.id,
      published: article.published,
      ...(article.title ? { title: article.title } : {}),
      ...(article.url ? { url: article.url } : {}),
      dateline: null,
      tone: 0,
      sentences: 0,
      events: [],
      statements: [],
      actors: [],
      warnings,
      coderVersion: version,
    };
    if (text.trim().length === 0) {
      warnings.push('empty text: nothing to code');
      return empty;
    }
    if (!looksEnglish(text)) {
      warnings.push('the text does not look like English: not coded');
      return empty;
    }

    const tb = newTokenBuilder();
    const sentences: Sentence[] = [];
    splitBlocks(text).forEach((block, bi) => readBlock(nlp, text, block, bi, tb, sentences));
    const tokens = freezeTokens(tb);
    const masked = new Uint8Array(tokens.count);
    const dl = findDateline(text);
    let dateline: Doc['dateline'] = null;
    if (dl) {
      for (let i = 0; i < tokens.count && (tokens.start[i] ?? 0) < dl.end; i++) masked[i] = 1;
      dateline = { place: places.byName(dl.place), source: dl.source, span: [0, dl.end] };
    }
    maskSubheadings(tokens, sentences, masked);

    const doc: Doc = {
      article: { ...article, text },
      text,
      tokens,
      sentences,
      masked,
      phrases: [],
      phraseAt: new Int32Array(tokens.count).fill(-1),
      dateline,
      events: [],
      statements: [],
      warnings,
      lexicon,
    };
    doc.phrases = resolvePhrases(doc, findPhrases(doc, gazetteer), dict, places);
    doc.phrases.forEach((p, i) => {
      for (let t = p.from; t < p.to; t++) doc.phraseAt[t] = i;
    });
    doc.events = assembleEvents(doc, findEvents(doc, rules, places), dict, places);
    doc.statements = findStatements(doc);

    const tone =
      sentences.length === 0
        ? 0
        : Math.round((sentences.reduce((s, x) => s + x.sentiment, 0) / sentences.length) * 100) / 10;
    return {
      ...empty,
      dateline: dateline ? { place: dateline.place, source: dateline.source } : null,
      tone,
      sentences: sentences.length,
      events: doc.events,
      statements: doc.statements,
      actors: summariseActors(doc),
    };
  }

  return { version, code };
}
