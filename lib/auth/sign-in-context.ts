import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

/**
 * What `authorize` hands back to the auth route besides the user: cookies to set on the response
 * (the device cookie). next-auth's authorize cannot touch the response itself.
 */
export interface SignInContext {
  setCookies: string[];
  /** Whether cookies must be `Secure` (the site is served over https). */
  secure: boolean;
}

export const signInContext = new AsyncLocalStorage<SignInContext>();
