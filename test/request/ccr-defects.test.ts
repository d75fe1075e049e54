// One test per request-side defect of ccr's built-in Anthropic converter (R1–R13 in
// docs/ccr-defects.md#request-side), each showing that our translator does not have it.

import { describe, expect, it } from "vitest";
import { conversation, expectValid, loadJson, systemOf, toolNamesOf, translate } from "./helpers";

const call = (id: string) => ({ type: "tool_use", id, name: "Read", input: { file_path: "/f" } });

describe("ccr request-side defects R1–R13 are absent", () => {
  it("R1: role:system messages reach the model (environment and deferred-tool list kept)", () => {
    const req = loadJson("claude-code-2.1.330/01-main-with-tools-first-turn.json");
    const t = translate({ ...req, model: "gpt-oss-120b" });
    expect(systemOf(t)).toContain("Primary working directory: /home/user/example-project");
    expect(systemOf(t)).toContain("WebFetch\nWebSearch");
    const later = translate({
      messages: [
        { role: "user", content: "go" },
        { role: "system", content: "env" },
        { role: "assistant", content: "ok" },
        { role: "user", content: "more" },
        { role: "system", content: "[Truncated: PARTIAL view]" },
      ],
    });
    expect(JSON.stringify(later.body.messages)).toContain("[Truncated: PARTIAL view]");
  });

  it("R2: tool_choice any becomes required, not 'any', and disable_parallel_tool_use becomes parallel_tool_calls:false", () => {
    const t = translate({
      messages: [{ role: "user", content: "hi" }],
      tools: [{ name: "Read", input_schema: { type: "object", properties: {} } }],
      tool_choice: { type: "any", disable_parallel_tool_use: true },
    });
    expect(t.body.tool_choice).toBe("required");
    expect(t.body.parallel_tool_calls).toBe(false);
    expectValid(t);
  });

  it("R3: tool_result arrays become text (not JSON), is_error is kept, missing content becomes (no output)", () => {
    const t = translate({
      messages: [
        { role: "user", content: "go" },
        { role: "assistant", content: [call("a"), call("b"), call("c")] },
        {
          role: "user",
          content: [
            {
              type: "tool_result",
              tool_use_id: "a",
              content: [
                { type: "text", text: "line 1" },
                { type: "tool_reference", tool_name: "WebFetch" },
              ],
            },
            { type: "tool_result", tool_use_id: "b", content: "boom", is_error: true },
            { type: "tool_result", tool_use_id: "c" },
          ],
        },
      ],
    });
    const tools = conversation(t).filter((m) => m.role === "tool");
    expect(tools.map((m) => m.content)).toEqual([
      "line 1\nTool loaded: WebFetch",
      "Error: boom",
      "(no output)",
    ]);
    expect(JSON.stringify(tools)).not.toContain('"type":"text"');
    expectValid(t);
  });

  it("R4: no cache_control anywhere, no media_type on image parts, and a string system prompt", () => {
    const eph = { type: "ephemeral" };
    const t = translate({
      model: "qwen-3.8-27b",
      system: [{ type: "text", text: "S", cache_control: eph }],
      messages: [
        { role: "user", content: "go" },
        { role: "assistant", content: [call("a")] },
        {
          role: "user",
          content: [
            { type: "tool_result", tool_use_id: "a", content: "x", cache_control: eph },
            { type: "text", text: "see", cache_control: eph },
            {
              type: "image",
              source: { type: "base64", media_type: "image/png", data: "AAAA" },
              cache_control: eph,
            },
          ],
        },
      ],
    });
    const json = JSON.stringify(t.body);
    expect(json).not.toContain("cache_control");
    expect(json).not.toContain("media_type");
    expect(typeof t.body.messages[0]!.content).toBe("string");
    expectValid(t);
  });

  it("R5: assistant texts stay in order and apart, text after a tool_use is kept, tool-only turns are valid", () => {
    const t = translate({
      messages: [
        { role: "user", content: "go" },
        {
          role: "assistant",
          content: [
            { type: "text", text: "First." },
            call("a"),
            { type: "text", text: "" },
            { type: "text", text: "Then." },
          ],
        },
        { role: "user", content: [{ type: "tool_result", tool_use_id: "a", content: "x" }] },
        { role: "assistant", content: [call("b")] },
        { role: "user", content: [{ type: "tool_result", tool_use_id: "b", content: "y" }] },
      ],
    });
    const assistants = conversation(t).filter((m) => m.role === "assistant");
    expect(assistants[0]).toMatchObject({ content: "First.\n\nThen.", tool_calls: [{ id: "a" }] });
    expect(assistants[1]).toMatchObject({ content: "", tool_calls: [{ id: "b" }] });
    expectValid(t);
  });

  it("R6: earlier thinking is never sent as a message-level thinking field; GLM gets <think> replay, even unsigned", () => {
    const t = translate({
      model: "zai-glm-4.7",
      messages: [
        { role: "user", content: "go" },
        {
          role: "assistant",
          content: [
            { type: "thinking", thinking: "signed", signature: "sig" },
            { type: "text", text: "A" },
          ],
        },
        { role: "user", content: "next" },
        {
          role: "assistant",
          content: [
            { type: "thinking", thinking: "unsigned" },
            { type: "text", text: "B" },
          ],
        },
        { role: "user", content: "again" },
      ],
    });
    for (const m of t.body.messages) expect(Object.keys(m)).not.toContain("thinking");
    expect(
      conversation(t)
        .filter((m) => m.role === "assistant")
        .map((m) => m.content),
    ).toEqual(["<think>signed</think>A", "<think>unsigned</think>B"]);
    expectValid(t);
  });

  it("R7: top_p, stop_sequences and metadata.user_id are translated, not dropped (top_k is dropped on purpose)", () => {
    const t = translate({
      messages: [{ role: "user", content: "hi" }],
      top_p: 0.9,
      top_k: 20,
      stop_sequences: ["END"],
      metadata: { user_id: "user_x" },
    });
    expect(t.body).toMatchObject({ top_p: 0.9, stop: ["END"] });
    expect(t.body.user).toMatch(/^cc-[0-9a-f]{16}$/);
    expect(t.body).not.toHaveProperty("top_k");
    expectValid(t);
  });

  it("R8: thinking never adds a reasoning object; budget_tokens sets the level; adaptive is not forced to high", () => {
    for (const thinking of [
      { type: "adaptive" },
      { type: "disabled" },
      { type: "enabled", budget_tokens: 1000 },
    ]) {
      const t = translate({ model: "gpt-oss-120b", messages: [{ role: "user", content: "hi" }], thinking });
      expect(t.body).not.toHaveProperty("reasoning");
      expect(t.body).not.toHaveProperty("thinking");
      expect(t.body.reasoning_effort).toBe(thinking.type === "adaptive" ? undefined : "low");
      expectValid(t);
    }
  });

  it("R9: schemas are sanitised, server tools and DeferredToolPlaceholder are dropped, not sent as functions", () => {
    const t = translate({
      messages: [{ role: "user", content: "hi" }],
      tools: [
        {
          name: "Ask",
          input_schema: {
            $schema: "https://json-schema.org/draft/2020-12/schema",
            type: "object",
            properties: {
              qs: { type: "array", minItems: 1, maxItems: 4, items: { type: "string", format: "uri" } },
              any: {},
            },
            additionalProperties: {},
          },
        },
        { type: "web_search_20250305", name: "web_search" },
        {
          name: "DeferredToolPlaceholder",
          input_schema: { type: "object", properties: {} },
          defer_loading: true,
        },
      ],
    });
    expect(toolNamesOf(t)).toEqual(["Ask"]);
    const json = JSON.stringify(t.body.tools);
    for (const k of ["$schema", "minItems", "maxItems", '"format"']) expect(json).not.toContain(k);
    expectValid(t);
  });

  it("R10: documents and search results reach the model as text instead of being dropped", () => {
    const t = translate({
      messages: [
        {
          role: "user",
          content: [
            {
              type: "document",
              title: "README",
              source: { type: "text", media_type: "text/plain", data: "Hello doc" },
            },
            {
              type: "search_result",
              title: "Hit",
              source: "https://s.test",
              content: [{ type: "text", text: "found" }],
            },
          ],
        },
      ],
    });
    const content = String(conversation(t)[0]!.content);
    expect(content).toContain("Hello doc");
    expect(content).toContain("found");
  });

  it("R11: max_tokens 128000 / 64000 / 32000 is clamped to the cap and never sent as max_tokens", () => {
    for (const max_tokens of [128000, 64000, 32000]) {
      const t = translate({ model: "gpt-oss-120b", max_tokens, messages: [{ role: "user", content: "hi" }] });
      expect(t.body.max_completion_tokens).toBe(16384);
      expect(t.body).not.toHaveProperty("max_tokens");
    }
  });

  it("R12: stream:true is sent without stream_options (Cerebras answered 422 to it)", () => {
    const t = translate({ stream: true, messages: [{ role: "user", content: "hi" }] });
    expect(t.body.stream).toBe(true);
    expect(t.body).not.toHaveProperty("stream_options");
  });

  it("R13: a user turn made only of empty text blocks becomes (empty), so two assistant messages never touch", () => {
    const t = translate({
      messages: [
        { role: "user", content: "hi" },
        { role: "assistant", content: "A" },
        {
          role: "user",
          content: [
            { type: "text", text: "" },
            { type: "text", text: "" },
          ],
        },
        { role: "assistant", content: "B" },
      ],
    });
    expect(conversation(t).map((m) => m.content)).toEqual(["hi", "A", "(empty)", "B"]);
    expectValid(t);
  });
});
