import { readFileSync } from "node:fs";
import { flesch } from "flesch";
import { fleschKincaid } from "flesch-kincaid";
import { syllable } from "syllable";
import ts from "typescript";

/** Candidates' target: a reading age of 9-11 (Flesch-Kincaid grade 6 or below, reading ease 70 or above). */
export const TARGET = { grade: 6, ease: 70 };
/** Fewer words than this say too little for the formulas to mean anything (a heading, a button). */
export const MIN_WORDS = 12;

export function readability(text: string) {
  const sentences = text
    .split(/[.!?]+(?=\s|$)|\n/)
    .map((s) => s.trim())
    .filter((s) => /[a-z]/i.test(s));
  const words = text.match(/[A-Za-z][A-Za-z'’-]*/g) ?? [];
  const counts = { sentence: Math.max(sentences.length, 1), word: words.length, syllable: words.reduce((n, w) => n + syllable(w), 0) };
  return { words: words.length, grade: fleschKincaid(counts), ease: flesch(counts) };
}

const BLOCKS = new Set(["p", "li", "h1", "h2", "h3", "legend", "label", "dd", "dt", "figcaption", "Text", "Heading"]);

/**
 * The running text of a page or email template: each paragraph, list item or heading's own words
 * (the data shown in it left out, so a long job title or address is not what is scored).
 */
export function templateBlocks(file: string) {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const blocks: string[] = [];
  const textOf = (node: ts.Node): string => {
    if (ts.isJsxText(node)) return node.text.replace(/\s+/g, " ");
    if (ts.isJsxExpression(node) && node.expression && ts.isJsxAttribute(node.parent)) return "";
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return ts.isJsxExpression(node.parent) ? node.text : "";
    // An email's `Sentence with ${data}.`: its own words, without the data.
    if (ts.isTemplateExpression(node))
      return ts.isJsxExpression(node.parent) ? [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(" ") : "";
    if (ts.isJsxElement(node) && BLOCKS.has(node.openingElement.tagName.getText())) return "";
    return node.getChildren().map(textOf).join("");
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxElement(node) && BLOCKS.has(node.openingElement.tagName.getText())) {
      const text = node.children.map(textOf).join("").replace(/\s+/g, " ").trim();
      if (text) blocks.push(text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return blocks;
}
