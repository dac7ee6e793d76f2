/** Hand-made coded articles for store tests: known events without depending on the coder. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodedActor, CodedArticle, CodedEvent, CodedStatement } from '../src/coder/types.js';
import { contentHash } from '../src/store/content-hash.js';
import type { ArticleToSave } from '../src/store/store.js';

export const tempDb = (name = 'parley.db') => join(mkdtempSync(join(tmpdir(), 'parley-store-')), name);

const NAMES: Record<string, string> = {
  USA: 'United States',
  RUS: 'Russia',
  UKR: 'Ukraine',
  CHN: 'China',
  TUR: 'Turkey',
  WST: 'the West',
};

export function actor(key: string, span: [number, number], person?: string): CodedActor {
  return {
    text: person ?? NAMES[key] ?? key,
    name: person ?? NAMES[key] ?? key,
    key,
    country: key.length === 3 ? key : null,
    org: null,
    sector: person ? 'GOV' : null,
    code: person ? `${key}GOV` : key,
    span,
    ...(person ? { person } : {}),
  };
}

export interface EventSpec {
  source: string;
  target?: string | null;
  cameo: string;
  quad: 1 | 2 | 3 | 4;
  goldstein: number;
  date?: string;
  negated?: boolean;
  place?: { name: string; country: string | null; lat: number; lon: number };
  person?: string;
}

/** An article whose sentences read "SOURCE acted TARGET." one per event, spans pointing into them. */
export function codedArticle(
  id: string,
  published: string,
  specs: EventSpec[],
  options: {
    title?: string;
    url?: string;
    version?: string;
    statements?: CodedStatement[];
    text?: string;
  } = {},
): ArticleToSave {
  let text = options.text ?? '';
  const events: CodedEvent[] = specs.map((s, i) => {
    const start = text.length;
    const src = s.person ?? NAMES[s.source] ?? s.source;
    const verb = `acted${s.cameo}`;
    const tgt = s.target ? (NAMES[s.target] ?? s.target) : '';
    const sentence = `${src} ${verb}${tgt ? ` ${tgt}` : ''} in ${s.place?.name ?? 'town'}.`;
    text += `${sentence}\n`;
    const srcSpan: [number, number] = [start, start + src.length];
    const verbSpan: [number, number] = [srcSpan[1] + 1, srcSpan[1] + 1 + verb.length];
    const tgtSpan: [number, number] = [verbSpan[1] + 1, verbSpan[1] + 1 + tgt.length];
    return {
      id: `${id}#e${i + 1}`,
      source: actor(s.source, srcSpan, s.person),
      target: s.target ? actor(s.target, tgtSpan) : null,
      action: { text: verb, lemma: 'act', span: verbSpan },
      cameo: s.cameo,
      root: s.cameo.slice(0, 2),
      quad: s.quad,
      goldstein: s.goldstein,
      plover: { type: 'CONSULT', mode: null },
      negated: s.negated ?? false,
      modality: 'asserted',
      date: s.date ?? published,
      datePrecision: 'day',
      dateFromPublished: !s.date,
      place: s.place ? { ...s.place } : null,
      sentence: i,
      sentenceSpan: [start, start + sentence.length],
      tone: -1.5,
      confidence: 0.8,
      rule: `test/rule#${i}`,
    };
  });
  if (text === '') text = 'Nothing happened today.';
  const coded: CodedArticle = {
    id,
    published,
    ...(options.title ? { title: options.title } : {}),
    ...(options.url ? { url: options.url } : {}),
    dateline: null,
    tone: -1.2,
    sentences: Math.max(1, specs.length),
    events,
    statements: options.statements ?? [],
    actors: [...new Set(specs.flatMap((s) => [s.source, s.target ?? '']).filter(Boolean))].map((key) => ({
      key,
      name: key,
      code: key,
      mentions: 1,
    })),
    warnings: [],
    coderVersion: options.version ?? 'test-coder-1',
  };
  const article = {
    id,
    published,
    text,
    ...(options.title ? { title: options.title } : {}),
    ...(options.url ? { url: options.url } : {}),
  };
  return {
    article,
    coded,
    contentHash: contentHash(article),
    origin: `fixture:${id}`,
    actorNames: { ...NAMES },
  };
}

export function statement(
  articleId: string,
  n: number,
  speaker: CodedActor | null,
  about: string[],
  content: string,
): CodedStatement {
  return {
    id: `${articleId}#s${n}`,
    speaker,
    cue: { text: 'said', span: [0, 4] },
    content: { text: content, span: [5, 5 + content.length] },
    kind: 'direct',
    about: about.map((key) => ({ key, name: NAMES[key] ?? key })),
    tone: -2,
    sentence: 0,
    events: [],
  };
}
