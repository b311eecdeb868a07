import { ApplicationError } from "#app/domain/applications/application.errors.js";
import type { WorkshopError } from "#app/domain/workshops/workshop.errors.js";

const STATUS: Record<ApplicationError["code"], number> = {
  not_found: 404,
  vacancy_closed: 410,
  invalid_transition: 409,
  reason_required: 400,
  stale: 409,
  offer_accepted: 409,
};

const WORKSHOP_STATUS: Record<WorkshopError["code"], number> = {
  not_found: 404,
  // A workshop for another team is not one this person can see or book.
  other_team: 404,
  not_invited: 409,
  full: 409,
  too_late: 409,
  closed: 409,
  changed: 409,
};

/** The status a workshop error answers with (its message is shown on the form that sent it). */
export const workshopErrorStatus = (error: WorkshopError) => WORKSHOP_STATUS[error.code];

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

type FieldError = Error & { code: string; field: string };

/**
 * A team or vacancy error as the form's answer: a missing id (or another organisation's) is a 404
 * for the error boundary; anything else goes next to its field and in the error summary.
 */
export function fieldErrorResponse(
  error: unknown,
  values: Record<string, unknown>,
  errorClasses: (new (...args: never[]) => FieldError)[],
) {
  if (!errorClasses.some((c) => error instanceof c)) throw error;
  const { code, field, message } = error as FieldError;
  if (code === "not_found" && field === "form") throw new Response(message, { status: 404 });
  return Response.json({ fieldErrors: { [field]: message }, values }, { status: code === "not_found" || code === "invalid" ? 400 : 409 });
}
