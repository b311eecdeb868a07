/**
 * Voluntary equal opportunities monitoring: the questions, their answers in plain English, and the
 * one schema the candidate's form uses in the browser and on the server. Every question has
 * "Prefer not to say"; the whole form is optional (a candidate can simply not fill it in).
 * Answers are stored per application and only ever read in aggregate (db/queries/people.ts).
 */
const PREFER_NOT = { prefer_not_to_say: "Prefer not to say" } as const;

export const MONITORING_QUESTIONS = {
  ageBand: {
    label: "How old are you?",
    options: {
      "16_24": "16 to 24",
      "25_34": "25 to 34",
      "35_44": "35 to 44",
      "45_54": "45 to 54",
      "55_64": "55 to 64",
      "65_plus": "65 or over",
      ...PREFER_NOT,
    },
  },
  gender: {
    label: "What is your gender?",
    options: { woman: "Woman", man: "Man", non_binary: "Non-binary", another_way: "I describe myself another way", ...PREFER_NOT },
  },
  disability: {
    label: "Do you consider yourself to have a disability or a long-term health condition?",
    options: { yes: "Yes", no: "No", ...PREFER_NOT },
  },
  ethnicity: {
    label: "What is your ethnic group?",
    options: {
      asian: "Asian or Asian British",
      black: "Black, Black British, Caribbean or African",
      mixed: "Mixed or multiple ethnic groups",
      white: "White",
      other: "Other ethnic group",
      ...PREFER_NOT,
    },
  },
  caring: {
    label: "Do you look after, or give help or support to, a family member, friend or neighbour because of illness, disability or old age?",
    options: { yes: "Yes", no: "No", ...PREFER_NOT },
  },
} as const;

export type MonitoringQuestion = keyof typeof MONITORING_QUESTIONS;
export const MONITORING_QUESTION_KEYS = Object.keys(MONITORING_QUESTIONS) as MonitoringQuestion[];

/** Short names for the report (the question as a heading). */
export const MONITORING_TOPICS: Record<MonitoringQuestion, string> = {
  ageBand: "Age",
  gender: "Gender",
  disability: "Disability",
  ethnicity: "Ethnic group",
  caring: "Caring responsibilities",
};

// The schema (and MonitoringAnswers) live in monitoring.schema.ts, so the page loads zod only when the form is first checked.
