import * as z from "zod/mini";
import { MONITORING_QUESTIONS, type MonitoringQuestion } from "./monitoring.js";

const answer = <Q extends MonitoringQuestion>(question: Q) => {
  const keys = Object.keys(MONITORING_QUESTIONS[question].options) as [string, ...string[]];
  return z.enum(keys, { error: `Choose an answer to "${MONITORING_QUESTIONS[question].label}", or "Prefer not to say"` });
};

export const MonitoringSchema = z.object({
  ageBand: answer("ageBand"),
  gender: answer("gender"),
  disability: answer("disability"),
  ethnicity: answer("ethnicity"),
  caring: answer("caring"),
});

export type MonitoringAnswers = z.infer<typeof MonitoringSchema>;
