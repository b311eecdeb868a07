import { ApplicationError } from "./application.errors.js";

/** The pipeline in order. One application moves forward through these, one step at a time. */
export const PIPELINE_STAGES = ["applied", "survey", "workshop", "shadow", "vote", "offer", "started"] as const;
export const CLOSED_STAGES = ["declined", "withdrawn"] as const;
export const ALL_STAGES = [...PIPELINE_STAGES, ...CLOSED_STAGES] as const;

export type PipelineStage = (typeof PIPELINE_STAGES)[number];
export type Stage = (typeof ALL_STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  applied: "Applied",
  survey: "Values survey",
  workshop: "Workshop",
  shadow: "Shadow shift",
  vote: "Team vote",
  offer: "Offer",
  started: "Started",
  declined: "Declined",
  withdrawn: "Withdrawn",
};

/** What a candidate reads on /me: where they are and what happens next, in plain English. */
export const CANDIDATE_STAGE_TEXT: Record<Stage, { now: string; next: string }> = {
  applied: {
    now: "We have your application.",
    next: "Take our short survey about what matters to you at work. There are no right or wrong answers.",
  },
  survey: {
    now: "You are taking our values survey.",
    next: "When you finish the survey, we will look at your answers. Then we will ask you to a group workshop.",
  },
  workshop: {
    now: "You are invited to a group workshop.",
    next: "At the workshop you meet other people who are applying. Together you try out real things from the job.",
  },
  shadow: {
    now: "You are invited to a shadow shift.",
    next: "You will spend a shift with a member of the team, so you can see the job for yourself.",
  },
  vote: {
    now: "The team is deciding.",
    next: "The people you would work with are talking about your application. We will tell you their answer soon.",
  },
  offer: {
    now: "We would like to offer you the job.",
    next: "We will be in touch about your start date and the checks we need before you start.",
  },
  started: { now: "You have started with the team.", next: "Welcome to the team." },
  declined: {
    now: "This application has closed.",
    next: "Thank you for your time. You are welcome to apply for other jobs with us.",
  },
  withdrawn: {
    now: "You withdrew this application.",
    next: "You are welcome to apply again whenever you are ready.",
  },
};

/** The values survey is open to the candidate at these stages (before the workshop). */
export const SURVEY_OPEN_STAGES: readonly Stage[] = ["applied", "survey"];

/** In progress: past applying, not started and not closed (the candidates a team compares itself with). */
export const IN_PROGRESS_STAGES: readonly Stage[] = ["survey", "workshop", "shadow", "vote", "offer"];

export const isSurveyOpen = (stage: string) => (SURVEY_OPEN_STAGES as readonly string[]).includes(stage);
export const isInProgress = (stage: string) => (IN_PROGRESS_STAGES as readonly string[]).includes(stage);

export function isStage(value: string): value is Stage {
  return (ALL_STAGES as readonly string[]).includes(value);
}

export function isClosed(stage: Stage) {
  return (CLOSED_STAGES as readonly string[]).includes(stage);
}

/** Stages where an application has ended: closed, or the person started (nothing left to withdraw or stop). */
export const ENDED_STAGES: readonly Stage[] = [...CLOSED_STAGES, "started"];

/** Still open: the candidate can withdraw it, and erasure withdraws it. */
export const isOpen = (stage: string) => isStage(stage) && !(ENDED_STAGES as readonly string[]).includes(stage);

/** The stage after `stage`, or null at the end of the pipeline and for closed applications. */
export function nextStage(stage: Stage): PipelineStage | null {
  const index = (PIPELINE_STAGES as readonly string[]).indexOf(stage);
  return index >= 0 && index < PIPELINE_STAGES.length - 1 ? PIPELINE_STAGES[index + 1] : null;
}

/**
 * The only allowed moves: one step forward, or closing an open application (declined by staff,
 * withdrawn by the candidate) with a reason. A started hire is no longer in the pipeline.
 */
export function checkTransition(from: Stage, to: Stage, reason?: string | null) {
  if (isClosed(from) || from === "started") {
    throw new ApplicationError("invalid_transition", `An application at "${STAGE_LABELS[from]}" cannot move any more.`);
  }
  if (isClosed(to)) {
    if (!reason?.trim()) throw new ApplicationError("reason_required", `Give a reason to mark it ${to}.`);
    return;
  }
  if (nextStage(from) !== to) {
    throw new ApplicationError(
      "invalid_transition",
      `An application at "${STAGE_LABELS[from]}" can only move on to "${STAGE_LABELS[nextStage(from) ?? from]}".`,
    );
  }
}
