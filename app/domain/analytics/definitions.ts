/**
 * Funnel analytics: the one definition of every figure, shown to leads as help text next to it.
 * All figures are for a COHORT: the applications made in the chosen period (by the month they
 * applied, UK time), narrowed by the filters. Each step counts applications that reached it at any
 * time so far, so a recent cohort's later steps can still grow.
 */
export const FUNNEL_STEPS = [
  { key: "applied", label: "Applied", definition: "Applications made in the period." },
  { key: "surveyCompleted", label: "Survey complete", definition: "Finished the values survey." },
  { key: "workshopBooked", label: "Workshop booked", definition: "Booked a place at a group workshop (at least once)." },
  { key: "attended", label: "Attended a workshop", definition: "Marked as attended (or late) at a workshop." },
  {
    key: "shadowDone",
    label: "Shadow shift done",
    definition: "Moved on to the team vote, which opens once the shadow shift has happened.",
  },
  {
    key: "votePassed",
    label: "Vote passed",
    definition: "Moved to the offer step: the team voted yes (or the lead decided after a vote without quorum).",
  },
  { key: "offerAccepted", label: "Offer accepted", definition: "Accepted a job offer." },
  { key: "started", label: "Started", definition: "Their first day with the team was confirmed." },
  { key: "inPost90", label: "In post at 90 days", definition: "Started at least 90 days ago and had not left the team by day 90." },
] as const;

export type FunnelStepKey = (typeof FUNNEL_STEPS)[number]["key"];

/** The pipeline stage an application was at when it closed, in plain words. */
export const EXIT_STAGE_LABELS: Record<string, string> = {
  applied: "After applying",
  survey: "At the values survey",
  workshop: "At the workshop step",
  shadow: "At the shadow shift step",
  vote: "During the team vote",
  offer: "At the offer step",
};

export const HEADLINES = {
  workshopToHire: {
    label: "Workshop-to-hire ratio",
    definition: "Workshop attendees for each person who started: attended ÷ started. BelleVie hires about 1 in 5.",
    benchmark: "BelleVie: 1 in 5",
  },
  postOfferDropout: {
    label: "Post-offer drop-out",
    definition:
      "By quarter of acceptance: people who withdrew after accepting an offer, plus no-shows, ÷ offers accepted (the same rule as the offers page). BelleVie: 38% in 2023, 21% in 2025.",
    benchmark: "BelleVie: 38% → 21%",
  },
  earlyLeavers: {
    label: "Early leavers",
    definition: "By quarter of acceptance: people who left the team within 90 days of starting ÷ people who started.",
    benchmark: "Turnover: BelleVie 18%, home care 29%",
  },
  timeToHire: {
    label: "Time to hire",
    definition: "Days from applying to the first day, for people in the cohort who started: the median and the 90th percentile.",
    benchmark: "",
  },
  surveyCompletion: {
    label: "Survey completion",
    definition: "Applications whose values survey was finished ÷ applications.",
    benchmark: "",
  },
  workshopNoShow: {
    label: "Workshop no-shows",
    definition: "People who booked and did not come (and never attended another date) ÷ everyone marked at a workshop.",
    benchmark: "",
  },
} as const;

export type HeadlineKey = keyof typeof HEADLINES;
