import { describe, expect, it } from "vitest";
import { rearrangeCriteria, withNewCriterion } from "./exercise-form.js";
import { MAX_CRITERIA } from "./exercise.schema.js";

const form = { title: "T", criteria: ["a", "b", "c"], "a.name": "A", "b.name": "B", "c.name": "C", "b.level1": "one" };

describe("the exercise form's criteria buttons", () => {
  it("moves a criterion up or down, and not past either end", () => {
    expect(rearrangeCriteria(form, "up:b").criteria).toEqual(["b", "a", "c"]);
    expect(rearrangeCriteria(form, "down:b").criteria).toEqual(["a", "c", "b"]);
    expect(rearrangeCriteria(form, "up:a").criteria).toEqual(["a", "b", "c"]);
    expect(rearrangeCriteria(form, "down:c").criteria).toEqual(["a", "b", "c"]);
  });

  it("removes a criterion with its fields, keeps the rest as typed, and never removes the last one", () => {
    const removed = rearrangeCriteria(form, "remove:b");
    expect(removed).toEqual({ title: "T", criteria: ["a", "c"], "a.name": "A", "c.name": "C" });
    expect(rearrangeCriteria({ criteria: ["a"], "a.name": "A" }, "remove:a").criteria).toEqual(["a"]);
  });

  it("ignores keys that are not in the form or not well formed, and adds up to the limit", () => {
    expect(rearrangeCriteria(form, "remove:zzz").criteria).toEqual(["a", "b", "c"]);
    expect(rearrangeCriteria({ criteria: ["a", "__proto__", "x.y"] }, "up:a").criteria).toEqual(["a"]);
    expect(withNewCriterion(form, "c_1").criteria).toEqual(["a", "b", "c", "c_1"]);
    const full = { criteria: Array.from({ length: MAX_CRITERIA }, (_, i) => `k${i}`) };
    expect(withNewCriterion(full, "c_2").criteria).toHaveLength(MAX_CRITERIA);
  });
});
