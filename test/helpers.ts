/** Shared test fixtures: the compiled dictionary, one coder, and the path to ../shared. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createCoder, type Coder } from '../src/coder/index.js';
import { loadDictionary, packageRoot } from '../src/dictionaries/load.js';

let coder: Coder | null = null;
export function sharedCoder(): Coder {
  coder ??= createCoder({ dictionary: loadDictionary() });
  return coder;
}

export const root = packageRoot();
export const sharedDir = join(root, '..', 'shared');

/** `../shared` is beside the checkout for developers and CI, not for users: skip visibly without it. */
export function sharedPath(...parts: string[]): string | null {
  const p = join(sharedDir, ...parts);
  if (existsSync(p)) return p;
  console.log(`# skipped: ${p} is absent (../shared is only beside the developers' checkout)`);
  return null;
}

export function code(text: string, published = '2024-12-05') {
  return sharedCoder().code({ id: 't', text, published });
}

/** "SRC CAMEO TGT" strings of an article's non-negated events, for compact assertions. */
export function triples(text: string, published?: string): string[] {
  return code(text, published).events.map(
    (e) => `${e.source.key} ${e.cameo} ${e.target?.key ?? '-'}${e.negated ? ' NOT' : ''}`,
  );
}
