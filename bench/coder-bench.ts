/**
 * Parley's side of the bench: start-up (modules, dictionary, coder) and full coding on one thread.
 */
import type { Coder } from '../src/coder/index.js';
import type { Article, CodedArticle } from '../src/coder/types.js';
import type { CompiledDictionary } from '../src/dictionaries/types.js';
import { cpuMs, median, percentile, perSecond, round } from './stats.js';

export interface StartupFigures {
  /** Importing the coder and dictionary modules (wink-nlp and its model included). */
  importMs: number;
  loadDictionaryMs: number;
  createCoderMs: number;
  /** All three: from nothing loaded to ready to code. */
  totalMs: number;
  /** Process CPU time over the same span (V8's helper threads included). */
  cpuMs: number;
  /** The first article coded right after start-up (cold JIT), for information. */
  firstArticleMs: number;
}

export interface CoderFigures {
  articles: number;
  sentences: number;
  events: number;
  statements: number;
  ms: number;
  /** Process CPU time during the pass (see BaselineFigures.cpuMs). */
  cpuMs: number;
  sentencesPerSec: number;
  articlesPerSec: number;
  eventsPerSec: number;
  /** Per-article coding time. */
  articleMedianMs: number;
  articleP95Ms: number;
  articleMaxMs: number;
}

export interface Ready {
  coder: Coder;
  dictionary: CompiledDictionary;
  startup: StartupFigures;
}

/** Loads everything from scratch, timed. Call it before anything else has imported wink-nlp. */
export async function startCoder(probe: Article): Promise<Ready> {
  const c0 = cpuMs();
  const t0 = performance.now();
  const [{ createCoder }, { loadDictionary }] = await Promise.all([
    import('../src/coder/index.js'),
    import('../src/dictionaries/load.js'),
  ]);
  const t1 = performance.now();
  const dictionary = loadDictionary();
  const t2 = performance.now();
  const coder = createCoder({ dictionary });
  const t3 = performance.now();
  const c3 = cpuMs();
  coder.code(probe);
  const t4 = performance.now();
  return {
    coder,
    dictionary,
    startup: {
      importMs: round(t1 - t0, 1),
      loadDictionaryMs: round(t2 - t1, 1),
      createCoderMs: round(t3 - t2, 1),
      totalMs: round(t3 - t0, 1),
      cpuMs: round(c3 - c0, 1),
      firstArticleMs: round(t4 - t3, 1),
    },
  };
}

export function runCoder(
  coder: Coder,
  articles: Article[],
  warmup: Article[],
): { figures: CoderFigures; coded: CodedArticle[] } {
  for (const a of warmup) coder.code(a);
  const coded: CodedArticle[] = new Array(articles.length);
  const times = new Float64Array(articles.length);
  const c0 = cpuMs();
  const t0 = performance.now();
  for (let i = 0; i < articles.length; i++) {
    const s = performance.now();
    coded[i] = coder.code(articles[i] as Article);
    times[i] = performance.now() - s;
  }
  const ms = performance.now() - t0;
  const cpu = cpuMs() - c0;
  let sentences = 0;
  let events = 0;
  let statements = 0;
  for (const c of coded) {
    sentences += c.sentences;
    events += c.events.length;
    statements += c.statements.length;
  }
  const list = Array.from(times);
  return {
    coded,
    figures: {
      articles: articles.length,
      sentences,
      events,
      statements,
      ms: round(ms, 1),
      cpuMs: round(cpu, 1),
      sentencesPerSec: perSecond(sentences, ms),
      articlesPerSec: perSecond(articles.length, ms),
      eventsPerSec: perSecond(events, ms),
      articleMedianMs: round(median(list), 2),
      articleP95Ms: round(percentile(list, 95), 2),
      articleMaxMs: round(Math.max(0, ...list), 2),
    },
  };
}
