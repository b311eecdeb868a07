export type PrivacyErrorCode = "not_found" | "needs_confirmation" | "still_here";

export class PrivacyError extends Error {
  constructor(
    readonly code: PrivacyErrorCode,
    message: string,
    readonly field = "form",
  ) {
    super(message);
    this.name = "PrivacyError";
  }
}
