/**
 * Reads the human-edited dictionary files, validates each entry and reports problems
 * with the file, line and field, so a broken entry fails the build where it is.
 */
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { LineCounter, parseDocument, isNode } from 'yaml';
import type { z } from 'zod';
import {
  adminRegionRulesSchema,
  cameoCodeSchema,
  countrySchema,
  extraLexiconSchema,
  lexiconSchema,
  membershipSchema,
  regionSchema,
  citySchema,
  organizationSchema,
  personSchema,
  roleGroupSchema,
  verbPatternSchema,
} from './schema.js';
import type { DictionarySources, NamedList } from './compile.js';
import { NO_ADMIN_REGION_RULES } from './admin-regions.js';
import { mergeLexicons, NO_LEXICON, type LexiconWords } from './lexicon.js';

/** What the files in dictionaries/ hold: everything but the data packages the build adds. */
export type FileSources = Omit<DictionarySources, 'places' | 'adminRegions'>;

export { DictionaryError } from './dictionary-error.js';

/** A parsed YAML file and a way to name the line of any path in it. */
function parseYaml(file: string, problems: string[]) {
  const text = readFileSync(file, 'utf8');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const lineOf = (offset: number | undefined) => (offset == null ? 1 : lineCounter.linePos(offset).line);
  for (const err of doc.errors) problems.push(`${file}:${lineOf(err.pos[0])}: ${err.message.split('\n')[0]}`);
  return { doc, lineOf, ok: doc.errors.length === 0 };
}

/** Validates one value of a parsed file, pushing `file:line: field: reason` for each issue. */
function validateAt<T extends z.ZodType>(
  file: string,
  parsed: ReturnType<typeof parseYaml>,
  schema: T,
  value: unknown,
  at: (string | number)[],
  problems: string[],
): z.output<T> | null {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const { doc, lineOf } = parsed;
  for (const issue of result.error.issues) {
    // A key the schema does not know is found at the key's own line.
    const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [];
    const path = [...at, ...issue.path, ...unknownKey] as (string | number)[];
    let node: unknown = doc.getIn(path, true);
    for (let cut = path.length; !isNode(node) && cut > 1; cut--)
      node = doc.getIn(path.slice(0, cut - 1), true);
    const line = isNode(node) ? lineOf(node.range?.[0]) : 1;
    const field = issue.path.length ? issue.path.join('.') : '(entry)';
    problems.push(`${file}:${line}: ${field}: ${issue.message}`);
  }
  return null;
}

/** Parses a YAML list file and validates every item, collecting `file:line: field: reason` problems. */
export function readList<T extends z.ZodType>(file: string, schema: T, problems: string[]): z.output<T>[] {
  const parsed = parseYaml(file, problems);
  if (!parsed.ok) return [];
  const data: unknown = parsed.doc.toJS();
  if (data == null) return [];
  if (!Array.isArray(data)) {
    problems.push(`${file}:1: expected a list of entries`);
    return [];
  }
  const out: z.output<T>[] = [];
  data.forEach((item, i) => {
    const entry = validateAt(file, parsed, schema, item, [i], problems);
    if (entry !== null) out.push(entry);
  });
  return out;
}

/** Parses a YAML file holding one mapping (settings rather than a list of entries) and validates it. */
export function readMapping<T extends z.ZodType>(
  file: string,
  schema: T,
  problems: string[],
): z.output<T> | null {
  const parsed = parseYaml(file, problems);
  return parsed.ok ? validateAt(file, parsed, schema, parsed.doc.toJS() ?? {}, [], problems) : null;
}

const yamlFilesIn = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
        .sort()
        .map((f) => join(dir, f))
    : [];

/**
 * Reads a dictionary directory laid out like dictionaries/ (every part optional). In a user's
 * `extra` directory, lexicon.yaml may name only the word classes it adds words to.
 */
export function readSources(dir: string, problems: string[], { extra = false } = {}): FileSources {
  const file = (name: string) => join(dir, name);
  const list = <T extends z.ZodType>(name: string, schema: T) =>
    existsSync(file(name)) ? readList(file(name), schema, problems) : [];
  const verbs: NamedList<z.output<typeof verbPatternSchema>>[] = yamlFilesIn(join(dir, 'verbs')).map((f) => ({
    source: basename(f, extname(f)),
    entries: readList(f, verbPatternSchema, problems),
  }));
  return {
    countries: list('countries.yaml', countrySchema),
    organizations: list('organizations.yaml', organizationSchema),
    persons: yamlFilesIn(join(dir, 'persons')).flatMap((f) => readList(f, personSchema, problems)),
    roles: list('roles.yaml', roleGroupSchema),
    verbs,
    cameo: list('cameo.yaml', cameoCodeSchema),
    memberships: list('blocs-members.yaml', membershipSchema),
    regions: list('regions.yaml', regionSchema),
    cities: list('cities.yaml', citySchema),
    adminRegionRules: existsSync(file('admin-regions.yaml'))
      ? (readMapping(file('admin-regions.yaml'), adminRegionRulesSchema, problems) ?? NO_ADMIN_REGION_RULES)
      : NO_ADMIN_REGION_RULES,
    lexicon: readLexicon(file('lexicon.yaml'), extra, problems),
  };
}

function readLexicon(file: string, extra: boolean, problems: string[]): LexiconWords {
  if (!existsSync(file)) return NO_LEXICON;
  const words = extra
    ? readMapping(file, extraLexiconSchema, problems)
    : readMapping(file, lexiconSchema, problems);
  return { ...NO_LEXICON, ...words };
}

/** Merges a user's extra dictionary (a directory like dictionaries/ or a single persons/verbs file) into sources. */
export function mergeUserDictionary(base: FileSources, path: string, problems: string[]): FileSources {
  if (statSync(path).isDirectory()) {
    const extra = readSources(path, problems, { extra: true });
    return {
      countries: [...base.countries, ...extra.countries],
      organizations: [...base.organizations, ...extra.organizations],
      persons: [...base.persons, ...extra.persons],
      roles: [...extra.roles, ...base.roles],
      verbs: [...extra.verbs, ...base.verbs],
      cameo: base.cameo,
      memberships: [...base.memberships, ...extra.memberships],
      regions: [...base.regions, ...extra.regions],
      cities: [...base.cities, ...extra.cities],
      adminRegionRules: base.adminRegionRules,
      lexicon: mergeLexicons(base.lexicon, extra.lexicon),
    };
  }
  // A single file: persons if its entries have roles, verb patterns if they have codes.
  const raw = readFileSync(path, 'utf8');
  if (/^\s*-?\s*roles:/m.test(raw))
    return { ...base, persons: [...base.persons, ...readList(path, personSchema, problems)] };
  if (/^\s*-?\s*code:/m.test(raw))
    return {
      ...base,
      verbs: [
        { source: basename(path, extname(path)), entries: readList(path, verbPatternSchema, problems) },
        ...base.verbs,
      ],
    };
  if (/^\s*-?\s*key:/m.test(raw))
    return {
      ...base,
      organizations: [...base.organizations, ...readList(path, organizationSchema, problems)],
    };
  problems.push(
    `${path}:1: cannot tell what kind of dictionary this is (expected persons, verb patterns or organizations)`,
  );
  return base;
}
