// The check-in answers, without zod: the reply page shows them before zod has loaded.
export const CHECKIN_ANSWERS = {
  good: "It is going well",
  ok: "It is OK",
  worried: "I am worried about something",
} as const;
