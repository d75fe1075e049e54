import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AnthropicHttpError } from "../errors";
import { newAnthropicMessageId } from "./ids";
import { cerebrasToAnthropicMessage } from "./index";

const fixture = (name: string) =>
  JSON.parse(readFileSync(join(__dirname, "../../test/fixtures/cerebras", name), "utf8"));

const opts = { requestedModel: "claude-sonnet-4-5", messageId: "msg_test" };

function completion(message: Record<string, unknown>, finish: string | null = "stop", usage?: object) {
  return {
    id: "chatcmpl-1",
    object: "chat.completion",
    model: "zai-glm-4.7",
    choices: [{ index: 0, finish_reason: finish, message: { role: "assistant", ...message } }],
    ...(usage ? { usage } : {}),
  };
}

function thrown(fn: () => unknown): AnthropicHttpError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AnthropicHttpError);
    return err as AnthropicHttpError;
  }
  throw new Error("expected a throw");
}

describe("cerebrasToAnthropicMessage", () => {
  it("glm47_nonstream_reasoning_toolcall.json → thinking, text, tool_use; tool_use; usage net of cache", () => {
    expect(cerebrasToAnthropicMessage(fixture("glm47_nonstream_reasoning_toolcall.json"), opts)).toEqual({
      id: "msg_test",
      type: "message",
      role: "assistant",
      model: "claude-sonnet-4-5",
      content: [
        {
          type: "thinking",
          thinking:
            "The user wants the failing parser test fixed. I should read tests/test_parser.py before changing anything, so I will call the Read tool.",
          signature: "cerebras",
        },
        { type: "text", text: "I'll read the failing test first." },
        {
          type: "tool_use",
          id: "3e1a9c07b",
          name: "Read",
          input: { file_path: "/repo/tests/test_parser.py" },
        },
      ],
      stop_reason: "tool_use",
      stop_sequence: null,
      usage: {
        input_tokens: 264,
        output_tokens: 96,
        cache_read_input_tokens: 1920,
        cache_creation_input_tokens: 0,
      },
    });
  });

  it("default id is msg_ + random, model is the requested name", () => {
    const m = cerebrasToAnthropicMessage(completion({ content: "hi" }), {
      messageId: newAnthropicMessageId(),
      requestedModel: "claude-haiku",
    });
    expect(m.id).toMatch(/^msg_[0-9a-f]{24}$/);
    expect(m.model).toBe("claude-haiku");
  });

  it("<think>…</think> at the start of content becomes the thinking block", () => {
    const m = cerebrasToAnthropicMessage(completion({ content: "<think>plan it</think>\n\nDone." }), opts);
    expect(m.content).toEqual([
      { type: "thinking", thinking: "plan it", signature: "cerebras" },
      { type: "text", text: "Done." },
    ]);
  });

  it.each([
    ["stop", false, "end_turn"],
    ["length", false, "max_tokens"],
    ["tool_calls", true, "tool_use"],
    ["tool_calls", false, "end_turn"],
    ["content_filter", false, "refusal"],
    ["stop", true, "tool_use"],
    ["something_new", false, "end_turn"],
  ])("finish_reason %s (tool call: %s) → %s", (finish, withTool, expected) => {
    const toolCalls = withTool
      ? [{ id: "a1", type: "function", function: { name: "Bash", arguments: "{}" } }]
      : [];
    const m = cerebrasToAnthropicMessage(completion({ content: "x", tool_calls: toolCalls }, finish), opts);
    expect(m.stop_reason).toBe(expected);
    expect(m.stop_sequence).toBeNull();
  });

  it("reasoning-only with length → thinking block only, max_tokens", () => {
    const m = cerebrasToAnthropicMessage(
      completion({ content: null, reasoning: "Thinking hard" }, "length"),
      opts,
    );
    expect(m.content).toEqual([{ type: "thinking", thinking: "Thinking hard", signature: "cerebras" }]);
    expect(m.stop_reason).toBe("max_tokens");
  });

  it("an empty completion still has one (empty) text block, like the streaming path", () => {
    const m = cerebrasToAnthropicMessage(completion({ content: "" }), opts);
    expect(m.content).toEqual([{ type: "text", text: "" }]);
  });

  it("absent usage → the input estimate and an output estimate", () => {
    const m = cerebrasToAnthropicMessage(completion({ content: "x".repeat(40) }), {
      ...opts,
      estimatedInputTokens: 777,
    });
    expect(m.usage).toEqual({
      input_tokens: 777,
      output_tokens: 10,
      cache_read_input_tokens: 0,
      cache_creation_input_tokens: 0,
    });
  });

  it("a tool call without a name is dropped; one without an id gets toolu_…", () => {
    const m = cerebrasToAnthropicMessage(
      completion(
        {
          content: "",
          tool_calls: [
            { id: "x1", type: "function", function: { arguments: '{"a":1}' } },
            { type: "function", function: { name: "Glob", arguments: '{"pattern":"*"}' } },
          ],
        },
        "tool_calls",
      ),
      opts,
    );
    expect(m.content).toHaveLength(1);
    expect(m.content[0]).toMatchObject({ type: "tool_use", name: "Glob", input: { pattern: "*" } });
    expect((m.content[0] as { id: string }).id).toMatch(/^toolu_[0-9a-f]{24}$/);
    expect(m.stop_reason).toBe("tool_use");
  });

  it("unparseable arguments give a visible error input, not {text}", () => {
    const m = cerebrasToAnthropicMessage(
      completion(
        { tool_calls: [{ id: "b2", function: { name: "Bash", arguments: "run ls please" } }] },
        "tool_calls",
      ),
      opts,
    );
    expect(m.content[0]).toMatchObject({
      type: "tool_use",
      input: { error: expect.stringContaining("not valid JSON"), raw_arguments: "run ls please" },
    });
  });

  it("accepts the body as text", () => {
    const m = cerebrasToAnthropicMessage(JSON.stringify(completion({ content: "hi" })), opts);
    expect(m.content).toEqual([{ type: "text", text: "hi" }]);
  });

  describe("error bodies inside a 200 throw AnthropicHttpError", () => {
    it("wrapped {error:{…},status_code:429} queue_exceeded → 529 overloaded_error", () => {
      const body = { error: fixture("error_429_queue_exceeded.json"), status_code: 429 };
      const err = thrown(() => cerebrasToAnthropicMessage(body, opts));
      expect(err.status).toBe(529);
      expect(err.errorType).toBe("overloaded_error");
    });

    it("flat request-quota body → 429 rate_limit_error", () => {
      const err = thrown(() => cerebrasToAnthropicMessage(fixture("error_429_request_quota.json"), opts));
      expect(err.status).toBe(429);
      expect(err.errorType).toBe("rate_limit_error");
      expect(err.message).toBe("Requests per minute limit exceeded - too many requests sent.");
    });

    it("flat context-length body → 400 'prompt is too long' (Claude Code compacts on it)", () => {
      const err = thrown(() => cerebrasToAnthropicMessage(fixture("error_400_context_length.json"), opts));
      expect(err.status).toBe(400);
      expect(err.message).toBe("prompt is too long: 69553 tokens > 65536 maximum");
    });

    it("no choices → 502 api_error", () => {
      const err = thrown(() => cerebrasToAnthropicMessage({ id: "x", choices: [] }, opts));
      expect(err.errorType).toBe("api_error");
      expect(thrown(() => cerebrasToAnthropicMessage({ id: "x" }, opts)).errorType).toBe("api_error");
    });

    it("not JSON / not an object → api_error", () => {
      expect(thrown(() => cerebrasToAnthropicMessage("<html>bad gateway</html>", opts)).errorType).toBe(
        "api_error",
      );
      expect(thrown(() => cerebrasToAnthropicMessage(null, opts)).errorType).toBe("api_error");
      expect(thrown(() => cerebrasToAnthropicMessage([1], opts)).errorType).toBe("api_error");
    });
  });
});
