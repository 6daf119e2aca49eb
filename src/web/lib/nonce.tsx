import { createContext, use } from 'react';

/**
 * The per-request CSP nonce. Only the server render has one: the browser hides
 * nonce attributes from script, and the client never renders inline scripts.
 */
export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce(): string | undefined {
  return use(NonceContext);
}
