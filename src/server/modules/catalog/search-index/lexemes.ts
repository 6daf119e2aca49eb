/**
 * Query words → the lexemes PostgreSQL's `to_tsquery('english', …)` makes of them, in TypeScript, so the index
 * matches the same documents the SQL path does. The words reaching here are `[a-z0-9]+` only (catalog/text.ts):
 *  - all letters (an `asciiword` token): dropped when it is one of PostgreSQL's English stop words, else stemmed by
 *    Snowball's English (Porter2) stemmer, the algorithm of `english_stem`;
 *  - with a digit (`numword`, `int`): the `simple` dictionary, i.e. the word itself.
 * lexemes.test.ts checks both rules against PostgreSQL itself on thousands of words.
 */
import { stem } from 'porter2';

/** PostgreSQL 15's `tsearch_data/english.stop`, the stop list of the `english_stem` dictionary. */
const STOP_WORDS = new Set(
  `i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers herself it its itself they them their theirs themselves what which who whom this that these those am is are was were be been being have has had having do does did doing a an the and but if or because as until while of at by for with about against between into through during before after above below to from up down in out on off over under again further then once here there when where why how all any both each few more most other some such no nor not only own same so than too very s t can will just don should now`.split(
    ' ',
  ),
);

const LETTERS = /^[a-z]+$/;

/** The lexeme of one search word, or undefined for a stop word (it drops out of the query, as in PostgreSQL). */
export function lexemeOf(word: string): string | undefined {
  if (!LETTERS.test(word)) return word;
  if (STOP_WORDS.has(word)) return undefined;
  return stem(word);
}
