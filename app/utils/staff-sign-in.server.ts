import { getDb } from "#db/client.js";
import { signInStaff } from "#app/domain/auth/staff-sign-in.server.js";

/**
 * Staff sign-in, before any organisation is known (the email finds it): checks the password and
 * opens a session. Returns the Set-Cookie header, or null if the email or password is wrong.
 */
export function signIn(email: string, password: string) {
  return signInStaff(getDb(), email, password);
}
