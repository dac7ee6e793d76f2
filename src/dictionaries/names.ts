/** Small helpers for the names in dictionary sources, shared by the compiler and the region filter. */

/** The name without its accents ("Bogotá" -> "Bogota"): how English news mostly writes it. */
export const withoutAccents = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');

/** A country entry's capitals: none, one, or several (`capital` may be a list). */
export const capitalsOf = (c: { capital?: string | string[] | null }): string[] =>
  c.capital == null ? [] : Array.isArray(c.capital) ? c.capital : [c.capital];
