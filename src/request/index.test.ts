import { describe, expect, it } from "vitest";
import { expect400, expectValid, modelInfoOf, toolNamesOf, translate } from "../../test/request/helpers";
import { getModelInfo } from "../models";
import { CEREBRAS_REQUEST_KEYS } from "../wire/cerebras";
import { estimateCerebrasPromptTokens } from "./estimate";
import { anthropicToCerebrasRequest } from "./index";
import { cerebrasMaxCompletionTokens, DEFAULT_MAX_COMPLETION_TOKENS } from "./sampling";

const user = [{ role: "user", content: "hi" }];

describe("anthropicToCerebrasRequest", () => {
  it("builds the body from the allow-list only: Anthropic-only and unknown fields never reach Cerebras", () => {
    const t = translate({
      model: "zai-glm-4.7",
      messages: user,
      system: [{ type: "text", text: "S", cache_control: { type: "ephemeral", ttl: "1h" } }],
      stream: true,
      top_k: 5,
      thinking: { type: "adaptive", display: "omitted" },
      output_config: { effort: "medium" },
      context_management: { edits: [{ type: "clear_thinking_20251015", keep: "all" }] },
      metadata: { user_id: "user_abc" },
      safeguards: [{ type: "dangerous_tool_use", classifier_context: { live_cwd: "/home/me" } }],
      container: "container_1",
      mcp_servers: [{ type: "url", url: "https://mcp.test", name: "m" }],
      service_tier: "auto",
      betas: ["context-1m"],
      stream_options: { include_usage: true },
      some_future_field: { x: 1 },
    });
    for (const key of Object.keys(t.body)) expect(CEREBRAS_REQUEST_KEYS).toContain(key);
    const json = JSON.stringify(t.body);
    for (const key of [
      "top_k",
      "thinking",
      "output_config",
      "context_management",
      "metadata",
      "safeguards",
      "container",
      "mcp_servers",
      "service_tier",
      "betas",
      "stream_options",
      "some_future_field",
      "cache_control",
    ]) {
      expect(json).not.toContain(`"${key}"`);
    }
    expect(json).not.toContain("/home/me");
    expect(t.warnings.some((w) => w.includes("mcp_servers"))).toBe(true);
    expect(t.warnings.some((w) => w.includes("container"))).toBe(true);
    expectValid(t);
  });

  it("writes the body keys in one fixed order whatever the input order (byte-identical JSON)", () => {
    const a = {
      model: "gpt-oss-120b",
      max_tokens: 100,
      stream: true,
      temperature: 0.5,
      stop_sequences: ["x"],
      messages: user,
      tools: [
        {
          name: "t",
          input_schema: { type: "object", properties: { b: { type: "string" }, a: { type: "integer" } } },
        },
      ],
      tool_choice: { type: "auto", disable_parallel_tool_use: true },
      metadata: { user_id: "u" },
    };
    const b = Object.fromEntries(Object.entries(a).reverse());
    const ja = JSON.stringify(anthropicToCerebrasRequest(a).body);
    expect(JSON.stringify(anthropicToCerebrasRequest(b).body)).toBe(ja);
    expect(JSON.stringify(anthropicToCerebrasRequest(a).body)).toBe(ja);
    const keys = Object.keys(anthropicToCerebrasRequest(a).body);
    expect(keys).toEqual(CEREBRAS_REQUEST_KEYS.filter((k) => keys.includes(k)));
    expect(keys[0]).toBe("model");
    expect(keys[1]).toBe("messages");
  });

  it("resolves the model: Cerebras ids pass, claude-* go to defaultModel, the client's name is echoed", () => {
    const t = translate({ model: "claude-opus-5-5", messages: user }, { defaultModel: "gpt-oss-120b" });
    expect(t.body.model).toBe("gpt-oss-120b");
    expect(modelInfoOf(t).id).toBe("gpt-oss-120b");
    expect(t.requestedModel).toBe("claude-opus-5-5");
    expect(translate({ model: "cerebras,qwen-3.8-27b", messages: user }).body.model).toBe("qwen-3.8-27b");
    expect(
      translate(
        { model: "my-model", messages: user },
        { extraKnownModels: ["my-model"], defaultModel: "gpt-oss-120b" },
      ).body.model,
    ).toBe("my-model");
  });

  it("rejects a non-object body and a missing model", () => {
    expect400(() => anthropicToCerebrasRequest("hello"), "body:");
    expect400(() => anthropicToCerebrasRequest(null), "body:");
    expect400(() => anthropicToCerebrasRequest([]), "body:");
    expect400(() => anthropicToCerebrasRequest({ messages: user }), "model:");
  });

  it("throws prompt is too long (the text Claude Code compacts on) when fewer than 1024 output tokens remain", () => {
    const huge = [{ role: "user", content: "word ".repeat(45000) }]; // ~70k tokens estimated
    const err = expect400(
      () => translate({ model: "qwen-3.8-27b", messages: huge }),
      /^prompt is too long: \d+ tokens > \d+ maximum$/,
    );
    const [, x, y] = /(\d+) tokens > (\d+)/.exec(err.message)!.map(Number);
    expect(x).toBeGreaterThan(y!);
    expect(y).toBe(65536 - 1024);
    // The same prompt fits a 131k model.
    expectValid(translate({ model: "gpt-oss-120b", messages: huge }));
  });

  it("still computes a positive max_completion_tokens for a prompt past the context window", () => {
    const huge = [{ role: "user" as const, content: "word ".repeat(60000) }];
    const estimate = estimateCerebrasPromptTokens(huge, []);
    const model = getModelInfo("qwen-3.8-27b");
    expect(cerebrasMaxCompletionTokens(undefined, model, DEFAULT_MAX_COMPLETION_TOKENS, estimate)).toBe(1);
    expect(estimate).toBeGreaterThan(65536);
  });

  it("reports the tool names and a positive estimate", () => {
    const t = translate({ messages: user, tools: [{ name: "A" }, { name: "B" }] });
    expect(toolNamesOf(t)).toEqual(["A", "B"]);
    expect(t.estimatedInputTokens).toBeGreaterThan(0);
  });
});
