import type { Stage } from "./stages.js";
import { dateFormat, UK_ZONE } from "../dates.js";

/** The stages an application can be declined at (closed and started ones cannot). */
export const DECLINE_STAGES = ["applied", "survey", "workshop", "shadow", "vote", "offer"] as const satisfies readonly Stage[];
export type DeclineStage = (typeof DECLINE_STAGES)[number];

/**
 * The default words of the decline email, one per stage, in plain English (short sentences, no
 * jargon). An organisation can replace any of them in Settings; the lead can add a personal line.
 */
export const DEFAULT_DECLINE_WORDS: Record<DeclineStage, string> = {
  applied: "Thank you for applying. We have read your application, and this time we will not take it further.",
  survey:
    "Thank you for taking our values survey. We have looked at your answers, and this time we will not take your application further.",
  workshop: "Thank you for coming to our workshop. We enjoyed meeting you. This time we will not take your application further.",
  shadow:
    "Thank you for spending a shift with the team. We know it takes time and care. This time we will not take your application further.",
  vote: "Thank you for meeting the team. The team has talked about your application, and this time we will not offer you the job.",
  offer: "Thank you for your time with us. This time we will not go ahead with the job offer.",
};

export const DECLINE_STAGE_LABELS: Record<DeclineStage, string> = {
  applied: "After applying",
  survey: "After the values survey",
  workshop: "After the workshop",
  shadow: "After the shadow shift",
  vote: "After the team vote",
  offer: "At the offer",
};

export function isDeclineStage(stage: string): stage is DeclineStage {
  return (DECLINE_STAGES as readonly string[]).includes(stage);
}

/** The organisation's words for a stage, or the default. */
export function declineWordsFor(stage: DeclineStage, own: Record<string, string> | null | undefined) {
  const mine = own?.[stage]?.trim();
  return mine || DEFAULT_DECLINE_WORDS[stage];
}

/** 9:00 the next morning, UK time: a decline made in the evening is read at a kinder hour. */
export function nextMorningNine(now: Date) {
  const parts = Object.fromEntries(
    dateFormat({ timeZone: UK_ZONE, year: "numeric", month: "2-digit", day: "2-digit" })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  const tomorrow = new Date(Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day) + 1, 9));
  // 9:00 in London is 9:00 UTC in winter and 8:00 UTC in summer.
  const londonHour = Number(dateFormat({ timeZone: UK_ZONE, hour: "2-digit", hourCycle: "h23" }).format(tomorrow));
  return new Date(tomorrow.getTime() - (londonHour - 9) * 3_600_000);
}
