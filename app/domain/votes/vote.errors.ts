export type VoteErrorCode = "not_found" | "closed" | "not_eligible" | "already_open" | "wrong_stage";

export class VoteError extends Error {
  constructor(
    readonly code: VoteErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "VoteError";
  }
}
