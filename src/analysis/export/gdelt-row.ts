/**
 * One Parley event as one GDELT 2.0 Events row. Parley fills what it knows (dates, actors, CAMEO
 * codes, quad class, Goldstein, tone, where the action happened, the source URL) and leaves the
 * rest empty, as GDELT itself does for fields it cannot code. One article is one mention.
 */
import { createHash } from 'node:crypto';
import type { CodedActor } from '../../coder/types.js';
import type { StoredArticle, StoredEvent } from '../../store/store.js';
import { GDELT_COLUMN_NAMES } from './gdelt-columns.js';
import { ISO3_TO_FIPS } from './fips.js';

/** Country display names by ISO alpha-3 key, for ActionGeo_FullName. */
export type CountryNames = ReadonlyMap<string, string>;

/**
 * A stable positive integer per event: the same article and event always get the same id, in any
 * database and any export, and it fits both a JavaScript number and a 64-bit integer column.
 */
export function globalEventId(articleId: string, eventId: string): number {
  const hex = createHash('sha256').update(articleId).update('\u0000').update(eventId).digest('hex');
  return parseInt(hex.slice(0, 13), 16);
}

/** GDELT's FractionDate: year + ((month - 1) * 30 + day) / 365, four decimals. */
export function fractionDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return (y + ((m - 1) * 30 + d) / 365).toFixed(4);
}

/** Floats as GDELT prints them: always with a decimal point ("1.0", "-7.0", "2.8"). */
const float = (x: number) => (Number.isInteger(x) ? x.toFixed(1) : String(Math.round(x * 1e6) / 1e6));

/** Tabs and newlines would break the row: they become spaces. */
const clean = (s: string | null | undefined) => (s ?? '').replace(/[\t\r\n]+/g, ' ').trim();

function actorCells(a: CodedActor | null): string[] {
  if (!a) return Array<string>(10).fill('');
  const name = a.person ?? (a.name || a.key);
  return [
    clean(a.code),
    clean(name).toUpperCase(),
    clean(a.country ?? ''),
    '',
    '',
    '',
    '',
    clean(a.sector ?? ''),
    '',
    '',
  ];
}

function actionGeoCells(e: StoredEvent, countries: CountryNames): string[] {
  const p = e.place;
  // GDELT writes geo type 0 and nothing else when a location is unknown.
  if (!p) return ['0', '', '', '', '', '', '', ''];
  const countryName = p.country ? countries.get(p.country) : undefined;
  const isCountry = countryName !== undefined && countryName === p.name;
  // 1 country, 3 US city, 4 world city (GDELT's ActionGeo_Type codes).
  const type = isCountry ? 1 : p.country === 'USA' ? 3 : 4;
  const fullName = isCountry ? p.name : [p.name, countryName].filter(Boolean).join(', ');
  const fips = p.country ? (ISO3_TO_FIPS[p.country] ?? '') : '';
  return [
    String(type),
    clean(fullName),
    fips,
    isCountry ? fips : '',
    '',
    p.lat == null ? '' : String(p.lat),
    p.lon == null ? '' : String(p.lon),
    isCountry ? fips : '',
  ];
}

const compactUtc = (iso: string) => iso.replace(/\D/g, '').slice(0, 14).padEnd(14, '0');

export function gdeltRow(e: StoredEvent, article: StoredArticle, countries: CountryNames): string[] {
  const ymd = e.date.replace(/-/g, '');
  const cells = [
    String(globalEventId(e.articleId, e.id)),
    ymd,
    ymd.slice(0, 6),
    ymd.slice(0, 4),
    fractionDate(e.date),
    ...actorCells(e.source),
    ...actorCells(e.target),
    e.lead ? '1' : '0',
    e.cameo,
    e.cameo.slice(0, 3),
    e.root,
    String(e.quad),
    float(e.goldstein),
    '1',
    '1',
    '1',
    float(article.tone),
    '0',
    ...Array<string>(7).fill(''),
    '0',
    ...Array<string>(7).fill(''),
    ...actionGeoCells(e, countries),
    compactUtc(article.ingestedAt),
    clean(article.url ?? ''),
  ];
  if (cells.length !== GDELT_COLUMN_NAMES.length) {
    throw new Error(`GDELT row has ${cells.length} cells, expected ${GDELT_COLUMN_NAMES.length}`);
  }
  return cells;
}
