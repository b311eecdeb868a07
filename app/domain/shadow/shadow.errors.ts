export type ShadowErrorCode = "not_found" | "not_allowed" | "not_invited" | "taken" | "too_late" | "already_arranged" | "not_over";

export class ShadowError extends Error {
  constructor(
    readonly code: ShadowErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ShadowError";
  }
}

/** The field an error belongs next to on a form. */
export const shadowErrorStatus = (error: ShadowError) => (error.code === "not_found" ? 404 : error.code === "not_allowed" ? 403 : 409);
