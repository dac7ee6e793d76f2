/**
 * Reader for attribution gold in brat standoff format (PolNeAR): `text/NAME.txt` beside
 * `attributions/NAME_<annotator>.ann`, or `NAME.txt` beside `NAME.ann`. Each `.ann` is one gold
 * document; an article annotated by several annotators yields one document per annotator.
 *
 *   T1	Source 0 5	Obama
 *   T2	Cue 6 10	says
 *   T3	Content 11 43;50 60	Trump modeling … (discontinuous: fragments joined by ';')
 *   E1	Attribution:T4 Content:T3 Cue:T2 Source:T1
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A span as character fragments [start, end) into the text. */
export type Fragments = [number, number][];

export interface BratSpan {
  id: string;
  type: string;
  fragments: Fragments;
  text: string;
}

export interface GoldAttribution {
  id: string;
  /** Null for PolNeAR's `Attribution-no-source` (passive or implicit sources). */
  source: Fragments | null;
  cue: Fragments;
  content: Fragments;
}

export interface AttributionDoc {
  /** Name of the `.ann` file without extension. */
  id: string;
  /** The article the annotation belongs to (shared by every annotator of it). */
  textId: string;
  text: string;
  published: string;
  attributions: GoldAttribution[];
  /** Every Source, Cue and Content span, in or out of a relation, deduplicated by position. */
  spans: { source: Fragments[]; cue: Fragments[]; content: Fragments[] };
  /** Annotated spans whose text does not match the article at their offsets. */
  mismatches: number;
}

export const DEFAULT_ATTRIBUTION_DATE = '2016-10-15';

export interface ParsedAnn {
  spans: Map<string, BratSpan>;
  relations: { id: string; type: string; args: { role: string; ref: string }[] }[];
}

export function parseAnn(raw: string, where = 'ann'): ParsedAnn {
  const spans = new Map<string, BratSpan>();
  const relations: ParsedAnn['relations'] = [];
  raw.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim() || line.startsWith('#')) return;
    const cols = line.split('\t');
    const id = cols[0] ?? '';
    if (id.startsWith('T')) {
      const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(cols[1] ?? '');
      if (!m) throw new Error(`${where}:${i + 1}: malformed text-bound annotation: ${line}`);
      const fragments = (m[2] as string).split(';').map((f) => {
        const [a, b] = f.split(' ').map(Number);
        return [a ?? 0, b ?? 0] as [number, number];
      });
      spans.set(id, { id, type: m[1] as string, fragments, text: cols[2] ?? '' });
    } else if (id.startsWith('E') || id.startsWith('R')) {
      const parts = (cols[1] ?? '').trim().split(/\s+/);
      const args: { role: string; ref: string }[] = [];
      let type = '';
      parts.forEach((p, k) => {
        const [role, ref] = p.split(':');
        if (k === 0 && id.startsWith('E')) type = role ?? '';
        else if (role && ref) args.push({ role, ref });
        if (k === 0 && id.startsWith('R')) type = p;
      });
      relations.push({ id, type, args });
    }
    // A (attributes), N (normalisations) and other lines carry nothing scored here.
  });
  return { spans, relations };
}

const ROLE_TYPES = { Source: 'source', Cue: 'cue', Content: 'content' } as const;

export function attributionDoc(
  id: string,
  textId: string,
  text: string,
  ann: string,
  where = id,
): AttributionDoc {
  const { spans, relations } = parseAnn(ann, where);
  const key = (f: Fragments) => f.map(([a, b]) => `${a}-${b}`).join(',');
  const byType = {
    source: new Map<string, Fragments>(),
    cue: new Map<string, Fragments>(),
    content: new Map<string, Fragments>(),
  };
  let mismatches = 0;
  for (const s of spans.values()) {
    const t = ROLE_TYPES[s.type as keyof typeof ROLE_TYPES];
    if (!t) continue;
    byType[t].set(key(s.fragments), s.fragments);
    const actual = s.fragments.map(([a, b]) => text.slice(a, b)).join(' ');
    if (actual.replace(/\s+/g, ' ').trim() !== s.text.replace(/\s+/g, ' ').trim()) mismatches++;
  }
  const attributions: GoldAttribution[] = [];
  for (const r of relations) {
    if (!r.type.startsWith('Attribution')) continue;
    let source: Fragments | null = null;
    let cue: Fragments = [];
    let content: Fragments = [];
    for (const a of r.args) {
      const s = spans.get(a.ref);
      if (!s) continue;
      if (a.role === 'Source') source = [...(source ?? []), ...s.fragments];
      else if (a.role === 'Cue') cue = [...cue, ...s.fragments];
      else if (a.role.startsWith('Content')) content = [...content, ...s.fragments];
    }
    if (cue.length === 0 && content.length === 0) continue;
    content.sort((x, y) => x[0] - y[0]);
    attributions.push({ id: r.id, source, cue, content });
  }
  return {
    id,
    textId,
    text,
    published: dateFromName(textId) ?? DEFAULT_ATTRIBUTION_DATE,
    attributions,
    spans: {
      source: [...byType.source.values()],
      cue: [...byType.cue.values()],
      content: [...byType.content.values()],
    },
    mismatches,
  };
}

/** "breitbart_2016-10-12_washington-post…" -> 2016-10-12. */
export function dateFromName(name: string): string | null {
  const m = /(?:^|[_\-/])((?:19|20)\d\d-[01]\d-[0-3]\d)(?:[_\-.]|$)/.exec(name);
  return m ? (m[1] as string) : null;
}

/** Whether a path looks like brat attribution gold (so `parley eval` can route it here). */
export function isBratGold(path: string): boolean {
  if (path.toLowerCase().endsWith('.ann')) return true;
  if (!existsSync(path) || !statSync(path).isDirectory()) return false;
  if (existsSync(join(path, 'attributions')) && existsSync(join(path, 'text'))) return true;
  return readdirSync(path).some((f) => f.endsWith('.ann'));
}

/**
 * All annotation documents under `path`: a directory holding `text/` and `attributions/`, the
 * `attributions/` directory itself (its texts in `../text/`), a directory of `.txt` + `.ann` pairs,
 * or a single `.ann` file.
 */
export function readBratGold(path: string): AttributionDoc[] {
  if (!existsSync(path)) throw new Error(`${path}: no such file or directory`);
  let annFiles: string[];
  let textDirs: string[];
  if (statSync(path).isDirectory()) {
    const annDir = existsSync(join(path, 'attributions')) ? join(path, 'attributions') : path;
    annFiles = readdirSync(annDir)
      .filter((f) => f.endsWith('.ann'))
      .sort()
      .map((f) => join(annDir, f));
    textDirs = [join(path, 'text'), path, join(dirname(annDir), 'text'), annDir];
  } else {
    annFiles = [path];
    const annDir = dirname(path);
    textDirs = [annDir, join(dirname(annDir), 'text')];
  }
  if (annFiles.length === 0) throw new Error(`${path}: no .ann files found`);
  const texts = new Map<string, string>();
  const docs: AttributionDoc[] = [];
  for (const file of annFiles) {
    const name = basename(file, '.ann');
    const textFile = findText(name, textDirs);
    if (!textFile)
      throw new Error(`${file}: no text file for it (looked for ${name}.txt in ${textDirs.join(', ')})`);
    const textId = basename(textFile, '.txt');
    let text = texts.get(textFile);
    if (text === undefined) {
      text = readFileSync(textFile, 'utf8');
      texts.set(textFile, text);
    }
    docs.push(attributionDoc(name, textId, text, readFileSync(file, 'utf8'), file));
  }
  return docs;
}

/** NAME.txt, or for a per-annotator NAME_ab12.ann the NAME.txt it annotates. */
function findText(annName: string, dirs: string[]): string | null {
  const candidates = [annName, annName.replace(/_[0-9a-f]{4}$/i, '')];
  for (const d of dirs) {
    for (const c of candidates) {
      const p = join(d, `${c}.txt`);
      if (existsSync(p)) return p;
    }
  }
  return null;
}
