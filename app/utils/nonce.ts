import { createContext, useContext } from 'react';

/**
 * The Content-Security-Policy nonce of this response, for the inline scripts Remix writes. Set by
 * entry.server.tsx; empty in the browser, which hides nonces from the page anyway.
 */
export const NonceContext = createContext('');

export const useNonce = () => useContext(NonceContext);
