/** Splits dictionary names with the same tokenizer the coder applies to article text. */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Tokenize } from './compile.js';

export function createTokenizer(): Tokenize {
  const nlp = winkNLP(model, []);
  return (text: string) => nlp.readDoc(text).tokens().out() as string[];
}
