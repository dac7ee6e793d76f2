/** Schemas of the human-edited dictionary files in dictionaries/. The build validates every file. */
import { z } from 'zod';

export const SECTORS = [
  'GOV',
  'MIL',
  'COP',
  'JUD',
  'LEG',
  'OPP',
  'REB',
  'BUS',
  'MED',
  'CVL',
  'NGO',
  'IGO',
  'ELI',
  'SPY',
] as const;
export const sectorSchema = z.enum(SECTORS);

const isoDate = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD'));

const alpha3 = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 3166-1 alpha-3 code');
const actorKey = z.string().regex(/^[A-Z][A-Z0-9]{1,15}$/, 'expected an upper-case key without spaces');
const words = z.array(z.string().min(1)).default([]);

export const countrySchema = z.object({
  iso3: alpha3,
  iso2: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .nullish(),
  name: z.string().min(1),
  aliases: words,
  demonyms: words,
  capital: z.union([z.string(), z.array(z.string())]).nullish(),
  metonyms: z.array(z.object({ text: z.string().min(1), sector: sectorSchema.nullish() })).default([]),
  region: z.string().nullish(),
  lat: z.number().nullish(),
  lon: z.number().nullish(),
});

export const organizationSchema = z.object({
  key: actorKey,
  code: z.string().min(2).nullish(),
  name: z.string().min(1),
  kind: z.enum(['igo', 'bloc', 'group', 'ngo']),
  aliases: words,
  sector: sectorSchema.nullish(),
  country: alpha3.nullish(),
  /** A group that became a state's government ("the Taliban" from 15 August 2021) is that state then. */
  governs: z.object({ country: alpha3, from: isoDate, to: isoDate.nullish() }).nullish(),
  /** When it first existed: its names are not read in older articles ("Wagner" in 2008 is a surname). */
  founded: isoDate.nullish(),
});

export const roleTenureSchema = z
  .object({
    country: alpha3.nullish(),
    org: actorKey.nullish(),
    sector: sectorSchema,
    title: z.string().min(1),
    from: isoDate,
    to: isoDate.nullish(),
  })
  .refine((r) => r.country || r.org, { message: 'a role needs a country or an org' })
  .refine((r) => !r.to || r.to >= r.from, { message: '`to` is before `from`' });

export const personSchema = z.object({
  name: z.string().min(3),
  /** Tells apart two people of the same name; entries sharing a name and no `id` are one person. */
  id: z.string().min(1).nullish(),
  aliases: words,
  surname: z.string().nullish(),
  surnames: words,
  roles: z.array(roleTenureSchema).min(1),
});

/** A region, province or territory that news names as a place ("in Tigray", "in Alaska"). */
export const regionSchema = z.object({
  name: z.string().min(2),
  aliases: words,
  country: alpha3,
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});

/** dictionaries/cities.yaml: a city the place data knows, under the name English news gives it. */
export const citySchema = z.object({
  name: z.string().min(2),
  country: alpha3,
  /** The place data's own name for it ("Genève", "Al Başrah"). */
  of: z.string().min(2),
  aliases: words,
});

/** dictionaries/admin-regions.yaml: the judgement calls applied to the package's admin-1 regions. */
export const adminRegionRulesSchema = z.object({
  region_words: z.array(z.string().regex(/^[a-z]+$/, 'expected a lower-case word')).min(1),
  common_words: z.array(z.string().regex(/^[a-z-]+$/, 'expected a lower-case word')).default([]),
  generic_words: z.array(z.string().regex(/^[a-z-]+$/, 'expected a lower-case word')).default([]),
  ambiguous_names: words,
});

/** A lower-case word; a hyphen may join its parts ("op-ed"). */
const lowerWord = z.string().regex(/^\p{Ll}[\p{Ll}-]*$/u, 'expected a lower-case word');

/** A lower-case word or phrase: "exchange of fire". */
const lowerPhrase = z
  .string()
  .regex(/^\p{Ll}[\p{Ll}-]*(?: [\p{Ll}-]+)*$/u, 'expected lower-case words separated by single spaces');

/** A verb's lemma and its particle: "call for". */
const phrasalVerb = z
  .string()
  .regex(/^\p{Ll}+ \p{Ll}+$/u, 'expected a lower-case lemma and particle such as "call for"');

/** One class of dictionaries/lexicon.yaml: at least one word, each listed once. */
const wordClass = (word: z.ZodString) =>
  z
    .array(word, {
      error: (issue) => (issue.input === undefined ? 'missing: every word class is required' : undefined),
    })
    .min(1)
    .superRefine((words, ctx) =>
      words.forEach((w, i) => {
        if (words.indexOf(w) < i)
          ctx.addIssue({ code: 'custom', message: `"${w}" is listed twice`, path: [i] });
      }),
    );

/** dictionaries/lexicon.yaml: closed classes of content words the coder's rules test by meaning. */
export const lexiconSchema = z.strictObject({
  travel_verbs: wordClass(lowerWord),
  stance_participles: wordClass(lowerWord),
  crowd_nouns: wordClass(lowerWord),
  rioting_verbs: wordClass(lowerWord),
  fighting_each_other: wordClass(lowerPhrase),
  mass_killing_verbs: wordClass(lowerWord),
  people_nouns: wordClass(lowerWord),
  plural_crowds: wordClass(lowerWord),
  honorifics: wordClass(lowerWord),
  say_verbs: wordClass(lowerWord),
  say_if_complement_verbs: wordClass(lowerWord),
  stance_verbs: wordClass(lowerWord),
  hearer_first_verbs: wordClass(lowerWord),
  cue_phrasal_verbs: wordClass(phrasalVerb),
  document_nouns: wordClass(lowerWord),
  declined_to_verbs: wordClass(lowerWord),
  directive_verbs: wordClass(lowerWord),
});

/** A lexicon.yaml in a user's dictionary directory: words added to any of the classes. */
export const extraLexiconSchema = lexiconSchema.partial();

export const roleGroupSchema = z.object({ sector: sectorSchema, words: z.array(z.string().min(1)).min(1) });

const cameoCode = z
  .union([z.string(), z.number()])
  .transform(String)
  .pipe(z.string().regex(/^\d{2,4}$/, 'expected a CAMEO code such as "112"'));

export const verbPatternSchema = z
  .object({
    code: cameoCode,
    verbs: z.array(z.string().min(1)).optional(),
    nouns: z.array(z.string().min(1)).optional(),
    after: words,
    not_after: words,
    links: z.array(z.string()).optional(),
    intent: cameoCode.nullish(),
    /** "received weapons from the US": the actor after this word gives, the subject receives. */
    source_after: z.string().min(1).nullish(),
    note: z.string().nullish(),
  })
  .refine((p) => (p.verbs?.length ?? 0) + (p.nouns?.length ?? 0) > 0, {
    message: 'an entry needs `verbs` or `nouns`',
  });

export const cameoCodeSchema = z.object({
  code: cameoCode,
  name: z.string().min(1),
  goldstein: z.number().min(-10).max(10),
  plover: z.string().nullish(),
  mode: z.string().nullish(),
});

export const membershipSchema = z.object({ key: actorKey, members: z.array(z.string()) });
