/**
 * Zod schemas of the HTTP API's requests: they validate every request and, through
 * fastify-type-provider-zod, become the OpenAPI document, so the two never disagree.
 */
import { z } from 'zod';
import { PERIODS } from '../analysis/periods.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const isoDate = z
  .string()
  .regex(DATE, 'expected a date YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'not a calendar date')
  .meta({ example: '2024-12-05' });

/** "04,112" or repeated parameters (?code=04&code=112), both allowed in query strings. */
const commaList = (item: z.ZodString, description: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) =>
      (Array.isArray(v) ? v : [v])
        .flatMap((s) => s.split(','))
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item))
    .meta({ description });

const cameoCode = z.string().regex(/^\d{2,4}$/, 'a CAMEO code is 2 to 4 digits (04, 112)');

const boolParam = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .meta({ description: 'true or false' });

const limit = (max: number, dflt: number) =>
  z.coerce
    .number()
    .int('expected a whole number')
    .min(1, 'expected a whole number ≥ 1')
    .max(max, `at most ${max}`)
    .default(dflt);

const dateRange = {
  from: isoDate.optional().meta({ description: 'on or after this day (YYYY-MM-DD)' }),
  to: isoDate.optional().meta({ description: 'on or before this day (YYYY-MM-DD)' }),
};

export const eventsQuery = z
  .object({
    actor: z.string().min(1).optional().meta({ description: 'events with this actor (RUS, Russia, Lavrov)' }),
    dyad: z
      .string()
      .regex(/^[^,]+,[^,]+$/, 'expected two actors: USA,RUS')
      .optional()
      .meta({ description: 'events between two actors, both directions unless directed=true' }),
    directed: boolParam.optional(),
    code: commaList(cameoCode, 'CAMEO codes; 04 covers 040-049').optional(),
    root: commaList(cameoCode, 'CAMEO root codes 01-20').optional(),
    quad: commaList(
      z.string().regex(/^[1-4]$/, 'quad classes are 1 to 4'),
      'quad classes 1 (verbal cooperation) to 4 (material conflict)',
    ).optional(),
    ...dateRange,
    place: z.string().min(1).optional().meta({ description: 'place name or country key' }),
    text: z.string().min(1).optional().meta({ description: 'words in the evidence sentence' }),
    article: z.string().min(1).optional().meta({ description: "one article's events" }),
    negated: boolParam.optional().meta({ description: 'false leaves out negated events' }),
    limit: limit(1000, 100),
    cursor: z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/, 'not a cursor from a previous page')
      .optional()
      .meta({ description: 'nextCursor of the previous page' }),
  })
  .strict();

export const dyadQuery = z
  .object({
    a: z.string().min(1).meta({ description: 'first actor: a key (USA) or a name' }),
    b: z.string().min(1).meta({ description: 'second actor' }),
    by: z.enum(PERIODS).default('week'),
    directed: boolParam.optional(),
    ...dateRange,
  })
  .strict();

export const networkQuery = z
  .object({
    ...dateRange,
    limit: limit(500, 60).meta({ description: 'most actors (by activity) to show' }),
  })
  .strict();

export const actorsQuery = z
  .object({
    ...dateRange,
    q: z.string().min(1).optional().meta({ description: 'part of a key or name' }),
    limit: limit(5000, 500),
  })
  .strict();

export const statementsQuery = z
  .object({
    speaker: z.string().min(1).optional().meta({ description: 'who spoke: a key or a name' }),
    about: z.string().min(1).optional().meta({ description: 'an actor the statement is about' }),
    text: z.string().min(1).optional().meta({ description: 'words in what was said' }),
    ...dateRange,
    limit: limit(1000, 100),
  })
  .strict();

export const articleParams = z.object({ id: z.string().min(1).max(1000) });

export const ingestQuery = z
  .object({
    format: z
      .enum(['auto', 'text', 'html', 'jsonl'])
      .default('auto')
      .meta({ description: 'how to read the body; auto uses Content-Type, then the content' }),
    date: isoDate.optional().meta({ description: 'publication date for text/HTML that carries none' }),
    id: z.string().min(1).max(200).optional().meta({ description: 'article id for a text/HTML body' }),
    title: z.string().min(1).max(500).optional(),
  })
  .strict();

export const authHeaders = z.object({
  authorization: z.string().optional().meta({ description: 'Bearer $PARLEY_TOKEN' }),
});

export const errorBody = z.object({
  statusCode: z.number(),
  error: z.string(),
  message: z.string(),
  parameter: z.string().optional(),
});
