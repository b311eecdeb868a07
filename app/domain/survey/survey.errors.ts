export type SurveyErrorCode = "not_found" | "closed" | "invalid" | "no_draft";

export class SurveyError extends Error {
  constructor(
    readonly code: SurveyErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "SurveyError";
  }
}
