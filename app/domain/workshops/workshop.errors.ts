export type WorkshopErrorCode = "not_found" | "not_invited" | "full" | "too_late" | "closed";

export class WorkshopError extends Error {
  constructor(
    readonly code: WorkshopErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "WorkshopError";
  }
}
