/**
 * Searchable yet encrypted (decision 009): a message's words are normalised (lower case, accents and punctuation
 * removed, a plural `s` folded) and stored only as keyed hashes, salted by the conversation, in a GIN-indexed array.
 * The database holds no readable word, the same word in two conversations hashes differently, and a participant's
 * query hashes its words the same way for each of their conversations.
 */
import { createHmac } from 'node:crypto';
import type { Keys } from '../../security/keys.ts';

const MAX_TERMS = 200;

/** The words of a text, normalised the way both indexing and queries see them. */
export function wordsOf(text: string): string[] {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2 && w.length <= 40)
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
  return [...new Set(words)].slice(0, MAX_TERMS);
}

export function termHash(keys: Keys, conversationId: string, word: string): string {
  return createHmac('sha256', keys.lookup).update(`msg-term:${conversationId}:${word}`).digest('base64url').slice(0, 16);
}

export function searchTermsOf(keys: Keys, conversationId: string, text: string): string[] {
  return wordsOf(text).map((w) => termHash(keys, conversationId, w));
}
