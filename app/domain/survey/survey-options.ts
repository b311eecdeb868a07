// Without zod: a survey page shows these before zod has loaded.

export const LIKERT = {
  "1": "Strongly disagree",
  "2": "Disagree",
  "3": "Neither agree nor disagree",
  "4": "Agree",
  "5": "Strongly agree",
} as const;

/** Every item on a survey page (a value's statements, or one situation). */
export const pageItems = <Statement, Situation>(
  page: { kind: "value"; items: Statement[] } | { kind: "situational"; item: Situation },
): (Statement | Situation)[] => (page.kind === "value" ? page.items : [page.item]);
