/**
 * Subheadings run into their paragraph: "NO ECB HELP Spain has been hoping…". Wire copy sets them
 * in capitals at the start of a paragraph, and text extraction leaves them glued to the sentence
 * that follows, where they would read as its first words.
 */
import type { Sentence, Tokens } from '../doc.js';

const CAPITALS = /^\p{Lu}[\p{Lu}'’-]*$/u;
const CAPITALISED = /^\p{Lu}\p{Ll}/u;

/**
 * Masks two or more words in capitals that open a sentence and are followed by a capitalised word.
 * (One such word is usually an acronym: "UNICEF Director…", "NATO Secretary-General…".)
 */
export function maskSubheadings(tokens: Tokens, sentences: Sentence[], masked: Uint8Array): void {
  for (const s of sentences) {
    let k = s.from;
    while (k < s.to && CAPITALS.test(tokens.value[k] ?? '')) k++;
    if (k - s.from >= 2 && CAPITALISED.test(tokens.value[k] ?? ''))
      for (let i = s.from; i < k; i++) masked[i] = 1;
  }
}
