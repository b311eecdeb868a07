import { describe, expect, it } from "vitest";
import { PIPELINE_PAGE_SIZE, pageNumber, pipelineSearch } from "./pipeline-search.js";

describe("pipelineSearch", () => {
  it("lower-cases, trims and escapes LIKE's wildcards", () => {
    expect(pipelineSearch("  Anna SMITH ")).toEqual({ text: "anna smith", digits: null });
    expect(pipelineSearch("50%_off\\")).toEqual({ text: "50\\%\\_off\\\\", digits: null });
  });
  it("searches phone digits with the spaces taken out, from 3 digits", () => {
    expect(pipelineSearch("07700 900 123")?.digits).toBe("07700900123");
    expect(pipelineSearch("+44 (0)7700")?.digits).toBe("4407700");
    expect(pipelineSearch("flat 12")?.digits).toBeNull();
  });
  it("is no search when empty", () => {
    expect(pipelineSearch("   ")).toBeNull();
    expect(pipelineSearch(null)).toBeNull();
  });
});

describe("pageNumber", () => {
  it("keeps to the pages there are", () => {
    expect(PIPELINE_PAGE_SIZE).toBe(50);
    expect(pageNumber("2", 1234)).toBe(2);
    expect(pageNumber("99", 1234)).toBe(25);
    expect(pageNumber("0", 1234)).toBe(1);
    expect(pageNumber("-3", 1234)).toBe(1);
    expect(pageNumber("abc", 1234)).toBe(1);
    expect(pageNumber("3", 0)).toBe(1);
  });
});
