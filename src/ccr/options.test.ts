import { describe, expect, it } from "vitest";
import { type ParsedPluginOptions, PLUGIN_NAME, parsePluginOptions } from "./options";

function valid(raw: unknown) {
  const p = parsePluginOptions(raw);
  if (!p.ok) throw new Error(`expected valid options, got: ${p.message}`);
  return p.options;
}

function invalid(raw: unknown): Extract<ParsedPluginOptions, { ok: false }> {
  const p = parsePluginOptions(raw);
  if (p.ok) throw new Error(`expected ${JSON.stringify(raw)} to be refused`);
  return p;
}

describe("plugin options", () => {
  it("defaults: name ccr-cerebras, 16384 cap, relay on, no request log", () => {
    const expected = {
      name: PLUGIN_NAME,
      models: {},
      maxCompletionTokens: 16384,
      logLevel: "info",
      discoverModels: true,
      relay: true,
      requestLog: false,
      coalesceDeltas: true,
    };
    expect(valid(undefined)).toEqual(expected);
    expect(valid(null)).toEqual(expected);
    expect(valid({})).toEqual(expected);
    expect(PLUGIN_NAME).toBe("ccr-cerebras");
  });

  it("reads every option", () => {
    const all = {
      name: "cerebras-work",
      defaultModel: "gpt-oss-120b",
      models: {
        "gpt-oss-120b": { contextWindow: 65536, maxOutput: 8192, vision: false },
        "my-model": {
          reasoning: { levels: ["low", "high"], off: "none", replay: "think" },
          retired: "2026-12-01",
        },
        "plain-model": { reasoning: null, supportedParameters: ["temperature"] },
        "gpt-oss-x": { reasoning: { replay: "plain" } },
      },
      maxCompletionTokens: 8192,
      logLevel: "debug",
      discoverModels: false,
      relay: false,
      coalesceDeltas: false,
      requestLog: { maxAgeDays: 2, maxBytes: 1000 },
    };
    expect(valid(all)).toEqual(all);
    expect(valid({ requestLog: true }).requestLog).toEqual({});
    expect(valid({ maxOutputTokens: 4096 }).maxCompletionTokens).toBe(4096);
    expect(valid({ maxOutputTokens: 4096, maxCompletionTokens: 2048 }).maxCompletionTokens).toBe(2048);
  });

  // Each case names the option, shows the value as written, and says what is expected.
  const cases: Array<[raw: unknown, option: string, value: string, expected: RegExp]> = [
    [{ maxCompletionTokens: "16k" }, "maxCompletionTokens", '"16k"', /positive whole number/],
    [{ maxCompletionTokens: -5 }, "maxCompletionTokens", "-5", /positive whole number/],
    [{ maxCompletionTokens: 1.5 }, "maxCompletionTokens", "1.5", /positive whole number/],
    [{ maxCompletionTokens: 0 }, "maxCompletionTokens", "0", /positive whole number/],
    [{ maxOutputTokens: "lots" }, "maxOutputTokens", '"lots"', /positive whole number/],
    [{ requestLog: "yes" }, "requestLog", '"yes"', /true, false or \{ maxAgeDays, maxBytes \}/],
    [{ requestLog: { maxAgeDays: "week" } }, "requestLog.maxAgeDays", '"week"', /whole number of days/],
    [{ requestLog: { maxBytes: -1 } }, "requestLog.maxBytes", "-1", /whole number of bytes/],
    [{ logLevel: "verbose" }, "logLevel", '"verbose"', /one of "debug", "info"/],
    [{ defaultModel: 42 }, "defaultModel", "42", /Cerebras model id/],
    [{ defaultModel: "" }, "defaultModel", '""', /Cerebras model id/],
    [{ models: "all" }, "models", '"all"', /object keyed by model id/],
    [{ models: [] }, "models", "[]", /object keyed by model id/],
    [{ name: "cerebras" }, "name", '"cerebras"', /built-in/],
    [{ name: "Anthropic" }, "name", '"Anthropic"', /built-in/],
    [{ name: 7 }, "name", "7", /non-empty string/],
    [{ relay: "false" }, "relay", '"false"', /true or false/],
    [{ coalesceDeltas: "no" }, "coalesceDeltas", '"no"', /true or false/],
    [{ discoverModels: "off" }, "discoverModels", '"off"', /true or false/],
    [{ relay: 0 }, "relay", "0", /true or false/],
    [
      { models: { "gpt-oss-120b": { contextWindow: "64k" } } },
      "models.gpt-oss-120b.contextWindow",
      '"64k"',
      /whole number of tokens/,
    ],
    [
      { models: { "gpt-oss-120b": { maxOutput: "lots" } } },
      "models.gpt-oss-120b.maxOutput",
      '"lots"',
      /whole number of tokens/,
    ],
    [
      { models: { "gpt-oss-120b": { maxOutput: -1 } } },
      "models.gpt-oss-120b.maxOutput",
      "-1",
      /whole number of tokens/,
    ],
    [
      { models: { "gpt-oss-120b": { vision: "yes" } } },
      "models.gpt-oss-120b.vision",
      '"yes"',
      /true or false/,
    ],
    [{ models: { "gpt-oss-120b": 65536 } }, "models.gpt-oss-120b", "65536", /contextWindow, maxOutput/],
    [
      { models: { "qwen-3.8-27b": { reasoning: { off: "never" } } } },
      "models.qwen-3.8-27b.reasoning.off",
      '"never"',
      /none, low, medium, high/,
    ],
    [
      { models: { "qwen-3.8-27b": { reasoning: "on" } } },
      "models.qwen-3.8-27b.reasoning",
      '"on"',
      /null or an object/,
    ],
    [
      { models: { x: { supportedParameters: "temperature" } } },
      "models.x.supportedParameters",
      '"temperature"',
      /list of request parameter names/,
    ],
    [{ models: { x: { retired: "soon" } } }, "models.x.retired", '"soon"', /YYYY-MM-DD/],
    ["fast", "options", '"fast"', /an object/],
    [[1], "options", "[1]", /an object/],
  ];

  it.each(cases)("refuses %j, naming %s, its value %s and the expected form", (raw, option, value, form) => {
    const { message } = invalid(raw);
    expect(message).toContain(`${option} = ${value}: expected `);
    expect(message).toMatch(form);
    expect(message).toMatch(/transformers\[\]\.options/);
  });

  it("refuses a misspelt option and suggests the known one", () => {
    const { message } = invalid({ maxCompletionToken: 8192 });
    expect(message).toContain("unknown option maxCompletionToken = 8192 (did you mean maxCompletionTokens?)");
    expect(invalid({ options: "fast" }).message).toContain('unknown option options = "fast"');
    expect(invalid({ models: { "gpt-oss-120b": { context: 65536 } } }).message).toContain(
      "unknown option models.gpt-oss-120b.context = 65536; known fields: contextWindow",
    );
    expect(invalid({ requestLog: { maxAge: 3 } }).message).toMatch(/unknown option requestLog\.maxAge = 3/);
  });

  it("lists every problem at once", () => {
    const { message } = invalid({ relay: "no", logLevel: "loud", maxCompletionTokens: "16k" });
    expect(message).toContain('relay = "no"');
    expect(message).toContain('logLevel = "loud"');
    expect(message).toContain('maxCompletionTokens = "16k"');
  });

  it("an invalid config keeps the registered name, so transformer.use still finds the plugin", () => {
    expect(invalid({ name: "cerebras-work", relay: "no" }).name).toBe("cerebras-work");
    expect(invalid({ name: "cerebras" }).name).toBe("cerebras");
    expect(invalid({ relay: "no" }).name).toBe(PLUGIN_NAME);
    expect(invalid({ name: 7 }).name).toBe(PLUGIN_NAME);
  });
});
