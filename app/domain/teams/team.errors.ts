export type TeamErrorCode = "not_found" | "duplicate" | "invalid" | "archived";

export class TeamError extends Error {
  constructor(
    readonly code: TeamErrorCode,
    message: string,
    /** The form field the message belongs next to. */
    readonly field = "form",
  ) {
    super(message);
    this.name = "TeamError";
  }
}
