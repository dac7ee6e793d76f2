/**
 * Scores coded statements against attribution gold (brat standoff, PolNeAR): precision / recall /
 * F1 for the speaker (Source), cue and content spans, exact and overlapping, and for whole
 * attributions (speaker + cue + content together). Pure.
 *
 * - overlap: two spans match when they share at least one character;
 * - exact: they match after trimming whitespace, punctuation and quote marks at both ends (and a
 *   leading complementiser "that", which PolNeAR puts in the content and Parley leaves out);
 *   a discontinuous span (a split quote) is compared by its first and last character.
 *
 * Matching is one-to-one within a document, best overlap first.
 */
import type { CodedStatement } from '../coder/types.js';
import type { AttributionDoc, Fragments } from './brat.js';
import { prf, type Counts } from './score.js';

export interface PredictedAttribution {
  source: Fragments | null;
  cue: Fragments;
  content: Fragments;
  /** For --verbose listings. */
  label: string;
}

export type Part = 'speaker' | 'cue' | 'content';
export const PARTS: Part[] = ['speaker', 'cue', 'content'];

export interface Pair {
  exact: Counts;
  overlap: Counts;
}

export interface AttributionDocResult {
  doc: AttributionDoc;
  parts: Record<Part, Pair>;
  joint: Pair;
  /** Gold attributions with no overlapping prediction (speaker, cue and content). */
  misses: { source: string | null; cue: string; content: string }[];
  /** Predicted statements that match no gold attribution. */
  falseAlarms: string[];
}

export function predictedFromStatements(text: string, statements: CodedStatement[]): PredictedAttribution[] {
  return statements.map((s) => {
    const source = s.speakerPhrase?.span ?? s.speaker?.span ?? null;
    const content: Fragments = s.contentParts?.length
      ? s.contentParts.map((p) => [p[0], p[1]])
      : [s.content.span];
    const sourceText = source ? text.slice(source[0], source[1]) : '∅';
    return {
      source: source ? [[source[0], source[1]]] : null,
      cue: [[s.cue.span[0], s.cue.span[1]]],
      content,
      label: `${sourceText} —${s.cue.text}→ ${short(s.content.text)}`,
    };
  });
}

const short = (s: string, n = 100) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

const TRIM_CHARS = /[\s"'“”‘’«»„‟,.;:!?()[\]—–-]/u;

/** The span's hull with surrounding punctuation, quotes and a leading "that" trimmed away. */
export function normalise(text: string, f: Fragments): [number, number] | null {
  if (f.length === 0) return null;
  let a = Math.min(...f.map((x) => x[0]));
  let b = Math.max(...f.map((x) => x[1]));
  const trim = () => {
    while (a < b && TRIM_CHARS.test(text[a] ?? '')) a++;
    while (b > a && TRIM_CHARS.test(text[b - 1] ?? '')) b--;
  };
  trim();
  if (/^that\s/i.test(text.slice(a, a + 5))) {
    a += 4;
    trim();
  }
  return a < b ? [a, b] : null;
}

export function overlapLength(x: Fragments, y: Fragments): number {
  let n = 0;
  for (const [a, b] of x) for (const [c, d] of y) n += Math.max(0, Math.min(b, d) - Math.max(a, c));
  return n;
}

function exactMatch(text: string, x: Fragments, y: Fragments): boolean {
  const p = normalise(text, x);
  const q = normalise(text, y);
  return p != null && q != null && p[0] === q[0] && p[1] === q[1];
}

/** One-to-one matching: pairs that fit, best score first. Returns the number of matched pairs. */
function matchCount<G, P>(
  gold: G[],
  pred: P[],
  score: (g: G, p: P) => number,
): { n: number; goldUsed: Set<number>; predUsed: Set<number> } {
  const pairs: [number, number, number][] = [];
  gold.forEach((g, i) =>
    pred.forEach((p, j) => {
      const s = score(g, p);
      if (s > 0) pairs.push([s, i, j]);
    }),
  );
  pairs.sort((x, y) => y[0] - x[0]);
  const goldUsed = new Set<number>();
  const predUsed = new Set<number>();
  for (const [, i, j] of pairs) {
    if (goldUsed.has(i) || predUsed.has(j)) continue;
    goldUsed.add(i);
    predUsed.add(j);
  }
  return { n: goldUsed.size, goldUsed, predUsed };
}

const counts = (tp: number, gold: number, pred: number): Counts => ({ tp, fn: gold - tp, fp: pred - tp });

function dedupe(spans: Fragments[]): Fragments[] {
  const seen = new Map<string, Fragments>();
  for (const f of spans) seen.set(f.map(([a, b]) => `${a}-${b}`).join(','), f);
  return [...seen.values()];
}

/** Overlap score of two spans: shared characters over the union, so the closest pairs go first. */
function jaccard(x: Fragments, y: Fragments): number {
  const o = overlapLength(x, y);
  if (o === 0) return 0;
  const len = (f: Fragments) => f.reduce((s, [a, b]) => s + (b - a), 0);
  return o / (len(x) + len(y) - o);
}

export function scoreAttributionDoc(
  doc: AttributionDoc,
  predicted: PredictedAttribution[],
): AttributionDocResult {
  const text = doc.text;
  const parts = {} as Record<Part, Pair>;
  const goldSpans: Record<Part, Fragments[]> = {
    speaker: doc.spans.source,
    cue: doc.spans.cue,
    content: doc.spans.content,
  };
  const predSpans: Record<Part, Fragments[]> = {
    speaker: dedupe(predicted.flatMap((p) => (p.source ? [p.source] : []))),
    cue: dedupe(predicted.map((p) => p.cue)),
    content: dedupe(predicted.map((p) => p.content)),
  };
  for (const part of PARTS) {
    const g = goldSpans[part];
    const p = predSpans[part];
    const exact = matchCount(g, p, (x, y) => (exactMatch(text, x, y) ? 1 : 0)).n;
    const overlap = matchCount(g, p, jaccard).n;
    parts[part] = { exact: counts(exact, g.length, p.length), overlap: counts(overlap, g.length, p.length) };
  }

  const gold = doc.attributions;
  const sourceFits = (g: Fragments | null, p: Fragments | null, exact: boolean) =>
    g == null || p == null
      ? g == null && p == null
        ? 1
        : 0
      : exact
        ? exactMatch(text, g, p)
          ? 1
          : 0
        : jaccard(g, p);
  const jointScore = (exact: boolean) => (g: (typeof gold)[number], p: PredictedAttribution) => {
    const s = sourceFits(g.source, p.source, exact);
    const c = exact ? (exactMatch(text, g.cue, p.cue) ? 1 : 0) : jaccard(g.cue, p.cue);
    const t = exact ? (exactMatch(text, g.content, p.content) ? 1 : 0) : jaccard(g.content, p.content);
    return s > 0 && c > 0 && t > 0 ? s + c + t : 0;
  };
  const je = matchCount(gold, predicted, jointScore(true)).n;
  const jo = matchCount(gold, predicted, jointScore(false));
  const frag = (f: Fragments) => f.map(([a, b]) => text.slice(a, b)).join(' … ');
  return {
    doc,
    parts,
    joint: {
      exact: counts(je, gold.length, predicted.length),
      overlap: counts(jo.n, gold.length, predicted.length),
    },
    misses: gold
      .filter((_, i) => !jo.goldUsed.has(i))
      .map((g) => ({
        source: g.source ? frag(g.source) : null,
        cue: frag(g.cue),
        content: short(frag(g.content)),
      })),
    falseAlarms: predicted.filter((_, j) => !jo.predUsed.has(j)).map((p) => p.label),
  };
}

export type Scored = Counts & { precision: number; recall: number; f1: number };

export interface AttributionScores {
  documents: number;
  articles: number;
  parts: Record<Part | 'joint', { exact: Scored; overlap: Scored }>;
}

export function summariseAttributions(results: AttributionDocResult[]): AttributionScores {
  const zero = (): Pair => ({ exact: { tp: 0, fp: 0, fn: 0 }, overlap: { tp: 0, fp: 0, fn: 0 } });
  const total: Record<Part | 'joint', Pair> = {
    speaker: zero(),
    cue: zero(),
    content: zero(),
    joint: zero(),
  };
  const add = (into: Pair, x: Pair) => {
    for (const m of ['exact', 'overlap'] as const) {
      into[m].tp += x[m].tp;
      into[m].fp += x[m].fp;
      into[m].fn += x[m].fn;
    }
  };
  for (const r of results) {
    for (const p of PARTS) add(total[p], r.parts[p]);
    add(total.joint, r.joint);
  }
  const out = {} as AttributionScores['parts'];
  for (const [k, v] of Object.entries(total) as [Part | 'joint', Pair][])
    out[k] = { exact: prf(v.exact), overlap: prf(v.overlap) };
  return {
    documents: results.length,
    articles: new Set(results.map((r) => r.doc.textId)).size,
    parts: out,
  };
}

const pct = (x: number) => x.toFixed(2);

/** The scores as a Markdown table (also readable in a terminal). */
export function attributionTable(s: AttributionScores): string {
  const rows = [
    '| part | gold | found | exact P | exact R | exact F1 | overlap P | overlap R | overlap F1 |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const names: [Part | 'joint', string][] = [
    ['speaker', 'speaker'],
    ['cue', 'cue'],
    ['content', 'content'],
    ['joint', 'speaker+cue+content'],
  ];
  for (const [k, name] of names) {
    const { exact: e, overlap: o } = s.parts[k];
    rows.push(
      `| ${name} | ${o.tp + o.fn} | ${o.tp + o.fp} | ${pct(e.precision)} | ${pct(e.recall)} | ${pct(e.f1)} | ${pct(o.precision)} | ${pct(o.recall)} | ${pct(o.f1)} |`,
    );
  }
  return rows.join('\n');
}
