import { describe, expect, it } from "vitest";
import { type GroupCounts, hotspot, type PeopleGroup, suppress } from "./people.js";

/** A group: applications, came to a workshop, hired. */
const g = (key: string, applications: number, attended = 0, hired = 0): GroupCounts => ({ key, label: key, applications, attended, hired });
/** Each group as [key, applications, attended, hired] (null: hidden), or [key, "suppressed"]. */
const table = (groups: PeopleGroup[]) =>
  groups.map((x) => (x.suppressed ? [x.key, "suppressed"] : [x.key, x.applications, x.attended, x.hired]));
const find = (groups: PeopleGroup[], key: string) => {
  const found = groups.find((x) => x.key === key);
  if (!found || found.suppressed) throw new Error(`${key} is not shown`);
  return found;
};

describe("groups (applications)", () => {
  it("shows a group of 5 or more, and a smaller one (0 included) with no numbers at all", () => {
    const out = suppress([g("a", 5, 0, 0), g("b", 4), g("c", 0), g("d", 40, 20, 10), g("e", 30, 10, 5)]);
    expect(out.map((x) => [x.key, x.suppressed])).toEqual([
      ["a", false],
      ["b", true],
      ["c", true],
      ["d", false],
      ["e", false],
    ]);
    expect(out[1]).toEqual({ key: "b", label: "b", suppressed: true });
    expect(out[2]).toEqual({ key: "c", label: "c", suppressed: true });
  });

  it("when exactly one group is hidden, hides the next-smallest too (no working it out by subtraction)", () => {
    const out = suppress([g("a", 20), g("b", 3), g("c", 7), g("d", 6)]);
    expect(out.filter((x) => x.suppressed).map((x) => x.key)).toEqual(["b", "d"]);
  });

  it("nothing to hide, nothing hidden", () => {
    expect(suppress([g("a", 50, 20, 10), g("b", 60, 30, 12)])).toEqual([
      { key: "a", label: "a", suppressed: false, applications: 50, attended: 20, hired: 10, hireRate: 0.2 },
      { key: "b", label: "b", suppressed: false, applications: 60, attended: 30, hired: 12, hireRate: 0.2 },
    ]);
  });

  it("hides a group that is every application, or every one that answered: it would give everyone's answer", () => {
    // Everyone who answered said "no"; the other answers are empty, and "did not answer" would be
    // the only group shown with its counts hidden, so it goes too.
    expect(table(suppress([g("yes", 0), g("no", 8, 4, 1), g("prefer_not_to_say", 0), g("not_answered", 5, 1, 1)]))).toEqual([
      ["yes", "suppressed"],
      ["no", "suppressed"],
      ["prefer_not_to_say", "suppressed"],
      ["not_answered", "suppressed"],
    ]);
    // Nobody answered: "did not answer" is every application.
    expect(suppress([g("yes", 0), g("no", 0), g("not_answered", 40, 20, 10)]).every((x) => x.suppressed)).toBe(true);
    // A group that is not everyone who answered is shown.
    expect(table(suppress([g("yes", 20, 10, 5), g("no", 40, 20, 10), g("not_answered", 30, 15, 5)]))[1]).toEqual(["no", 40, 20, 10]);
  });
});

describe("counts within a shown group (came to a workshop, hired)", () => {
  // Two identical groups under test (so when one count is hidden its twin is too, and the
  // across-groups rule has nothing to add) beside two large groups whose counts are all shown.
  const beside = [g("big", 100, 50, 20), g("mid", 60, 30, 10)];
  const twins = (attended: number, hired: number) => suppress([g("x", 20, attended, hired), g("y", 20, attended, hired), ...beside]);

  it("shows came to a workshop only when at least 5 came and at least 5 did not: 0, 1 to 4 and all but 1 to 4 are hidden", () => {
    // Hired 0 is hidden, so "came but not hired" does not come into it here.
    const shown = [...Array(21).keys()].filter((attended) => find(twins(attended, 0), "x").attended !== null);
    expect(shown).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(find(twins(3, 0), "x").attended).toBeNull();
    expect(find(twins(20, 0), "x").attended).toBeNull(); // all 20 came: hidden too (see "why 0 is hidden")
  });

  it("shows hired only when at least 5 were hired and at least 5 were not, and the hire rate only with it", () => {
    // All 20 came: "came" is hidden, so "came but not hired" does not come into it here.
    const shown = [...Array(21).keys()].filter((hired) => find(twins(20, hired), "x").hired !== null);
    expect(shown).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(find(twins(20, 0), "x")).toMatchObject({ hired: null, hireRate: null }); // 0 hired of 20: hidden
    expect(find(twins(20, 1), "x")).toMatchObject({ hired: null, hireRate: null });
    expect(find(twins(20, 17), "x")).toMatchObject({ hired: null, hireRate: null }); // 17 of 20: the 3 who were not
    expect(find(twins(20, 5), "x")).toMatchObject({ hired: 5, hireRate: 0.25 });
  });

  it("when both would be shown, at least 5 must have come and not been hired, or came is hidden (the hire rate stays)", () => {
    expect(find(twins(12, 8), "x")).toMatchObject({ attended: null, hired: 8, hireRate: 0.4 }); // 4 came and were not hired
    expect(find(twins(13, 8), "x")).toMatchObject({ attended: 13, hired: 8 });
  });

  it("a group of fewer than 10 shows its applications only", () => {
    for (const size of [5, 6, 7, 8, 9]) {
      for (let came = 0; came <= size; came++) {
        for (let hired = 0; hired <= came; hired++) {
          const x = find(suppress([g("x", size, came, hired), g("y", size, came, hired), ...beside]), "x");
          expect([x.attended, x.hired]).toEqual([null, null]);
        }
      }
    }
  });

  it("hides a count that is everyone in the question who came, did not, was hired or was not", () => {
    // All 6 hires said "a": with the dashboard's "6 hires", "a: 6 hired" gives every hire's answer.
    const out = suppress([g("a", 30, 12, 6), g("b", 20, 8, 0), g("c", 25, 10, 0)]);
    expect(table(out)).toEqual([
      ["a", 30, 12, null],
      ["b", 20, 8, null],
      ["c", 25, 10, null],
    ]);
    // Everyone not hired is in "a" (everyone in "b" and "c" was hired, and that is hidden too).
    expect(find(suppress([g("a", 40, 20, 10), g("b", 10, 10, 10), g("c", 20, 20, 20)]), "a").hired).toBeNull();
    // Everyone who answered and came is in "a"; "did not answer" is not an answer.
    expect(find(suppress([g("a", 40, 20, 10), g("b", 20, 0, 0), g("not_answered", 20, 10, 5)]), "a").attended).toBeNull();
  });
});

describe("across groups", () => {
  it("when exactly one shown group's hired is hidden, hides the next-smallest shown hired count too (first on a tie)", () => {
    const out = suppress([g("a", 20, 10, 2), g("b", 30, 12, 6), g("c", 40, 20, 9), g("d", 50, 25, 6)]);
    expect(table(out)).toEqual([
      ["a", 20, 10, null],
      ["b", 30, 12, null],
      ["c", 40, 20, 9],
      ["d", 50, 25, 6],
    ]);
    expect(find(out, "b").hireRate).toBeNull();
  });

  it("and the same for came to a workshop", () => {
    const out = suppress([g("a", 20, 18, 5), g("b", 30, 12, 6), g("c", 40, 20, 9), g("d", 50, 11, 6)]);
    expect(table(out)).toEqual([
      ["a", 20, null, 5],
      ["b", 30, 12, 6],
      ["c", 40, 20, 9],
      ["d", 50, null, 6],
    ]);
  });

  it("two hidden already: nothing more is hidden", () => {
    const out = suppress([g("a", 20, 10, 2), g("b", 30, 12, 3), g("c", 40, 20, 9), g("d", 50, 25, 6)]);
    expect(table(out).map((row) => row[3])).toEqual([null, null, 9, 6]);
  });

  it("a group shown alone with a hidden count is hidden whole: the small groups cannot hide its count", () => {
    expect(suppress([g("a", 3, 1, 0), g("b", 2, 1, 1), g("x", 12, 6, 0)]).every((x) => x.suppressed)).toBe(true);
    // Shown alone with every count shown: stays.
    expect(table(suppress([g("a", 3, 1, 0), g("b", 2, 1, 1), g("x", 30, 10, 5)]))[2]).toEqual(["x", 30, 10, 5]);
  });

  it("a group always hidden (the merged small places) still counts in the totals", () => {
    const out = suppress([g("Ashdown", 40, 20, 10), g("Brookfield", 30, 15, 5), g("other_places", 9, 4, 0)], {
      alwaysHide: ["other_places"],
    });
    // other_places is hidden, so Brookfield (the next-smallest) is too; Ashdown alone is left with
    // every count shown, and none of them is everyone's (Brookfield came and hired too).
    expect(table(out)).toEqual([
      ["Ashdown", 40, 20, 10],
      ["Brookfield", "suppressed"],
      ["other_places", "suppressed"],
    ]);
  });
});

describe("the finding: source = job board, where staff know who the 2 hires are", () => {
  // Gender with the filter: a man hired (6 men: 3 came, 1 hired), and one of the 5 who did not
  // answer hired; 2 non-binary people (1 came).
  const world = (man: [number, number, number], nonBinary: [number, number, number]) =>
    suppress([
      g("woman", 0),
      g("man", ...man),
      g("non_binary", ...nonBinary),
      g("another_way", 0),
      g("prefer_not_to_say", 0),
      g("not_answered", 5, 1, 1),
    ]);

  it("no hired count is shown, so the hired man's answers cannot be read", () => {
    expect(table(world([6, 3, 1], [2, 1, 0]))).toEqual([
      ["woman", "suppressed"],
      ["man", 6, null, null],
      ["non_binary", "suppressed"],
      ["another_way", "suppressed"],
      ["prefer_not_to_say", "suppressed"],
      ["not_answered", 5, null, null],
    ]);
  });

  it("the page is the same whether the hire said man or not (with 0 shown, 'fewer than 5' would mean 1 to 4, and each would be 1)", () => {
    // The hire and a non-binary person who came swap answers: the man's count of hires goes from 1
    // to 0. Had 0 been shown, the second world would say "man: 0 hired" and the first would pin the
    // two hidden hires (man, not answered) to 1 each from the dashboard's total of 2.
    expect(world([6, 3, 0], [2, 1, 1])).toEqual(world([6, 3, 1], [2, 1, 0]));
  });
});

describe("hotspots", () => {
  it("names the group furthest below the overall rate among those whose rate is shown, never a non-answer group", () => {
    // c's true rate (2 in 30) is the lowest, but 2 hired is hidden, so its rate is not shown.
    const groups = suppress([g("a", 20, 10, 5), g("b", 40, 20, 10), g("c", 30, 15, 2), g("d", 50, 25, 6), g("not_answered", 20, 10, 0)]);
    expect(find(groups, "c").hireRate).toBeNull();
    expect(find(groups, "not_answered").hireRate).toBeNull();
    const overallRate = 23 / 160;
    expect(hotspot(groups, overallRate)).toEqual({ key: "d", label: "d", hireRate: 6 / 50 });
    expect(hotspot(groups, 0.1)).toBeNull();
    expect(hotspot(groups, null)).toBeNull();
    // A shown non-answer group is never the hotspot.
    const withNonAnswer = suppress([g("a", 50, 25, 10), g("prefer_not_to_say", 50, 25, 5), g("b", 50, 25, 10)]);
    expect(hotspot(withNonAnswer, 25 / 150)).toBeNull();
  });
});
