export type OfferErrorCode = "not_found" | "not_allowed" | "wrong_stage" | "wrong_status" | "already_offered" | "too_early" | "bad_buddy";

export class OfferError extends Error {
  constructor(
    readonly code: OfferErrorCode,
    message: string,
    /** The form field the message belongs next to, if any. */
    readonly field = "form",
  ) {
    super(message);
    this.name = "OfferError";
  }
}

export const offerErrorStatus = (error: OfferError) => (error.code === "not_found" ? 404 : error.code === "not_allowed" ? 403 : 409);
