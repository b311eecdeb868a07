import { CRITERION_KEY, criterionField, MAX_CRITERIA, SCORE_LEVELS } from "./exercise.schema.js";

type Values = Record<string, string | string[]>;

/** An empty criterion row under `key`. */
export function withNewCriterion(values: Values, key: string): Values {
  const keys = criteriaKeys(values);
  if (keys.length >= MAX_CRITERIA) return values;
  const next: Values = { ...values, criteria: [...keys, key] };
  next[criterionField(key, "name")] = "";
  return next;
}

export const criteriaKeys = (values: Values) =>
  Array.isArray(values.criteria) ? values.criteria.filter((k) => CRITERION_KEY.test(k)) : [];

/**
 * The form after a "remove:<key>", "up:<key>" or "down:<key>" button: the same values with the
 * criteria's order changed. Nothing typed is lost (a removed criterion's fields are dropped).
 */
export function rearrangeCriteria(values: Values, intent: string): Values {
  const [action, key] = intent.split(":");
  const keys = criteriaKeys(values);
  const at = keys.indexOf(key ?? "");
  if (at < 0) return { ...values, criteria: keys };
  const next = [...keys];
  if (action === "remove" && keys.length > 1) {
    next.splice(at, 1);
    const kept: Values = { ...values, criteria: next };
    for (const field of ["name", "value", ...SCORE_LEVELS.map((l) => `level${l}`)]) delete kept[`${key}.${field}`];
    return kept;
  }
  const to = action === "up" ? at - 1 : action === "down" ? at + 1 : at;
  if (to < 0 || to >= keys.length) return { ...values, criteria: keys };
  [next[at], next[to]] = [next[to], next[at]];
  return { ...values, criteria: next };
}
