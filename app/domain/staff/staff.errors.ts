export type StaffErrorCode = "not_found" | "last_admin" | "already_staff" | "already_invited" | "invitation_invalid";

export class StaffError extends Error {
  constructor(
    readonly code: StaffErrorCode,
    message: string,
    /** The form field the message belongs next to, if any. */
    readonly field = "form",
  ) {
    super(message);
    this.name = "StaffError";
  }
}

export const staffErrorStatus = (error: StaffError) => (error.code === "not_found" ? 404 : error.code === "invitation_invalid" ? 410 : 409);
