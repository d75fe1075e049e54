import { describe, expect, it } from "vitest";
import type { CerebrasMessage } from "../wire/cerebras";
import { estimateCerebrasPromptTokens } from "./estimate";
import { isClaudeCodeCompactionRequest, shrinkMessagesToFit } from "./fit-context";
import { anthropicToCerebrasRequest } from "./index";

const big = (tag: string, n: number) => `${tag} `.repeat(n);
const COMPACT =
  "CRITICAL: Respond with TEXT ONLY. Do NOT call any tools.\n\nYour task is to create a detailed summary";

function history(lastUser: string): CerebrasMessage[] {
  return [
    { role: "system", content: "sys" },
    { role: "user", content: "start" },
    {
      role: "assistant",
      content: "",
      tool_calls: [{ id: "a", type: "function", function: { name: "Bash", arguments: "{}" } }],
    },
    { role: "tool", tool_call_id: "a", content: big("old-output", 6000) },
    { role: "user", content: lastUser },
  ];
}

describe("fitting Claude Code's compaction request into the window", () => {
  it("recognises the compaction instruction only in the last user message", () => {
    expect(isClaudeCodeCompactionRequest(history(COMPACT))).toBe(true);
    expect(isClaudeCodeCompactionRequest(history("go on"))).toBe(false);
    const earlier = history("go on");
    earlier[1] = { role: "user", content: COMPACT };
    expect(isClaudeCodeCompactionRequest(earlier)).toBe(false);
  });

  it("cuts the middle of old tool output, keeps head, tail and the instruction, and fits the budget", () => {
    const msgs = history(COMPACT);
    const before = estimateCerebrasPromptTokens(msgs, []);
    const { messages, estimate } = shrinkMessagesToFit(msgs, [], 5000);
    expect(before).toBeGreaterThan(5000);
    expect(estimate).toBeLessThanOrEqual(5000);
    const tool = messages[3]!.content as string;
    expect(tool.startsWith("old-output")).toBe(true);
    expect(tool.trimEnd().endsWith("old-output")).toBe(true);
    expect(tool).toMatch(/characters elided by ccr-cerebras/);
    expect(messages[4]).toEqual(msgs[4]);
    expect(messages[0]).toEqual(msgs[0]);
    expect(msgs[3]!.content).toBe(big("old-output", 6000)); // input untouched
  });

  it("translation: a compaction request that overflows is cut to fit; any other overflowing request is a 400", () => {
    const anthropic = (last: string) => ({
      model: "zai-glm-4.7",
      max_tokens: 32000,
      messages: [
        { role: "user", content: "start" },
        { role: "assistant", content: [{ type: "tool_use", id: "a", name: "Bash", input: {} }] },
        {
          role: "user",
          content: [
            { type: "tool_result", tool_use_id: "a", content: big("old-output", 6000) },
            { type: "text", text: last },
          ],
        },
      ],
    });
    const opts = { modelOverrides: { "zai-glm-4.7": { contextWindow: 12000 } } };
    expect(() => anthropicToCerebrasRequest(anthropic("go on"), opts)).toThrow(
      /prompt is too long: \d+ tokens > 10976 maximum/,
    );
    const t = anthropicToCerebrasRequest(anthropic(COMPACT), opts);
    expect(t.estimatedInputTokens).toBeLessThanOrEqual(12000 - 4096);
    expect(t.body.max_completion_tokens).toBeGreaterThanOrEqual(4096);
    expect(t.warnings.join()).toMatch(/compaction request cut/);
  });
});
