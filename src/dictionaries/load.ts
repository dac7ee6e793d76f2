/** Loads the compiled dictionary shipped in dist/, optionally merged with a user's own files. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileDictionary } from './compile.js';
import { DictionaryError, mergeUserDictionary, readSources } from './read-sources.js';
import { createTokenizer } from './tokenizer.js';
import type { CompiledDictionary } from './types.js';

/** The package root: the first directory above this file with a package.json. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the Parley package root');
    dir = up;
  }
  return dir;
}

export const compiledDictionaryPath = () => join(packageRoot(), 'dist', 'dictionary.json');
export const sourceDictionaryDir = () => join(packageRoot(), 'dictionaries');

export function loadDictionary(extra: string[] = []): CompiledDictionary {
  const path = compiledDictionaryPath();
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first`);
  const compiled = JSON.parse(readFileSync(path, 'utf8')) as CompiledDictionary;
  if (extra.length === 0) return compiled;
  const problems: string[] = [];
  let sources = readSources(sourceDictionaryDir(), problems);
  for (const p of extra) {
    if (!existsSync(p)) problems.push(`${p}: no such file or directory`);
    else sources = mergeUserDictionary(sources, p, problems);
  }
  if (problems.length) throw new DictionaryError(problems);
  // The compiled places already hold the package's regions under their lookup keys; the package
  // itself is a build-time dependency and may be absent here.
  const places = Object.entries(compiled.places).map(([key, p]) => ({ ...p, key, country: p.country ?? '' }));
  const version = createHash('sha1')
    .update(compiled.version)
    .update(extra.map(contentOf).join('\n'))
    .digest('hex')
    .slice(0, 12);
  const dict = compileDictionary({ ...sources, places, adminRegions: [] }, createTokenizer(), version);
  for (const [stem, region] of Object.entries(compiled.regionStems)) dict.regionStems[stem] ??= region;
  return dict;
}

/** A user's dictionary file, or every file of a dictionary directory with its path, for the version. */
function contentOf(path: string): string {
  if (!statSync(path).isDirectory()) return readFileSync(path, 'utf8');
  return readdirSync(path, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((f) => join(path, f))
    .filter((f) => statSync(f).isFile())
    .map((f) => `${f}\n${readFileSync(f, 'utf8')}`)
    .join('\n');
}
