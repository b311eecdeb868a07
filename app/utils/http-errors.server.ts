import { ApplicationError } from "#app/domain/applications/application.errors.js";

const STATUS: Record<ApplicationError["code"], number> = {
  not_found: 404,
  vacancy_closed: 410,
  invalid_transition: 409,
  reason_required: 400,
  stale: 409,
  offer_accepted: 409,
};

/** Turns a domain error into the HTTP response the error boundary shows; rethrows anything else. */
export function throwAsHttpError(error: unknown): never {
  if (error instanceof ApplicationError) throw new Response(error.message, { status: STATUS[error.code] });
  throw error;
}

export const isUuid = (value: string | undefined): value is string =>
  Boolean(value && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value));

/** 404 for an id that is not a uuid (instead of a database error). */
export function requireUuid(value: string | undefined): string {
  if (!isUuid(value)) throw new Response("Not found", { status: 404 });
  return value;
}
