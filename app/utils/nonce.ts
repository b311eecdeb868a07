import { createContext, useContext } from "react";

const NonceContext = createContext<string | undefined>(undefined);
export const NonceProvider = NonceContext.Provider;
/** The request's CSP nonce (server render only; the browser never needs it after hydration). */
export const useNonce = () => useContext(NonceContext);
