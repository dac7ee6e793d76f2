/** A coded actor to and from its ten columns under a prefix (source_, target_, speaker_). */
import type { CodedActor, Sector } from '../../coder/types.js';

export type ActorPrefix = 'source_' | 'target_' | 'speaker_';

export function actorToColumns(
  prefix: ActorPrefix,
  a: CodedActor | null,
): Record<string, string | number | null> {
  return {
    [`${prefix}text`]: a?.text ?? null,
    [`${prefix}name`]: a?.name ?? null,
    [`${prefix}key`]: a?.key ?? null,
    [`${prefix}code`]: a?.code ?? null,
    [`${prefix}country`]: a?.country ?? null,
    [`${prefix}org`]: a?.org ?? null,
    [`${prefix}sector`]: a?.sector ?? null,
    [`${prefix}person`]: a?.person ?? null,
    [`${prefix}start`]: a?.span[0] ?? null,
    [`${prefix}end`]: a?.span[1] ?? null,
  };
}

export function actorFromColumns(prefix: ActorPrefix, row: object): CodedActor | null {
  const r = row as Record<string, unknown>;
  const col = (name: string) => r[`${prefix}${name}`];
  if (col('key') == null) return null;
  const person = col('person') as string | null;
  return {
    text: col('text') as string,
    name: col('name') as string,
    key: col('key') as string,
    country: (col('country') as string | null) ?? null,
    org: (col('org') as string | null) ?? null,
    sector: (col('sector') as Sector | null) ?? null,
    code: col('code') as string,
    span: [Number(col('start')), Number(col('end'))],
    ...(person ? { person } : {}),
  };
}
