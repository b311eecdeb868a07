import { createHash, randomBytes } from "node:crypto";

// Every personal link (sign-in, team vote, keep-in-touch reply, team survey) and every session
// carries a random token; only its SHA-256 is stored, so a database leak opens nothing.

export const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/** 256 random bits, URL-safe. */
export const randomToken = () => randomBytes(32).toString("base64url");
