/**
 * Reads articles from files, directories and stdin: JSONL (optionally gzipped), plain text,
 * Markdown and HTML. Bad input becomes a problem naming the file and line; reading goes on.
 */
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { extname, join, basename } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import type { Article } from '../coder/types.js';
import { articleInputSchema, describeIssues } from './article-schema.js';
import { extractHtml } from './html.js';

export interface ReadProblem {
  where: string;
  message: string;
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
const DEFAULT_MAX_FILE = 20 * 1024 * 1024;
const DEFAULT_MAX_LINE = 5 * 1024 * 1024;

export function isArticleFile(path: string): boolean {
  const lower = path.toLowerCase();
  if (lower.endsWith('.jsonl.gz') || lower.endsWith('.ndjson.gz')) return true;
  const ext = extname(lower);
  return TEXT_EXT.has(ext) || HTML_EXT.has(ext) || JSONL_EXT.has(ext);
}

/** Every article file under the given paths, directories walked recursively in name order. */
export function expandPaths(paths: string[]): { files: string[]; problems: ReadProblem[] } {
  const files: string[] = [];
  const problems: ReadProblem[] = [];
  const walk = (p: string) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      problems.push({ where: p, message: 'no such file or directory' });
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        if (name.startsWith('.')) continue;
        const child = join(p, name);
        if (statSync(child).isDirectory() || isArticleFile(child)) walk(child);
      }
    } else files.push(p);
  };
  for (const p of paths) {
    if (p === '-') files.push('-');
    else walk(p);
  }
  return { files, problems };
}

export async function* readArticles(paths: string[], options: ReadOptions = {}): AsyncGenerator<ReadItem> {
  const { files, problems } = expandPaths(paths);
  for (const problem of problems) yield { problem };
  for (const file of files) yield* readFileArticles(file, options);
}

export async function* readFileArticles(file: string, options: ReadOptions): AsyncGenerator<ReadItem> {
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
      yield { problem: { where: file, message: binary } };
      return;
    }
    yield* readJsonl(createReadStream(file), file, options);
    return;
  }
  if (!TEXT_EXT.has(ext) && !HTML_EXT.has(ext)) {
    yield {
      problem: {
        where: file,
        message: `unsupported file type "${ext || '(none)'}": expected .jsonl, .jsonl.gz, .txt, .md or .html`,
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
        message: `file is ${size} bytes, over the ${max}-byte limit for one article: skipped`,
      },
    };
    return;
  }
  const bytes = await readFile(file);
  const decoded = decodeText(bytes);
  if ('error' in decoded) {
    yield { problem: { where: file, message: decoded.error } };
    return;
  }
  const item = textArticle(decoded.text, file, HTML_EXT.has(ext), options.date, statSync(file).mtime);
  yield item;
}

async function* readStdin(options: ReadOptions): AsyncGenerator<ReadItem> {
  const stream = options.stdin ?? process.stdin;
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as string));
  const decoded = decodeText(Buffer.concat(chunks));
  if ('error' in decoded) {
    yield { problem: { where: '<stdin>', message: decoded.error } };
    return;
  }
  const trimmed = decoded.text.trimStart();
  if (trimmed.startsWith('{')) {
    const { Readable } = await import('node:stream');
    yield* readJsonl(Readable.from([decoded.text]), '<stdin>', options);
    return;
  }
  yield textArticle(decoded.text, '<stdin>', /^<(!doctype|html)/i.test(trimmed), options.date, null);
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
  if (body.trim().length === 0) return { problem: { where, message: 'empty: no text to code' } };
  published = date ?? published ?? DATE_IN_TEXT.exec(body.slice(0, 400))?.[0] ?? null;
  if (!published && mtime) published = mtime.toISOString().slice(0, 10);
  if (!published) return { problem: { where, message: 'no publication date: pass --date YYYY-MM-DD' } };
  const id = where === '<stdin>' ? 'stdin' : basename(where);
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
          },
        };
        continue;
      }
      if (line.includes('\uFFFD')) {
        yield { problem: { where, message: 'line is not valid UTF-8: skipped' } };
        continue;
      }
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch (e) {
        yield { problem: { where, message: `malformed JSON: ${(e as Error).message}` } };
        continue;
      }
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        yield { problem: { where, message: 'expected a JSON object per line' } };
        continue;
      }
      const r = raw as Record<string, unknown>;
      if (r.published == null && options.date) r.published = options.date;
      const parsed = articleInputSchema.safeParse(r);
      if (!parsed.success) {
        yield { problem: { where, message: describeIssues(parsed.error) } };
        continue;
      }
      if (parsed.data.text.trim() === '') {
        yield { problem: { where, message: 'field `text` is empty' } };
        continue;
      }
      yield { article: parsed.data, where };
    }
  } catch (e) {
    yield { problem: { where: `${file}:${n + 1}`, message: `read failed: ${(e as Error).message}` } };
  }
}
