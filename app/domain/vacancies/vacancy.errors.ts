export type VacancyErrorCode = "not_found" | "not_confirmed" | "wrong_status" | "invalid";

export class VacancyError extends Error {
  constructor(
    readonly code: VacancyErrorCode,
    message: string,
    /** The form field the message belongs next to. */
    readonly field = "form",
  ) {
    super(message);
    this.name = "VacancyError";
  }
}
