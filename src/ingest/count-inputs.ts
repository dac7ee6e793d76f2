/**
 * A quick count of the articles a set of paths holds, for a progress bar's total: JSONL lines
 * (gzipped too), feed items, one per other file. Only newlines are counted, nothing is parsed.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { expandInputs } from './read-articles.js';

async function countLines(stream: Readable): Promise<number> {
  let n = 0;
  let last = 10;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) n++;
    if (chunk.length) last = chunk[chunk.length - 1] ?? 10;
  }
  return last === 10 ? n : n + 1;
}

export async function countInputs(paths: string[]): Promise<number | null> {
  let total = 0;
  for (const { path } of expandInputs(paths).files) {
    const lower = path.toLowerCase();
    try {
      if (path === '-') return null;
      if (lower.endsWith('.gz')) total += await countLines(createReadStream(path).pipe(createGunzip()));
      else if (/\.(jsonl|ndjson)$/.test(lower)) total += await countLines(createReadStream(path));
      else if (/\.(rss|atom|xml)$/.test(lower) && statSync(path).size < 50e6) {
        total += (readFileSync(path, 'latin1').match(/<(item|entry)[\s>]/g) ?? []).length || 1;
      } else total += 1;
    } catch {
      total += 1;
    }
  }
  return total;
}
