import { describe, expect, it } from "vitest";
import { PLUGIN_NAME, parsePluginOptions } from "./options";

describe("plugin options", () => {
  it("defaults: name ccr-cerebras, 16384 cap, relay on, no request log", () => {
    expect(parsePluginOptions(undefined)).toEqual({
      name: PLUGIN_NAME,
      defaultModel: undefined,
      models: {},
      maxCompletionTokens: 16384,
      logLevel: "info",
      discoverModels: true,
      relay: true,
      requestLog: false,
      coalesceDeltas: true,
      pingIntervalMs: 10_000,
    });
    expect(PLUGIN_NAME).toBe("ccr-cerebras");
  });

  it("reads every option", () => {
    const o = parsePluginOptions({
      name: "cerebras-work",
      defaultModel: "gpt-oss-120b",
      models: { "gpt-oss-120b": { contextWindow: 65536 } },
      maxCompletionTokens: 8192,
      logLevel: "debug",
      discoverModels: false,
      relay: false,
      requestLog: { maxAgeDays: 2 },
    });
    expect(o).toMatchObject({
      name: "cerebras-work",
      maxCompletionTokens: 8192,
      relay: false,
      requestLog: { maxAgeDays: 2 },
    });
    expect(parsePluginOptions({ requestLog: true }).requestLog).toEqual({});
    expect(parsePluginOptions({ coalesceDeltas: false }).coalesceDeltas).toBe(false);
    expect(parsePluginOptions({ maxOutputTokens: 4096 }).maxCompletionTokens).toBe(4096);
    expect(parsePluginOptions({ pingIntervalMs: 500 }).pingIntervalMs).toBe(500);
    expect(() => parsePluginOptions({ pingIntervalMs: 0 })).toThrow(/pingIntervalMs/);
    expect(parsePluginOptions({ somethingElse: 1 }).name).toBe(PLUGIN_NAME); // unknown keys are ignored
  });

  it("refuses a name that would replace a ccr built-in, and wrong types, at construction", () => {
    expect(() => parsePluginOptions({ name: "cerebras" })).toThrow(/built-in/);
    expect(() => parsePluginOptions({ name: "Anthropic" })).toThrow(/built-in/);
    expect(() => parsePluginOptions({ maxCompletionTokens: "big" })).toThrow(/maxCompletionTokens/);
    expect(() => parsePluginOptions({ logLevel: "loud" })).toThrow(/logLevel/);
    expect(() => parsePluginOptions({ models: [] })).toThrow(/models/);
    expect(() => parsePluginOptions({ defaultModel: "" })).toThrow(/defaultModel/);
    expect(() => parsePluginOptions({ requestLog: "yes" })).toThrow(/requestLog/);
  });
});
