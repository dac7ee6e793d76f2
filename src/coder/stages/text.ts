/**
 * Text stage: finds the blocks (lines, paragraphs) that sentences must not cross and the
 * dateline. The article text itself is never rewritten, so every span points into the original.
 */
export interface Block {
  start: number;
  end: number;
}

/** Lines and paragraphs: headlines and table rows carry no full stop, so newlines end sentences. */
export function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const re = /[^\n\r]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body.length === 0) continue;
    blocks.push({ start: m.index + lead, end: m.index + lead + body.length });
  }
  return blocks;
}

const DATELINE =
  /^\s*([A-Z][A-Z.'’-]+(?:[ ,][A-Z][A-Z.'’-]+){0,3})(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\(([^)]{2,40})\))?\s*[-–—]{1,2}\s+/;

export interface Dateline {
  place: string;
  source: string | null;
  end: number;
}

/** "MOSCOW (Reuters) -", "KYIV, March 3 (AP) —": the place and agency of a wire story. */
export function findDateline(text: string): Dateline | null {
  const m = DATELINE.exec(text.slice(0, 200));
  if (!m || !m[1]) return null;
  const place = m[1].replace(/[,]+$/, '').trim();
  if (place.length < 3) return null;
  return { place, source: m[2]?.trim() ?? null, end: m[0].length };
}

const COMMON_ENGLISH = new Set([
  'the',
  'of',
  'and',
  'to',
  'in',
  'a',
  'is',
  'that',
  'for',
  'on',
  'was',
  'with',
  'said',
  'by',
  'as',
  'it',
  'at',
  'from',
  'his',
  'has',
  'have',
  'had',
  'are',
  'be',
  'an',
  'will',
  'would',
  'not',
  'he',
  'she',
  'its',
  'were',
  'their',
  'they',
  'who',
  'after',
  'over',
  'near',
  'this',
  'been',
  'which',
  'but',
  'or',
  'says',
  'told',
  'into',
  // Short wire sentences may hold none of the words above ("… air strikes across Gaza, killing more
  // than 400 people"), so the less frequent function words count too.
  'than',
  'more',
  'against',
  'across',
  'about',
  'between',
  'during',
  'before',
  'under',
  'since',
  'while',
  'also',
  'other',
  'all',
  'some',
  'her',
  'him',
  'them',
  'we',
  'our',
  'you',
  'no',
  'can',
  'could',
  'should',
  'must',
  'did',
  'does',
  'if',
  'these',
  'those',
  'such',
  'only',
  'through',
  'because',
  'people',
]);

/** Rough check that text is English prose: share of very common English function words. */
export function looksEnglish(text: string): boolean {
  // The opening is enough to tell, and a long article need not be lower-cased whole.
  const words =
    text
      .slice(0, 4000)
      .toLowerCase()
      .match(/\p{L}+/gu) ?? [];
  if (words.length < 8) return words.length > 0;
  let hits = 0;
  for (const w of words) if (COMMON_ENGLISH.has(w)) hits++;
  // Short wire sentences carry few function words ("Lavrov said Ukraine had attacked … near Kursk").
  return hits / words.length > (words.length < 30 ? 0.08 : 0.12);
}
