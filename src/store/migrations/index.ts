/**
 * Every schema version, in order. A migration, once released, is never edited: a change to the
 * schema is a new file here, so databases made by older versions are brought forward in place.
 */
import type { Migration } from 'kysely';
import * as initial from './001-initial.js';
import * as rollups from './002-rollups-and-keyset-indexes.js';
import * as places from './003-place-indexes.js';

export const MIGRATIONS: Record<string, Migration> = {
  '001-initial': initial,
  '002-rollups-and-keyset-indexes': rollups,
  '003-place-indexes': places,
};
