/**
 * Reads articles from files, directories and stdin: JSONL (optionally gzipped), plain text,
 * Markdown, HTML and RSS/Atom feeds. Bad input becomes a problem naming the file and line;
 * reading goes on.
 */
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { extname, join, basename } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import type { Article } from '../coder/types.js';
import { articleInputSchema, describeIssues } from './article-schema.js';
import { looksLikeFeed, parseFeed } from './feed.js';
import { extractHtml } from './html.js';

/** Why an input was not read, in a word, so that summaries can count problems by kind. */
export type ProblemReason =
  | 'missing'
  | 'unsupported'
  | 'binary'
  | 'encoding'
  | 'empty'
  | 'too large'
  | 'malformed'
  | 'invalid'
  | 'no date'
  | 'read error';

export interface ReadProblem {
  where: string;
  message: string;
  reason?: ProblemReason;
}

export type ReadItem = { article: Article; where: string } | { problem: ReadProblem };

export interface ReadOptions {
  /** Publication date for plain files that carry none. */
  date?: string;
  /** Largest single text/HTML file read whole, in bytes. */
  maxFileBytes?: number;
  /** Largest JSONL line, in characters. */
  maxLineChars?: number;
  stdin?: Readable;
}

const TEXT_EXT = new Set(['.txt', '.md', '.markdown', '.text']);
const HTML_EXT = new Set(['.html', '.htm', '.xhtml']);
const JSONL_EXT = new Set(['.jsonl', '.ndjson']);
const FEED_EXT = new Set(['.rss', '.atom', '.xml']);
const DEFAULT_MAX_FILE = 20 * 1024 * 1024;
const DEFAULT_MAX_LINE = 5 * 1024 * 1024;

export function isArticleFile(path: string): boolean {
  const lower = path.toLowerCase();
  if (lower.endsWith('.jsonl.gz') || lower.endsWith('.ndjson.gz')) return true;
  const ext = extname(lower);
  return TEXT_EXT.has(ext) || HTML_EXT.has(ext) || JSONL_EXT.has(ext) || FEED_EXT.has(ext);
}

/** A file to read and the id its article gets if the file is one article. */
export interface InputFile {
  path: string;
  /** Path relative to the directory given, so that a/x.txt and b/x.txt stay two articles. */
  id: string;
}

/** Every article file under the given paths with its article id, directories walked in name order. */
export function expandInputs(paths: string[]): { files: InputFile[]; problems: ReadProblem[] } {
  const files: InputFile[] = [];
  const problems: ReadProblem[] = [];
  const walk = (p: string, id: string) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      problems.push({ where: p, message: 'no such file or directory', reason: 'missing' });
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        if (name.startsWith('.')) continue;
        const child = join(p, name);
        const childId = id ? `${id}/${name}` : name;
        if (statSync(child).isDirectory() || isArticleFile(child)) walk(child, childId);
      }
    } else files.push({ path: p, id: id || basename(p) });
  };
  for (const p of paths) {
    if (p === '-') files.push({ path: '-', id: 'stdin' });
    else walk(p, '');
  }
  return { files, problems };
}

/** Every article file under the given paths, directories walked recursively in name order. */
export function expandPaths(paths: string[]): { files: string[]; problems: ReadProblem[] } {
  const { files, problems } = expandInputs(paths);
  return { files: files.map((f) => f.path), problems };
}

export async function* readArticles(paths: string[], options: ReadOptions = {}): AsyncGenerator<ReadItem> {
  const { files, problems } = expandInputs(paths);
  for (const problem of problems) yield { problem };
  for (const file of files) yield* readFileArticles(file.path, options, file.id);
}

export async function* readFileArticles(
  file: string,
  options: ReadOptions,
  id: string = basename(file),
): AsyncGenerator<ReadItem> {
  const lower = file.toLowerCase();
  if (file === '-') {
    yield* readStdin(options);
    return;
  }
  if (lower.endsWith('.gz')) {
    yield* readJsonl(createReadStream(file).pipe(createGunzip()), file, options);
    return;
  }
  const ext = extname(lower);
  if (JSONL_EXT.has(ext)) {
    const binary = await sniffBinary(file);
    if (binary) {
      yield { problem: { where: file, message: binary, reason: 'binary' } };
      return;
    }
    yield* readJsonl(createReadStream(file), file, options);
    return;
  }
  if (!TEXT_EXT.has(ext) && !HTML_EXT.has(ext) && !FEED_EXT.has(ext)) {
    yield {
      problem: {
        where: file,
        message: `unsupported file type "${ext || '(none)'}": expected .jsonl, .jsonl.gz, .txt, .md, .html or an RSS/Atom feed`,
        reason: 'unsupported',
      },
    };
    return;
  }
  const size = statSync(file).size;
  const max = options.maxFileBytes ?? DEFAULT_MAX_FILE;
  if (size > max) {
    yield {
      problem: {
        where: file,
        message: `file is ${size} bytes, over the ${max}-byte limit for one ${FEED_EXT.has(ext) ? 'feed' : 'article'}: skipped`,
        reason: 'too large',
      },
    };
    return;
  }
  const bytes = await readFile(file);
  const decoded = decodeText(bytes);
  if ('error' in decoded) {
    yield { problem: { where: file, message: decoded.error, reason: decodeReason(decoded.error) } };
    return;
  }
  if (FEED_EXT.has(ext)) {
    yield* feedArticles(decoded.text, file, options.date);
    return;
  }
  yield textArticle(decoded.text, file, HTML_EXT.has(ext), options.date, statSync(file).mtime, id);
}

function* feedArticles(xml: string, file: string, date: string | undefined): Generator<ReadItem> {
  if (!looksLikeFeed(xml.slice(0, 2048))) {
    yield {
      problem: { where: file, message: 'XML but not an RSS or Atom feed: skipped', reason: 'unsupported' },
    };
    return;
  }
  let n = 0;
  for (const item of parseFeed(xml, date)) {
    n++;
    const where = `${file}: item ${n}`;
    if ('problem' in item) {
      const reason: ProblemReason = /no date/.test(item.problem)
        ? 'no date'
        : /malformed/.test(item.problem)
          ? 'malformed'
          : 'invalid';
      yield { problem: { where: reason === 'malformed' ? file : where, message: item.problem, reason } };
    } else yield { article: item.article, where };
  }
}

const decodeReason = (error: string): ProblemReason => (error.startsWith('binary') ? 'binary' : 'encoding');

async function* readStdin(options: ReadOptions): AsyncGenerator<ReadItem> {
  const stream = options.stdin ?? process.stdin;
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as string));
  const decoded = decodeText(Buffer.concat(chunks));
  if ('error' in decoded) {
    yield { problem: { where: '<stdin>', message: decoded.error, reason: decodeReason(decoded.error) } };
    return;
  }
  const trimmed = decoded.text.trimStart();
  if (trimmed.startsWith('{')) {
    const { Readable } = await import('node:stream');
    yield* readJsonl(Readable.from([decoded.text]), '<stdin>', options);
    return;
  }
  if (looksLikeFeed(trimmed.slice(0, 2048))) {
    yield* feedArticles(decoded.text, '<stdin>', options.date);
    return;
  }
  yield textArticle(decoded.text, '<stdin>', /^<(!doctype|html)/i.test(trimmed), options.date, null, 'stdin');
}

async function sniffBinary(file: string): Promise<string | null> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(4096);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return looksBinary(buf.subarray(0, bytesRead)) ? 'binary data, not text: skipped' : null;
  } finally {
    await fh.close();
  }
}

function looksBinary(buf: Uint8Array): boolean {
  let control = 0;
  for (const b of buf) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return buf.length > 0 && control / buf.length > 0.1;
}

/** UTF-8 (with or without BOM) or UTF-16 with BOM; anything else is reported, not guessed. */
export function decodeText(bytes: Uint8Array): { text: string } | { error: string } {
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  ) {
    return { text: new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes) };
  }
  if (looksBinary(bytes.subarray(0, 4096))) return { error: 'binary data, not text: skipped' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    return { error: `not valid UTF-8 (first bad byte at offset ${at}): skipped; convert it to UTF-8 first` };
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  const d = new TextDecoder('utf-8', { fatal: true });
  let lo = 0;
  let hi = bytes.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    try {
      d.decode(bytes.subarray(0, mid));
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  return lo;
}

const DATE_IN_TEXT = /\b(20\d\d|19\d\d)-(\d\d)-(\d\d)\b/;

function textArticle(
  text: string,
  where: string,
  html: boolean,
  date: string | undefined,
  mtime: Date | null,
  id: string,
): ReadItem {
  let body = text;
  let title: string | undefined;
  let published: string | null = null;
  if (html) {
    const page = extractHtml(text);
    body = page.text;
    title = page.title ?? undefined;
    published = page.published;
  }
  if (body.trim().length === 0)
    return { problem: { where, message: 'empty: no text to code', reason: 'empty' } };
  published = date ?? published ?? DATE_IN_TEXT.exec(body.slice(0, 400))?.[0] ?? null;
  if (!published && mtime) published = mtime.toISOString().slice(0, 10);
  if (!published) {
    return { problem: { where, message: 'no publication date: pass --date YYYY-MM-DD', reason: 'no date' } };
  }
  return { article: { id, text: body, published, ...(title ? { title } : {}) }, where };
}

async function* readJsonl(stream: Readable, file: string, options: ReadOptions): AsyncGenerator<ReadItem> {
  const maxLine = options.maxLineChars ?? DEFAULT_MAX_LINE;
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const line of lines) {
      n++;
      const where = `${file}:${n}`;
      if (line.trim() === '') continue;
      if (line.length > maxLine) {
        yield {
          problem: {
            where,
            message: `line is ${line.length} characters, over the ${maxLine} limit: skipped`,
            reason: 'too large',
          },
        };
        continue;
      }
      if (line.includes('\uFFFD')) {
        yield { problem: { where, message: 'line is not valid UTF-8: skipped', reason: 'encoding' } };
        continue;
      }
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch (e) {
        yield { problem: { where, message: `malformed JSON: ${(e as Error).message}`, reason: 'malformed' } };
        continue;
      }
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        yield { problem: { where, message: 'expected a JSON object per line', reason: 'malformed' } };
        continue;
      }
      const r = raw as Record<string, unknown>;
      if (r.published == null && options.date) r.published = options.date;
      const parsed = articleInputSchema.safeParse(r);
      if (!parsed.success) {
        yield { problem: { where, message: describeIssues(parsed.error), reason: 'invalid' } };
        continue;
      }
      if (parsed.data.text.trim() === '') {
        yield { problem: { where, message: 'field `text` is empty', reason: 'empty' } };
        continue;
      }
      yield { article: parsed.data, where };
    }
  } catch (e) {
    yield {
      problem: {
        where: `${file}:${n + 1}`,
        message: `read failed: ${(e as Error).message}`,
        reason: 'read error',
      },
    };
  }
}
