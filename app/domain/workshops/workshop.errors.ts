export type WorkshopErrorCode = "not_found" | "other_team" | "not_invited" | "full" | "too_late" | "closed" | "changed";

export class WorkshopError extends Error {
  constructor(
    readonly code: WorkshopErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "WorkshopError";
  }
}

/** A workshop that recruits for another team than the one the person applied to. */
export const otherTeamError = () =>
  new WorkshopError("other_team", "That workshop is not for the job you applied for. Please choose one of the dates listed.");
