/**
 * Whether an event is in the article's lead, GDELT's proxy for importance (IsRootEvent). The lead
 * is the first paragraph long enough to be prose, so a headline line does not stand in for it;
 * text without paragraph breaks (common in wire feeds) has its first two sentences as lead.
 */
const MIN_LEAD_CHARS = 80;

/** End offset of the lead paragraph, or null when the text has no paragraph breaks. */
export function leadEnd(text: string): number | null {
  if (!text.includes('\n')) return null;
  let start = 0;
  for (const para of text.split('\n')) {
    const end = start + para.length;
    if (para.trim().length >= MIN_LEAD_CHARS) return end;
    start = end + 1;
  }
  return null;
}

export function inLead(sentence: number, sentenceStart: number, end: number | null): boolean {
  return end === null ? sentence < 2 : sentenceStart < end;
}
