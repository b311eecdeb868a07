export type OrganisationErrorCode = "slug_taken" | "email_taken" | "not_confirmed" | "link_invalid";

export class OrganisationError extends Error {
  constructor(
    readonly code: OrganisationErrorCode,
    message: string,
    /** The form field the message belongs next to, if any. */
    readonly field = "form",
  ) {
    super(message);
    this.name = "OrganisationError";
  }
}
