import { describe, expect, it } from "vitest";
import {
  DEFAULT_MODEL_ID,
  getModelInfo,
  isKnownModelId,
  listKnownModels,
  liveModelIdsFromTable,
  resolveCerebrasModelId,
} from "./models";

describe("model table", () => {
  it("knows zai-glm-4.7 as retired on 2026-08-17 with 131072 context and 40000 output", () => {
    expect(getModelInfo("zai-glm-4.7")).toMatchObject({
      contextWindow: 131072,
      maxOutput: 40000,
      retired: "2026-08-17",
      vision: false,
    });
    expect(DEFAULT_MODEL_ID).toBe("zai-glm-4.7");
  });

  it("describes how each live model reasons", () => {
    expect(getModelInfo("gpt-oss-120b").reasoning).toMatchObject({ off: "low", replay: "drop" });
    expect(getModelInfo("qwen-3.8-27b")).toMatchObject({
      vision: true,
      reasoning: { off: "none", replay: "think" },
    });
    expect(getModelInfo("gemma-4-31b")).toMatchObject({ vision: true, reasoning: null });
    expect(getModelInfo("zai-glm-4.7").reasoning).toMatchObject({
      off: "none",
      clearThinking: true,
      levels: [],
    });
  });

  it("lists live ids by date", () => {
    expect(liveModelIdsFromTable(new Date("2026-11-22"))).toEqual([
      "gpt-oss-120b",
      "qwen-3.8-27b",
      "gemma-4-31b",
    ]);
    expect(liveModelIdsFromTable(new Date("2026-08-16"))).toContain("zai-glm-4.7");
    expect(listKnownModels().length).toBeGreaterThanOrEqual(8);
  });

  it("gives unknown ids safe defaults, and lets options override any field", () => {
    expect(getModelInfo("brand-new-model")).toMatchObject({
      contextWindow: 65536,
      reasoning: null,
      vision: false,
      unknown: true,
    });
    const o = {
      "gpt-oss-120b": { contextWindow: 65536 },
      "my-model": { maxOutput: 1000, reasoning: { replay: "think" as const } },
    };
    expect(getModelInfo("gpt-oss-120b", o)).toMatchObject({ contextWindow: 65536, maxOutput: 40000 });
    expect(getModelInfo("my-model", o)).toMatchObject({
      maxOutput: 1000,
      reasoning: { replay: "think", levels: [] },
    });
    expect(getModelInfo("my-model", o).unknown).toBeUndefined();
    expect(getModelInfo("zai-glm-4.7", { "zai-glm-4.7": { reasoning: null } }).reasoning).toBeNull();
    expect(isKnownModelId("my-model", o)).toBe(true);
  });

  it("maps claude-* and unknown names to the default; known ids and provider models pass through", () => {
    const opts = { defaultModel: "gpt-oss-120b" };
    expect(resolveCerebrasModelId("claude-opus-5-5", opts)).toBe("gpt-oss-120b");
    expect(resolveCerebrasModelId("something-else", opts)).toBe("gpt-oss-120b");
    expect(resolveCerebrasModelId("qwen-3.8-27b", opts)).toBe("qwen-3.8-27b");
    expect(resolveCerebrasModelId("cerebras,zai-glm-4.7", opts)).toBe("zai-glm-4.7");
    expect(
      resolveCerebrasModelId("new-cerebras-model", { ...opts, extraKnown: ["new-cerebras-model"] }),
    ).toBe("new-cerebras-model");
    expect(resolveCerebrasModelId("claude-haiku-4-5", {})).toBe(DEFAULT_MODEL_ID);
    expect(resolveCerebrasModelId("new-cerebras-model", {})).toBe("new-cerebras-model");
  });
});
