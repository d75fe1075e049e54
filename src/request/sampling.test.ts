import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { expect400, expectValid, translate } from "../../test/request/helpers";

const user = [{ role: "user", content: "hi" }];

describe("max_completion_tokens", () => {
  it("is min(max_tokens, model max output, cap 16384, room in the context)", () => {
    expect(
      translate({ model: "gpt-oss-120b", max_tokens: 128000, messages: user }).body.max_completion_tokens,
    ).toBe(16384);
    expect(
      translate({ model: "gpt-oss-120b", max_tokens: 500, messages: user }).body.max_completion_tokens,
    ).toBe(500);
    const uncapped = { maxCompletionTokens: 1_000_000 };
    expect(
      translate({ model: "gpt-oss-120b", max_tokens: 128000, messages: user }, uncapped).body
        .max_completion_tokens,
    ).toBe(40960);
    expect(
      translate({ model: "gemma-4-31b", max_tokens: undefined, messages: user }, uncapped).body
        .max_completion_tokens,
    ).toBe(16384);
    const near = translate({
      model: "llama3.1-8b",
      max_tokens: 8000,
      messages: [{ role: "user", content: "x".repeat(20000) }],
    });
    expect(near.body.max_completion_tokens).toBe(8192 - near.estimatedInputTokens);
    expectValid(near);
  });

  it("never sends max_tokens", () => {
    expect(translate({ max_tokens: 32000, messages: user }).body).not.toHaveProperty("max_tokens");
  });

  it("rejects a max_tokens that is not a positive integer", () => {
    for (const bad of [0, -5, 1.5, "100", true])
      expect400(() => translate({ max_tokens: bad, messages: user }), "max_tokens");
  });
});

describe("temperature, top_p, top_k, stop_sequences, stream", () => {
  it("clamps temperature to [0, 1.5] and top_p to [0, 1], drops top_k", () => {
    const hot = translate({ temperature: 2, top_p: 1.2, top_k: 40, messages: user });
    expect(hot.body.temperature).toBe(1.5);
    expect(hot.body.top_p).toBe(1);
    expect(hot.body).not.toHaveProperty("top_k");
    expect(translate({ temperature: -1, top_p: -0.1, messages: user }).body).toMatchObject({
      temperature: 0,
      top_p: 0,
    });
    expect(translate({ temperature: 0.7, top_p: 0.95, messages: user }).body).toMatchObject({
      temperature: 0.7,
      top_p: 0.95,
    });
    expectValid(hot);
  });

  it("sends the first 4 stop sequences as stop, with a warning for the rest, and omits an empty list", () => {
    const t = translate({ stop_sequences: ["a", "b", "c", "d", "e", "f"], messages: user });
    expect(t.body.stop).toEqual(["a", "b", "c", "d"]);
    expect(t.warnings.join(" ")).toContain("dropped 2");
    expectValid(t);
    expect(translate({ stop_sequences: [], messages: user }).body).not.toHaveProperty("stop");
    expect400(() => translate({ stop_sequences: "END", messages: user }), "stop_sequences");
  });

  it("copies stream as a boolean", () => {
    expect(translate({ stream: true, messages: user }).body.stream).toBe(true);
    expect(translate({ stream: false, messages: user }).body.stream).toBe(false);
    expect(translate({ messages: user }).body).not.toHaveProperty("stream");
    expect400(() => translate({ stream: "yes", messages: user }), "stream");
  });
});

describe("metadata.user_id → user", () => {
  it("is a short stable hash, cc- plus the first 16 hex of sha256", () => {
    const id = '{"device_id":"0123","account_uuid":"","session_id":"00000000-0000-4000-8000-000000000001"}';
    const expected = `cc-${createHash("sha256").update(id).digest("hex").slice(0, 16)}`;
    expect(translate({ metadata: { user_id: id }, messages: user }).body.user).toBe(expected);
    expect(expected).toMatch(/^cc-[0-9a-f]{16}$/);
  });

  it("is left out without a string user_id", () => {
    expect(translate({ metadata: {}, messages: user }).body).not.toHaveProperty("user");
    expect(translate({ metadata: { user_id: 5 }, messages: user }).body).not.toHaveProperty("user");
  });
});

describe("reasoning", () => {
  const effort = (model: string, extra: Record<string, unknown>) =>
    translate({ model, messages: user, ...extra }).body.reasoning_effort;

  it("takes the level from thinking.budget_tokens (≤1024 low, ≤8192 medium, else high)", () => {
    expect(effort("gpt-oss-120b", { thinking: { type: "enabled", budget_tokens: 1024 } })).toBe("low");
    expect(effort("gpt-oss-120b", { thinking: { type: "enabled", budget_tokens: 1025 } })).toBe("medium");
    expect(effort("gpt-oss-120b", { thinking: { type: "enabled", budget_tokens: 8192 } })).toBe("medium");
    expect(effort("qwen-3.8-27b", { thinking: { type: "enabled", budget_tokens: 31999 } })).toBe("high");
  });

  it("budget_tokens wins over output_config.effort", () => {
    expect(
      effort("gpt-oss-120b", {
        thinking: { type: "enabled", budget_tokens: 500 },
        output_config: { effort: "high" },
      }),
    ).toBe("low");
  });

  it("else takes it from output_config.effort (xhigh and max become high), else sends nothing", () => {
    const adaptive = { type: "adaptive", display: "updates" };
    expect(effort("gpt-oss-120b", { thinking: adaptive, output_config: { effort: "medium" } })).toBe(
      "medium",
    );
    expect(effort("qwen-3.8-27b", { thinking: adaptive, output_config: { effort: "xhigh" } })).toBe("high");
    expect(effort("qwen-3.8-27b", { thinking: adaptive, output_config: { effort: "max" } })).toBe("high");
    expect(effort("gpt-oss-120b", { thinking: adaptive })).toBeUndefined();
  });

  it("sends no level to models without documented levels (GLM) when thinking is on", () => {
    expect(
      effort("zai-glm-4.7", { thinking: { type: "adaptive" }, output_config: { effort: "high" } }),
    ).toBeUndefined();
  });

  it("sends the model's off value when thinking is absent or disabled", () => {
    expect(effort("zai-glm-4.7", {})).toBe("none");
    expect(effort("qwen-3.8-27b", { thinking: { type: "disabled" } })).toBe("none");
    expect(effort("gpt-oss-120b", {})).toBe("low"); // gpt-oss rejects "none"
  });

  it("never sends reasoning fields to models without reasoning", () => {
    const t = translate({
      model: "gemma-4-31b",
      messages: user,
      thinking: { type: "enabled", budget_tokens: 5000 },
      context_management: { edits: [{ type: "clear_thinking_20251015", keep: "all" }] },
    });
    expect(t.body).not.toHaveProperty("reasoning_effort");
    expect(t.body).not.toHaveProperty("clear_thinking");
    expectValid(t);
  });

  it("maps context_management clear_thinking keep:all to clear_thinking:false only for GLM", () => {
    const cm = { edits: [{ type: "clear_thinking_20251015", keep: "all" }] };
    expect(
      translate({ model: "zai-glm-4.7", messages: user, context_management: cm }).body.clear_thinking,
    ).toBe(false);
    expect(
      translate({ model: "qwen-3.8-27b", messages: user, context_management: cm }).body,
    ).not.toHaveProperty("clear_thinking");
    const other = {
      edits: [{ type: "clear_thinking_20251015", keep: { type: "thinking_turns", value: 1 } }],
    };
    expect(
      translate({ model: "zai-glm-4.7", messages: user, context_management: other }).body,
    ).not.toHaveProperty("clear_thinking");
  });

  it("picks the nearest offered level for a model whose levels were overridden", () => {
    const t = translate(
      { model: "gpt-oss-120b", messages: user, thinking: { type: "enabled", budget_tokens: 4000 } },
      { modelOverrides: { "gpt-oss-120b": { reasoning: { levels: ["low", "high"] } } } },
    );
    expect(t.body.reasoning_effort).toBe("high");
    expectValid(t);
  });
});
