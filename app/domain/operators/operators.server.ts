import type { DB } from "#db/client.js";
import { findOperatorByEmail, insertOperator, resetOperatorPassword } from "#db/queries/operators.js";
import { hashPassword, verifyPassword } from "#app/utils/password.server.js";
import { NewOperatorSchema } from "./operator.schema.js";

export class OperatorError extends Error {
  constructor(
    readonly code: "invalid" | "exists" | "not_found",
    message: string,
  ) {
    super(message);
  }
}

/**
 * Creates a platform operator (or, with `reset`, gives an existing one a new password and signs
 * them out everywhere). `ownerDb` must be the owner's connection: the app role cannot write operators.
 */
export async function createOperator(ownerDb: DB, input: { email: string; password: string; reset?: boolean }) {
  const parsed = NewOperatorSchema.safeParse(input);
  if (!parsed.success) throw new OperatorError("invalid", parsed.error.issues.map((issue) => issue.message).join("; "));
  const { email, password } = parsed.data;
  const hash = await hashPassword(password);
  if (input.reset) {
    const id = await resetOperatorPassword(ownerDb, email, hash);
    if (!id) throw new OperatorError("not_found", "No operator has that email address.");
    return { id, created: false };
  }
  const id = await insertOperator(ownerDb, email, hash);
  if (!id) throw new OperatorError("exists", "An operator with that email address exists already (use --reset-password).");
  return { id, created: true };
}

/** The operator whose email and password these are, or null. Takes as long when the email is unknown. */
export async function verifyOperator(db: DB, email: string, password: string): Promise<string | null> {
  const operator = await findOperatorByEmail(db, email);
  const ok = await verifyPassword(password, operator?.passwordHash);
  return operator && ok ? operator.id : null;
}
