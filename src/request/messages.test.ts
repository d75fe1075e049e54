import { describe, expect, it } from "vitest";
import {
  conversation,
  expect400,
  expectValid,
  readCall,
  systemOf,
  toolResult,
  translate,
} from "../../test/request/helpers";

describe("user content", () => {
  it("keeps a string and joins text blocks with a blank line, dropping empty ones and cache_control", () => {
    const t = translate({
      messages: [
        {
          role: "user",
          content: [
            { type: "text", text: "first", cache_control: { type: "ephemeral" } },
            { type: "text", text: "" },
            { type: "text", text: "second" },
          ],
        },
      ],
    });
    expect(conversation(t)).toEqual([{ role: "user", content: "first\n\nsecond" }]);
    expectValid(t);
  });

  it("merges consecutive user messages into one", () => {
    const t = translate({
      messages: [
        { role: "user", content: "a" },
        { role: "user", content: [{ type: "text", text: "b" }] },
      ],
    });
    expect(conversation(t)).toEqual([{ role: "user", content: "a\n\nb" }]);
  });

  it("turns a user message made only of empty text into (empty) so two assistants never touch", () => {
    const t = translate({
      messages: [
        { role: "user", content: "hi" },
        { role: "assistant", content: "one" },
        { role: "user", content: [{ type: "text", text: "" }] },
        { role: "assistant", content: "two" },
      ],
    });
    expect(conversation(t).map((m) => [m.role, m.content])).toEqual([
      ["user", "hi"],
      ["assistant", "one"],
      ["user", "(empty)"],
      ["assistant", "two"],
    ]);
    expectValid(t);
  });
});

describe('role:"system" messages (Claude Code 2.1.x)', () => {
  it("appends the first one to the system string, even when the request ends with it", () => {
    const t = translate({
      system: [{ type: "text", text: "Main prompt." }],
      messages: [
        { role: "user", content: "What does hello.txt say?" },
        {
          role: "system",
          content: [{ type: "text", text: "# Environment\ncwd: /p", cache_control: { type: "ephemeral" } }],
        },
      ],
    });
    expect(systemOf(t)).toBe("Main prompt.\n\n# Environment\ncwd: /p");
    expect(conversation(t)).toEqual([{ role: "user", content: "What does hello.txt say?" }]);
    expectValid(t);
  });

  it("turns later ones into <system-reminder> user text after the tool messages of their turn", () => {
    const t = translate({
      system: "S",
      messages: [
        { role: "user", content: "go" },
        { role: "system", content: "env" },
        { role: "assistant", content: [readCall("a")] },
        { role: "user", content: [toolResult("a", "1\tline")] },
        { role: "system", content: "[Truncated: PARTIAL view]" },
      ],
    });
    expect(systemOf(t)).toBe("S\n\nenv");
    expect(conversation(t).slice(2)).toEqual([
      { role: "tool", tool_call_id: "a", content: "1\tline" },
      { role: "user", content: "<system-reminder>\n[Truncated: PARTIAL view]\n</system-reminder>" },
    ]);
    expectValid(t);
  });

  it("appends a later one to the preceding user message, or starts a user message after an assistant", () => {
    const t = translate({
      messages: [
        { role: "user", content: "go" },
        { role: "system", content: "env" },
        { role: "assistant", content: "done" },
        { role: "user", content: "next" },
        { role: "system", content: "note 1" },
        { role: "assistant", content: "ok" },
        { role: "system", content: "note 2" },
      ],
    });
    expect(conversation(t).map((m) => m.content)).toEqual([
      "go",
      "done",
      "next\n\n<system-reminder>\nnote 1\n</system-reminder>",
      "ok",
      "<system-reminder>\nnote 2\n</system-reminder>",
    ]);
    expectValid(t);
  });

  it("keeps a system message that first appears after an assistant message in the conversation (stable prefix)", () => {
    const t = translate({
      system: "S",
      messages: [
        { role: "user", content: "go" },
        { role: "assistant", content: "ok" },
        { role: "system", content: "late note" },
      ],
    });
    expect(systemOf(t)).toBe("S");
    expect(conversation(t)[2]).toEqual({
      role: "user",
      content: "<system-reminder>\nlate note\n</system-reminder>",
    });
  });
});

describe("assistant messages", () => {
  it("joins texts in order and sends content '' when there are only tool calls", () => {
    const t = translate({
      messages: [
        { role: "user", content: "go" },
        {
          role: "assistant",
          content: [
            { type: "text", text: "A" },
            { type: "text", text: "B" },
          ],
        },
        { role: "user", content: "more" },
        { role: "assistant", content: [readCall("a")] },
        { role: "user", content: [toolResult("a", "x")] },
      ],
    });
    const assistants = conversation(t).filter((m) => m.role === "assistant");
    expect(assistants.map((m) => m.content)).toEqual(["A\n\nB", ""]);
    expectValid(t);
  });

  it("replays thinking as <think> for GLM, with clear_thinking:false, and never sends signatures", () => {
    const t = translate({
      model: "zai-glm-4.7",
      messages: [
        { role: "user", content: "go" },
        {
          role: "assistant",
          content: [
            { type: "thinking", thinking: "Read the file.", signature: "sig-123" },
            { type: "redacted_thinking", data: "opaque-blob" },
            { type: "text", text: "I'll read it." },
            readCall("3e1a9c07b"),
          ],
        },
        { role: "user", content: [toolResult("3e1a9c07b", "hello")] },
      ],
    });
    expect(conversation(t)[1]!.content).toBe("<think>Read the file.</think>I'll read it.");
    expect(t.body.clear_thinking).toBe(false);
    const json = JSON.stringify(t.body);
    expect(json).not.toContain("sig-123");
    expect(json).not.toContain("opaque-blob");
    expectValid(t);
  });

  /** An earlier assistant turn with thinking, then a new user message. */
  const withThinking = (model: string, thinking: string, text: string) =>
    translate({
      model,
      messages: [
        { role: "user", content: "go" },
        {
          role: "assistant",
          content: [
            { type: "thinking", thinking },
            { type: "text", text },
          ],
        },
        { role: "user", content: "next" },
      ],
    });

  it("does not wrap twice when the content already starts with <think>", () => {
    const t = withThinking("qwen-3.8-27b", "why", "<think>why</think>answer");
    expect(conversation(t)[1]!.content).toBe("<think>why</think>answer");
    expect(t.body.clear_thinking).toBeUndefined(); // qwen does not take clear_thinking
    expectValid(t);
  });

  it.each([
    // GPT-OSS: the reasoning text before the answer, no markers (the docs' GPT-OSS form).
    ["gpt-oss-120b", "The user wants a greeting.Hi"],
    ["qwen-3.8-27b", "<think>The user wants a greeting.</think>Hi"],
    ["zai-glm-4.7", "<think>The user wants a greeting.</think>Hi"],
    // A model that does not reason gets none back.
    ["gemma-4-31b", "Hi"],
  ])("replays earlier reasoning for %s as its family reads it back", (model, content) => {
    const t = withThinking(model, "The user wants a greeting.", "Hi");
    expect(conversation(t)[1]!.content).toBe(content);
    expect(t.body.clear_thinking).toBe(model === "zai-glm-4.7" ? false : undefined);
    expectValid(t);
  });

  it("drops server tool blocks from assistant turns", () => {
    const t = translate({
      messages: [
        { role: "user", content: "search" },
        {
          role: "assistant",
          content: [
            { type: "server_tool_use", id: "srvtoolu_1", name: "web_search", input: { query: "q" } },
            {
              type: "web_search_tool_result",
              tool_use_id: "srvtoolu_1",
              content: [{ type: "web_search_result" }],
            },
            { type: "text", text: "Found it." },
          ],
        },
        { role: "user", content: "thanks" },
      ],
    });
    expect(conversation(t)[1]).toEqual({ role: "assistant", content: "Found it." });
    expect(JSON.stringify(t.body)).not.toContain("srvtoolu_1");
  });

  it("merges two assistant messages in a row and keeps a trailing assistant prefill", () => {
    const t = translate({
      messages: [
        { role: "user", content: "go" },
        { role: "assistant", content: "part one" },
        { role: "assistant", content: [{ type: "text", text: "part two" }] },
      ],
    });
    expect(conversation(t)).toEqual([
      { role: "user", content: "go" },
      { role: "assistant", content: "part one\n\npart two" },
    ]);
    expectValid(t);
  });
});

describe("malformed messages → 400 naming the path", () => {
  it.each([
    [{}, "messages: must be a non-empty array"],
    [{ messages: [] }, "messages: must be a non-empty array"],
    [{ messages: ["hi"] }, "messages.0: must be a message object"],
    [{ messages: [{ content: "x" }] }, "messages.0.role"],
    [{ messages: [{ role: "tool", content: "x" }] }, "messages.0.role"],
    [{ messages: [{ role: "user" }] }, "messages.0.content"],
    [{ messages: [{ role: "user", content: [1] }] }, "messages.0.content.0: must be a content block object"],
    [{ messages: [{ role: "user", content: [{ text: "x" }] }] }, "messages.0.content.0.type"],
    [{ messages: [{ role: "user", content: [{ type: "text", text: 5 }] }] }, "messages.0.content.0.text"],
    [
      {
        messages: [
          { role: "user", content: "a" },
          { role: "assistant", content: [{ type: "tool_use", name: "R" }] },
        ],
      },
      "messages.1.content.0.id: tool_use block needs an id",
    ],
    [
      {
        messages: [
          { role: "user", content: "a" },
          { role: "assistant", content: [{ type: "tool_use", id: "x" }] },
        ],
      },
      "messages.1.content.0.name: tool_use block needs a name",
    ],
    [
      {
        messages: [
          { role: "user", content: "a" },
          { role: "assistant", content: [{ type: "tool_use", id: "x", name: "R", input: "str" }] },
        ],
      },
      "messages.1.content.0.input",
    ],
    [{ messages: [{ role: "user", content: [{ type: "tool_result", content: "x" }] }] }, "tool_use_id"],
    [
      { messages: [{ role: "user", content: [{ type: "tool_result", tool_use_id: "a", content: 7 }] }] },
      "messages.0.content.0.content",
    ],
  ])("%j", (req, text) => {
    expect400(() => translate(req as Record<string, unknown>), text);
  });
});
