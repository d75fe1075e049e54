import { describe, expect, it } from "vitest";
import {
  chooseDefaultModel,
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
  });

  it("has today's facts: gpt-oss-120b 131072/40960, gemma gone, the 2025 deprecation dates", () => {
    expect(getModelInfo("gpt-oss-120b")).toMatchObject({ contextWindow: 131072, maxOutput: 40960 });
    expect(getModelInfo("gpt-oss-120b").reasoning?.levels).toEqual(["low", "medium", "high"]);
    expect(getModelInfo("qwen-3.8-27b")).toMatchObject({ contextWindow: 65536 });
    expect(getModelInfo("qwen-3.8-27b").reasoning).toMatchObject({
      levels: ["low", "medium", "high"],
      off: "none",
    });
    expect(getModelInfo("gemma-4-31b").retired).toBe("2026-09-03");
    expect(getModelInfo("qwen-3-235b-a22b-thinking-2507").retired).toBe("2025-11-14");
    expect(getModelInfo("qwen-3-coder-480b").retired).toBe("2025-11-05");
  });

  it("describes how each live model reasons", () => {
    expect(getModelInfo("gpt-oss-120b").reasoning).toMatchObject({ off: "low", replay: "plain" });
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
    expect(liveModelIdsFromTable(new Date("2026-11-22"))).toEqual(["gpt-oss-120b", "qwen-3.8-27b"]);
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
    expect(getModelInfo("gpt-oss-120b", o)).toMatchObject({ contextWindow: 65536, maxOutput: 40960 });
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
    expect(resolveCerebrasModelId("new-cerebras-model", {})).toBe("new-cerebras-model");
  });

  it("maps claude-* without a defaultModel by the served-default rule", () => {
    const today = new Date("2026-11-22");
    expect(resolveCerebrasModelId("claude-haiku-4-5", { today })).toBe("gpt-oss-120b");
    expect(resolveCerebrasModelId("claude-haiku-4-5", { served: ["qwen-3.8-27b", "zai-glm-4.7"] })).toBe(
      "zai-glm-4.7",
    );
    expect(resolveCerebrasModelId("claude-haiku-4-5", { served: ["qwen-3.8-27b"] })).toBe("qwen-3.8-27b");
    // A model the listing names passes through even when the table does not know it.
    expect(resolveCerebrasModelId("llama-9-new", { served: ["llama-9-new"], defaultModel: "x" })).toBe(
      "llama-9-new",
    );
  });
});

describe("chooseDefaultModel", () => {
  it("prefers zai-glm-4.7 when served, then gpt-oss-120b, then the first served model", () => {
    expect(chooseDefaultModel(["gpt-oss-120b", "zai-glm-4.7"])).toBe("zai-glm-4.7");
    expect(chooseDefaultModel(["qwen-3.8-27b", "gpt-oss-120b"])).toBe("gpt-oss-120b");
    expect(chooseDefaultModel(["qwen-3.8-27b"])).toBe("qwen-3.8-27b");
  });

  it("without a listing takes the table's best model still live that day", () => {
    expect(chooseDefaultModel(null, new Date("2026-11-22"))).toBe("gpt-oss-120b");
    expect(chooseDefaultModel(null, new Date("2026-08-01"))).toBe("zai-glm-4.7");
  });
});

describe("getModelInfo with the account's listing", () => {
  it("takes limits, vision and parameters from the listing, keeps the table's reasoning levels and replay", () => {
    const m = getModelInfo("qwen-3.8-27b", undefined, {
      id: "qwen-3.8-27b",
      contextWindow: 131072,
      maxOutput: 16000,
      vision: false,
      supportedParameters: ["temperature", "max_completion_tokens"],
    });
    expect(m).toMatchObject({
      contextWindow: 131072,
      maxOutput: 16000,
      vision: false,
      source: "listing",
      supportedParameters: ["temperature", "max_completion_tokens"],
      reasoning: { levels: ["low", "medium", "high"], replay: "think" },
    });
    expect(getModelInfo("qwen-3.8-27b").source).toBe("table");
  });

  it("drops reasoning the listing denies, and lets the user's override win over the listing", () => {
    const listed = { id: "gpt-oss-120b", reasoning: false, contextWindow: 65536 };
    expect(getModelInfo("gpt-oss-120b", undefined, listed).reasoning).toBeNull();
    const o = { "gpt-oss-120b": { contextWindow: 100000 } };
    expect(getModelInfo("gpt-oss-120b", o, listed).contextWindow).toBe(100000);
  });

  it("learns an id the table does not know; unknown until the listing gives both limits", () => {
    const m = getModelInfo("llama-9-new", undefined, {
      id: "llama-9-new",
      contextWindow: 32768,
      maxOutput: 4096,
      reasoning: true,
    });
    expect(m).toMatchObject({
      contextWindow: 32768,
      maxOutput: 4096,
      reasoning: { levels: [], replay: "drop" },
    });
    expect(m.unknown).toBeUndefined();
  });
});
