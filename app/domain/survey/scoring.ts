import type { Answers, SurveyDefinition } from "./survey.schema.js";

export type ValueScore = {
  key: string;
  name: string;
  /** 0-100, or null when no item for this value was answered. */
  score: number | null;
  answered: number;
  total: number;
};

export type SurveyProfile = {
  values: ValueScore[];
  /** Weighted mean of the value scores that exist, 0-100; null when none do. */
  fit: number | null;
  answered: number;
  total: number;
};

/**
 * Scores one person's answers.
 * - A statement answered 1-5 counts (a - 1) / 4 towards its value; a reverse statement is
 *   flipped first (6 - a).
 * - A situational question counts, for each value its options give points to, the points of the
 *   chosen response divided by the best points any response gives that value.
 * - Each answered item weighs the same within a value; unanswered items are left out (and
 *   `answered` says how many counted). A value's score is the mean, as 0-100.
 * - The fit is the mean of the value scores weighted by each value's weight.
 */
export function scoreAnswers(definition: SurveyDefinition, answers: Answers): SurveyProfile {
  const earned = new Map<string, number>();
  const answeredPerValue = new Map<string, number>();
  const totalPerValue = new Map<string, number>();
  const add = (value: string, share: number | null) => {
    totalPerValue.set(value, (totalPerValue.get(value) ?? 0) + 1);
    if (share === null) return;
    earned.set(value, (earned.get(value) ?? 0) + share);
    answeredPerValue.set(value, (answeredPerValue.get(value) ?? 0) + 1);
  };
  let answered = 0;

  for (const item of definition.items) {
    const answer = answers[item.id];
    if (answer !== undefined) answered++;
    if (item.kind === "statement") {
      const raw = Number(answer);
      const valid = Number.isInteger(raw) && raw >= 1 && raw <= 5;
      const points = item.reverse ? 6 - raw : raw;
      add(item.value, valid ? (points - 1) / 4 : null);
    } else {
      const chosen = item.options.find((o) => o.id === answer);
      const valuesInItem = new Set(item.options.flatMap((o) => Object.keys(o.points)));
      for (const value of valuesInItem) {
        const best = Math.max(...item.options.map((o) => o.points[value] ?? 0));
        if (best === 0) continue;
        add(value, chosen ? (chosen.points[value] ?? 0) / best : null);
      }
    }
  }

  const values = definition.values.map((v): ValueScore => {
    const count = answeredPerValue.get(v.key) ?? 0;
    return {
      key: v.key,
      name: v.name,
      score: count ? Math.round((100 * (earned.get(v.key) ?? 0)) / count) : null,
      answered: count,
      total: totalPerValue.get(v.key) ?? 0,
    };
  });
  return { values, fit: weightedFit(definition, values), answered, total: definition.items.length };
}

function weightedFit(definition: SurveyDefinition, values: ValueScore[]) {
  let sum = 0;
  let weights = 0;
  for (const v of values) {
    const weight = definition.values.find((d) => d.key === v.key)?.weight ?? 1;
    if (v.score === null || weight === 0) continue;
    sum += weight * v.score;
    weights += weight;
  }
  return weights ? Math.round(sum / weights) : null;
}

/** A team's profile is the mean of its members' value scores, shown only from 3 members up. */
export const TEAM_PROFILE_MIN_MEMBERS = 3;

export function averageProfile(profiles: SurveyProfile[], minimum = TEAM_PROFILE_MIN_MEMBERS) {
  if (profiles.length < minimum) return null;
  const keys = profiles[0]?.values.map((v) => v.key) ?? [];
  return keys.map((key) => {
    const scores = profiles.map((p) => p.values.find((v) => v.key === key)?.score).filter((s): s is number => typeof s === "number");
    return { key, score: scores.length ? Math.round(scores.reduce((a, b) => a + b, 0) / scores.length) : null };
  });
}

/** The two strongest values, highest first (ties keep the framework's order). */
export function strongestValues(profile: SurveyProfile, count = 2) {
  return profile.values
    .filter((v) => v.score !== null)
    .sort((a, b) => (b.score as number) - (a.score as number))
    .slice(0, count);
}

/** Values scored below the organisation's review threshold. */
export function valuesBelow(profile: SurveyProfile, threshold: number) {
  return profile.values.filter((v) => v.score !== null && v.score < threshold);
}
