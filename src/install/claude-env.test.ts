import { describe, expect, it } from "vitest";
import {
  cerebrasModelFromRef,
  claudeCodeEnv,
  claudeCodeLimits,
  formatExports,
  formatLines,
  pluginOptionsView,
  resolveWrapperModel,
} from "./claude-env";

// Figures from the model table (docs/models.md) and the plugin's 16384 output cap.
describe("claudeCodeLimits", () => {
  it("uses the model's context window and caps output like the plugin does", () => {
    expect(claudeCodeEnv(claudeCodeLimits("zai-glm-4.7"))).toEqual([
      ["ANTHROPIC_MODEL", "cerebras,zai-glm-4.7"],
      ["CLAUDE_CODE_MAX_CONTEXT_TOKENS", "131072"],
      ["CLAUDE_CODE_MAX_OUTPUT_TOKENS", "16384"],
    ]);
    expect(claudeCodeLimits("qwen-3.8-27b").contextWindow).toBe(65536);
  });

  it("applies the plugin options from the config: per-model overrides (free tier 65k) and maxCompletionTokens", () => {
    const config = {
      transformers: [
        {
          path: "/x/cerebras-transformer.cjs",
          options: { models: { "gpt-oss-120b": { contextWindow: 65536 } }, maxCompletionTokens: 32768 },
        },
      ],
    };
    const limits = claudeCodeLimits("gpt-oss-120b", pluginOptionsView(config));
    expect(limits.contextWindow).toBe(65536);
    expect(limits.maxCompletionTokens).toBe(32768);
    expect(claudeCodeLimits("gemma-4-31b", pluginOptionsView(config)).maxCompletionTokens).toBe(16384);
  });

  it("never sets a Claude Code output limit above the model's own", () => {
    const view = { maxCompletionTokens: 100000 };
    expect(claudeCodeLimits("gpt-oss-120b", view).maxCompletionTokens).toBe(40960);
  });

  it("sizes Claude Code by the account's listing when there is one (a free-tier 65536 window)", () => {
    const listed = [{ id: "gpt-oss-120b", contextWindow: 65536, maxOutput: 8192 }];
    const limits = claudeCodeLimits("gpt-oss-120b", {}, listed);
    expect([limits.contextWindow, limits.maxCompletionTokens]).toEqual([65536, 8192]);
    expect(claudeCodeLimits("gpt-oss-120b", {}).contextWindow).toBe(131072);
  });
});

describe("resolveWrapperModel", () => {
  const config = {
    transformers: [{ path: "/p/cerebras-transformer.cjs", options: { defaultModel: "gpt-oss-120b" } }],
    Router: { default: "cerebras,qwen-3.8-27b" },
  };

  it("prefers --model, then CCR_CEREBRAS_MODEL, then the plugin's defaultModel, then Router.default", () => {
    expect(resolveWrapperModel(config, "cerebras,gemma-4-31b", "x")).toBe("gemma-4-31b");
    expect(resolveWrapperModel(config, undefined, "zai-glm-4.7")).toBe("zai-glm-4.7");
    expect(resolveWrapperModel(config)).toBe("gpt-oss-120b");
    expect(resolveWrapperModel({ Router: config.Router })).toBe("qwen-3.8-27b");
    expect(resolveWrapperModel({}, undefined, undefined, [{ id: "zai-glm-4.7" }])).toBe("zai-glm-4.7");
    expect(resolveWrapperModel({}, undefined, undefined, [{ id: "qwen-3.8-27b" }])).toBe("qwen-3.8-27b");
  });

  it("leaves another provider's model alone", () => {
    expect(resolveWrapperModel(config, "openrouter,anthropic/claude-sonnet-4")).toBeUndefined();
    expect(cerebrasModelFromRef("Cerebras,gpt-oss-120b")).toBe("gpt-oss-120b");
  });
});

describe("formatExports / formatLines", () => {
  it("prints eval-able exports, quoting what the shell would split", () => {
    expect(
      formatExports([
        ["A", "cerebras,x"],
        ["B", "it's"],
      ]),
    ).toBe("export A=cerebras,x\nexport B='it'\\''s'\n");
    expect(formatLines([["A", "1"]])).toBe("A=1\n");
  });
});
