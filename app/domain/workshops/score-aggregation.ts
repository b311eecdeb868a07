export type Score = { assessorId: string; exerciseId: string; criterionKey: string; value: string; score: number };

export type CriterionSummary = {
  exerciseId: string;
  criterionKey: string;
  value: string;
  mean: number;
  scores: number[];
  /** Assessors differ by 2 or more points: talk it through before deciding. */
  disagreement: boolean;
};

const round1 = (n: number) => Math.round(n * 10) / 10;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * One candidate's workshop scores (1-4): the mean per criterion (flagging criteria where
 * assessors differ by 2 or more), the mean per value (of its criteria's means), and the overall
 * score (the mean of every criterion's mean, so each criterion counts once however many
 * assessors scored it).
 */
export function summariseScores(scores: Score[]) {
  const byCriterion = new Map<string, Score[]>();
  for (const s of scores) {
    const key = `${s.exerciseId}:${s.criterionKey}`;
    byCriterion.set(key, [...(byCriterion.get(key) ?? []), s]);
  }
  const criteria: CriterionSummary[] = [...byCriterion.values()].map((group) => {
    const values = group.map((g) => g.score);
    return {
      exerciseId: group[0].exerciseId,
      criterionKey: group[0].criterionKey,
      value: group[0].value,
      mean: round1(mean(values)),
      scores: values,
      disagreement: Math.max(...values) - Math.min(...values) >= 2,
    };
  });
  const byValue = new Map<string, number[]>();
  for (const c of criteria) byValue.set(c.value, [...(byValue.get(c.value) ?? []), c.mean]);
  const values = [...byValue.entries()].map(([value, means]) => ({ value, mean: round1(mean(means)) }));
  return {
    criteria,
    values,
    overall: criteria.length ? round1(mean(criteria.map((c) => c.mean))) : null,
    assessors: new Set(scores.map((s) => s.assessorId)).size,
    disagreements: criteria.filter((c) => c.disagreement).length,
  };
}
