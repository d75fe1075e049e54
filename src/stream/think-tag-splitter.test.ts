import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitLeadingThinkTag } from "../response/thinking";
import { LeadingThinkTagSplitter } from "./think-tag-splitter";

function splitStreamed(pieces: string[]) {
  const s = new LeadingThinkTagSplitter();
  let reasoning = "";
  let text = "";
  for (const p of [...pieces.map((x) => s.push(x)), s.end()]) {
    reasoning += p.reasoning;
    text += p.text;
  }
  return { reasoning, text };
}

describe("LeadingThinkTagSplitter", () => {
  it("splits a leading <think> block across arbitrary boundaries", () => {
    expect(splitStreamed(["<th", "ink>plan</th", "ink>", "\n\nAnswer"])).toEqual({
      reasoning: "plan",
      text: "Answer",
    });
  });

  it("plain content passes through at once", () => {
    const s = new LeadingThinkTagSplitter();
    expect(s.push("Hello")).toEqual({ reasoning: "", text: "Hello" });
    expect(s.push(" <think>x</think>")).toEqual({ reasoning: "", text: " <think>x</think>" });
  });

  it("an unclosed tag is all reasoning", () => {
    expect(splitStreamed(["<think>still going"])).toEqual({ reasoning: "still going", text: "" });
  });

  it("a held partial tag that never completes is released as text", () => {
    expect(splitStreamed(["<thi"])).toEqual({ reasoning: "", text: "<thi" });
  });

  it("agrees with the non-streaming splitter for any content and any split", () => {
    const content = fc.oneof(
      fc.string(),
      fc
        .tuple(fc.constantFrom("", " ", "\n"), fc.string(), fc.string())
        .map(([ws, r, t]) => `${ws}<think>${r}</think>${t}`),
      fc
        .tuple(fc.string(), fc.constantFrom("<think>", "</think>", "<", "</thi"))
        .map(([a, b]) => `<think>${a}${b}`),
    );
    fc.assert(
      fc.property(content, fc.array(fc.nat(), { maxLength: 6 }), (c, cuts) => {
        const points = [...new Set(cuts.map((n) => n % (c.length + 1)))].sort((a, b) => a - b);
        const pieces: string[] = [];
        let prev = 0;
        for (const p of points) {
          pieces.push(c.slice(prev, p));
          prev = p;
        }
        pieces.push(c.slice(prev));
        const expected = splitLeadingThinkTag(c) ?? { reasoning: "", text: c };
        expect(splitStreamed(pieces.filter((p) => p !== ""))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
