export type ApplicationErrorCode = "not_found" | "vacancy_closed" | "invalid_transition" | "reason_required" | "stale" | "offer_accepted";

/** A rule of the pipeline was broken; the code maps to an HTTP status at the edge. */
export class ApplicationError extends Error {
  constructor(
    readonly code: ApplicationErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ApplicationError";
  }
}
