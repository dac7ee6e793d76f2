/** Validation of articles arriving as JSON (JSONL lines, API bodies). */
import { z } from 'zod';

export const articleInputSchema = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  text: z.string({ error: (i) => (i.input === undefined ? 'is missing' : 'must be a string') }),
  published: z
    .string({ error: (i) => (i.input === undefined ? 'is missing' : 'must be a string YYYY-MM-DD') })
    .transform((s) => s.slice(0, 10))
    .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must start with a date YYYY-MM-DD')),
  title: z.string().optional(),
  url: z.string().optional(),
});

export type ArticleInput = z.output<typeof articleInputSchema>;

/** "field `text`: is missing; field `published`: …" */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `field \`${i.path.join('.') || '(root)'}\`: ${i.message}`).join('; ');
}
