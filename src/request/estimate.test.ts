import { describe, expect, it } from "vitest";
import { CHARS_PER_TOKEN, TOKENS_PER_IMAGE, TOKENS_PER_MESSAGE } from "../tokens";
import type { CerebrasMessage, CerebrasTool } from "../wire/cerebras";
import { estimateCerebrasPromptTokens } from "./estimate";

describe("estimateCerebrasPromptTokens", () => {
  it("counts text, message framing, tool calls and tool definitions", () => {
    const messages: CerebrasMessage[] = [
      { role: "system", content: "s".repeat(320) },
      {
        role: "assistant",
        content: "",
        tool_calls: [{ id: "a", type: "function", function: { name: "Read", arguments: "{}" } }],
      },
      { role: "tool", tool_call_id: "a", content: "t".repeat(100) },
    ];
    const tools: CerebrasTool[] = [
      { type: "function", function: { name: "Read", description: "d", parameters: {} } },
    ];
    const chars = "system".length + 320 + "assistant".length + 1 + 4 + 2 + "tool".length + 1 + 100;
    const toolChars = JSON.stringify(tools).length;
    expect(estimateCerebrasPromptTokens(messages, tools)).toBe(
      Math.ceil((chars + toolChars) / CHARS_PER_TOKEN) + 3 * TOKENS_PER_MESSAGE,
    );
  });

  it("charges a flat amount per image instead of the base64 length", () => {
    const data = "A".repeat(400_000);
    const messages: CerebrasMessage[] = [
      {
        role: "user",
        content: [
          { type: "text", text: "look" },
          { type: "image_url", image_url: { url: `data:image/png;base64,${data}` } },
        ],
      },
    ];
    const estimate = estimateCerebrasPromptTokens(messages, []);
    expect(estimate).toBe(
      Math.ceil(("user".length + 4) / CHARS_PER_TOKEN) + TOKENS_PER_MESSAGE + TOKENS_PER_IMAGE,
    );
  });

  it("errs high for English text (about 4 characters per token)", () => {
    const text = "The quick brown fox jumps over the lazy dog. ".repeat(100);
    const estimate = estimateCerebrasPromptTokens([{ role: "user", content: text }], []);
    expect(estimate).toBeGreaterThan(text.length / 4);
  });
});
