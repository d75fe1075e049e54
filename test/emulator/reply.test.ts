// Unit tests of reply planning.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getModelInfo } from "../../src/models";
import { planReply, splitPieces } from "./reply";

describe("splitPieces", () => {
  it("word-sized pieces always concatenate back to the original text", () => {
    fc.assert(fc.property(fc.string(), (s) => splitPieces(s).join("") === s));
  });

  it("keeps arrays as given", () => {
    expect(splitPieces(["a", "", "b"])).toEqual(["a", "", "b"]);
  });
});

describe("planReply", () => {
  const ctx = (body: Record<string, unknown>, id = "gpt-oss-120b") => ({
    body,
    model: getModelInfo(id),
    promptTokens: 100,
    cachedTokens: 0,
  });

  it("drops reasoning for a model that does not reason (gemma-4-31b)", () => {
    expect(planReply({ reasoning: "r", content: "c" }, ctx({}, "gemma-4-31b")).reasoning).toEqual([]);
  });

  it("a partial usage override keeps the computed fields and recomputes the total", () => {
    const plan = planReply({ content: "c", usage: { prompt_tokens: 5000 } }, ctx({}));
    expect(plan.usage.prompt_tokens).toBe(5000);
    expect(plan.usage.total_tokens).toBe(5000 + (plan.usage.completion_tokens ?? 0));
    expect(plan.usage.prompt_tokens_details).toEqual({ cached_tokens: 0 });
  });

  it("finishes with tool_calls when the reply calls tools and names no finish reason", () => {
    expect(planReply({ toolCalls: [{ name: "Read", arguments: "{}" }] }, ctx({})).finishReason).toBe(
      "tool_calls",
    );
  });
});
