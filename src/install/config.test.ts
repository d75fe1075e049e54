import JSON5 from "json5";
import { describe, expect, it } from "vitest";
import type { JsonObject } from "../json-object";
import { chatCompletionsUrl, mergeCerebrasConfig, removeCerebrasConfig, serializeConfig } from "./config";
import { unifiedDiff } from "./diff";

const PLUGIN = "/home/u/.claude-code-router/plugins/cerebras-transformer.cjs";
const TODAY = new Date("2026-11-22T00:00:00Z");

// A config as users write it (docs/ccr-contract.md#2-the-config-file): JSON5, other providers, a tuple transformer
// entry on someone else's provider, settings we must not touch.
const USER_CONFIG_JSON5 = `{
  // my router
  PORT: 3456,
  LOG_LEVEL: "info",
  API_TIMEOUT_MS: 600000,
  StatusLine: { enabled: true },
  transformers: [{ path: "/opt/other/plugin.js", options: { a: 1 } }],
  Providers: [
    {
      name: "openrouter",
      api_base_url: "https://openrouter.ai/api/v1/chat/completions",
      api_key: "$OPENROUTER_API_KEY",
      models: ["anthropic/claude-sonnet-4"],
      transformer: { use: [["maxtoken", { max_tokens: 16384 }], "openrouter"] },
    },
  ],
  Router: { default: "openrouter,anthropic/claude-sonnet-4", longContextThreshold: 60000 },
}`;

function userConfig(): JsonObject {
  return JSON5.parse(USER_CONFIG_JSON5);
}

function cerebras(config: JsonObject): JsonObject {
  return (config.Providers as JsonObject[]).find((p) => p.name === "cerebras")!;
}

describe("mergeCerebrasConfig", () => {
  it("builds the provider ccr expects: full chat URL, $VAR key, string transformer entry, absolute plugin path", () => {
    const { config, model } = mergeCerebrasConfig({}, { pluginPath: PLUGIN, today: TODAY });
    expect(model).toBe("gpt-oss-120b"); // no listing: the table's best live model
    expect(config.transformers).toEqual([
      { path: PLUGIN, options: { defaultModel: "gpt-oss-120b" }, setByInstaller: ["LOG_LEVEL"] },
    ]);
    const p = cerebras(config);
    expect(p.api_base_url).toBe("https://api.cerebras.ai/v1/chat/completions");
    expect(p.api_key).toBe("$CEREBRAS_API_KEY");
    expect(p.transformer).toEqual({ use: ["ccr-cerebras"] });
    expect(config.Router).toEqual({
      default: "cerebras,gpt-oss-120b",
      background: "cerebras,gpt-oss-120b",
      think: "cerebras,gpt-oss-120b",
    });
    expect(config.Router).not.toHaveProperty("longContext");
  });

  it("defaults to zai-glm-4.7 only where the listing serves it, else gpt-oss-120b, else the first served", () => {
    const pick = (liveModels: string[]) =>
      mergeCerebrasConfig({}, { pluginPath: PLUGIN, liveModels, today: TODAY }).model;
    expect(pick(["gpt-oss-120b", "zai-glm-4.7"])).toBe("zai-glm-4.7");
    expect(pick(["qwen-3.8-27b", "gpt-oss-120b"])).toBe("gpt-oss-120b");
    expect(pick(["qwen-3.8-27b", "other-model"])).toBe("qwen-3.8-27b");
  });

  it("lists the chosen model first, then the table's live models, and always the background model", () => {
    const { config } = mergeCerebrasConfig({}, { pluginPath: PLUGIN, model: "qwen-3.8-27b", today: TODAY });
    // gemma-4-31b left shared inference; zai-glm-4.7 stays offered for endpoints that still serve it.
    expect(cerebras(config).models).toEqual(["qwen-3.8-27b", "gpt-oss-120b", "zai-glm-4.7"]);
    const live = mergeCerebrasConfig(
      {},
      { pluginPath: PLUGIN, model: "gpt-oss-120b", liveModels: ["gpt-oss-120b"] },
    );
    expect(cerebras(live.config).models).toEqual(["gpt-oss-120b", "zai-glm-4.7"]);
  });

  it("keeps every other provider, transformer, Router key and setting exactly", () => {
    const before = userConfig();
    const { config, notes } = mergeCerebrasConfig(before, { pluginPath: PLUGIN, today: TODAY });
    expect((config.Providers as unknown[])[0]).toEqual(
      before.Providers && (before.Providers as unknown[])[0],
    );
    expect((config.transformers as unknown[])[0]).toEqual({
      path: "/opt/other/plugin.js",
      options: { a: 1 },
    });
    for (const key of ["PORT", "LOG_LEVEL", "API_TIMEOUT_MS", "StatusLine"])
      expect(config[key]).toEqual(before[key]);
    const router = config.Router as JsonObject;
    expect(router.default).toBe("openrouter,anthropic/claude-sonnet-4");
    expect(router.longContextThreshold).toBe(60000);
    expect(router.background).toBe("cerebras,gpt-oss-120b");
    expect(notes.join("\n")).toMatch(/kept Router\.default/);
    // Router.think is not pointed at Cerebras: Claude Code 2.1.x would send every turn there (RT3).
    expect(router.think).toBeUndefined();
    expect(notes.join("\n")).toMatch(/left Router\.think unset/);
    expect(Object.keys(config)).toEqual(Object.keys(before)); // no reordering of the user's keys
    expect(before).toEqual(userConfig()); // the input object is not modified
  });

  it("is idempotent: merging its own output changes nothing", () => {
    const once = mergeCerebrasConfig(userConfig(), {
      pluginPath: PLUGIN,
      extraModels: ["llama-4"],
      today: TODAY,
    });
    const twice = mergeCerebrasConfig(once.config, { pluginPath: PLUGIN, today: TODAY });
    expect(serializeConfig(twice.config)).toBe(serializeConfig(once.config));
  });

  it("re-running without --model keeps the model chosen before, and --model updates default and think in place", () => {
    const first = mergeCerebrasConfig({}, { pluginPath: PLUGIN, model: "gpt-oss-120b", today: TODAY });
    const again = mergeCerebrasConfig(first.config, { pluginPath: PLUGIN, today: TODAY });
    expect(again.model).toBe("gpt-oss-120b");
    const switched = mergeCerebrasConfig(first.config, {
      pluginPath: PLUGIN,
      model: "qwen-3.8-27b",
      today: TODAY,
    });
    expect(switched.config.Router).toMatchObject({
      default: "cerebras,qwen-3.8-27b",
      think: "cerebras,qwen-3.8-27b",
    });
    expect((switched.config.Providers as unknown[]).length).toBe(1);
    expect((switched.config.transformers as JsonObject[])[0]!.options).toEqual({
      defaultModel: "qwen-3.8-27b",
    });
  });

  it("keeps the base URL already configured (e.g. a Cloudflare AI Gateway) unless --base-url is given", () => {
    const gw = "https://gateway.ai.cloudflare.com/v1/acct/gw/cerebras";
    const first = mergeCerebrasConfig({}, { pluginPath: PLUGIN, baseUrl: `${gw}/`, today: TODAY });
    expect(cerebras(first.config).api_base_url).toBe(`${gw}/chat/completions`);
    expect(mergeCerebrasConfig(first.config, { pluginPath: PLUGIN }).baseUrl).toBe(gw);
  });

  it("ccr drops a provider whose transformer.use holds a tuple for a plugin: ours is always a plain string", () => {
    const existing = {
      Providers: [
        {
          name: "cerebras",
          api_key: "$CEREBRAS_API_KEY",
          transformer: { use: [["ccr-cerebras", { x: 1 }], "cerebras"] },
        },
      ],
    };
    const { config, notes } = mergeCerebrasConfig(existing, { pluginPath: PLUGIN, today: TODAY });
    expect(cerebras(config).transformer).toEqual({ use: ["ccr-cerebras"] });
    expect(notes.join("\n")).toMatch(/transformer/);
  });

  it("never keeps a literal Cerebras key in the provider, but keeps the user's own $VAR reference", () => {
    const literal = { Providers: [{ name: "cerebras", api_key: "csk-literal-123" }] };
    const merged = mergeCerebrasConfig(literal, { pluginPath: PLUGIN, today: TODAY });
    expect(cerebras(merged.config).api_key).toBe("$CEREBRAS_API_KEY");
    expect(serializeConfig(merged.config)).not.toContain("csk-literal-123");
    const braced = "$" + "{MY_CEREBRAS}"; // ccr's braced form, not a template placeholder
    const ref = { Providers: [{ name: "cerebras", api_key: braced }] };
    expect(cerebras(mergeCerebrasConfig(ref, { pluginPath: PLUGIN }).config).api_key).toBe(braced);
  });

  it("replaces a ~ plugin path (ccr cannot load it) and drops duplicate entries of the plugin", () => {
    const existing = {
      transformers: [
        { path: "~/.claude-code-router/plugins/cerebras-transformer.cjs", options: { logLevel: "warn" } },
        { path: "/old/place/cerebras-transformer.cjs" },
      ],
    };
    const { config } = mergeCerebrasConfig(existing, { pluginPath: PLUGIN, model: "gpt-oss-120b" });
    expect(config.transformers).toEqual([
      {
        path: PLUGIN,
        options: { logLevel: "warn", defaultModel: "gpt-oss-120b" },
        setByInstaller: ["LOG_LEVEL"],
      },
    ]);
  });

  it("references the plugin by the name set in its options (options.name), and uninstalls it by that name", () => {
    const existing = { transformers: [{ path: PLUGIN, options: { name: "cerebras-claude" } }] };
    const { config } = mergeCerebrasConfig(existing, { pluginPath: PLUGIN, today: TODAY });
    expect(cerebras(config).transformer).toEqual({ use: ["cerebras-claude"] });
    const removed = removeCerebrasConfig(config).config;
    expect(removed).not.toHaveProperty("transformers");
    expect(removed.Providers).toEqual([]);
  });

  it("uses the `providers` key when the file uses it (ccr reads Providers || providers)", () => {
    const { config } = mergeCerebrasConfig({ providers: [] }, { pluginPath: PLUGIN });
    expect(config).not.toHaveProperty("Providers");
    expect((config.providers as JsonObject[])[0]!.name).toBe("cerebras");
  });

  it("drops retired models from the provider list but keeps user-added unknown ones", () => {
    const existing = {
      Providers: [{ name: "cerebras", models: ["llama-3.3-70b", "my-finetune", "zai-glm-4.6"] }],
    };
    const { config, notes } = mergeCerebrasConfig(existing, {
      pluginPath: PLUGIN,
      model: "gpt-oss-120b",
      today: TODAY,
    });
    const models = cerebras(config).models as string[];
    expect(models).toContain("my-finetune");
    expect(models).not.toContain("llama-3.3-70b");
    expect(models).not.toContain("zai-glm-4.6");
    expect(notes.filter((n) => n.includes("retired"))).toHaveLength(2);
  });

  it("--model gpt-oss-120b keeps zai-glm-4.7 listed and never claims to have removed it", () => {
    const existing = { Providers: [{ name: "cerebras", models: ["zai-glm-4.7", "qwen-3.8-27b"] }] };
    const { config, notes } = mergeCerebrasConfig(existing, {
      pluginPath: PLUGIN,
      model: "gpt-oss-120b",
      today: TODAY,
    });
    expect(cerebras(config).models as string[]).toContain("zai-glm-4.7");
    expect(notes.join("\n")).not.toMatch(/removed zai-glm-4\.7/);
  });

  it("repoints Router.background when it names a cerebras model that is no longer listed", () => {
    const existing = { Router: { background: "cerebras,llama3.1-8b" } };
    const { config } = mergeCerebrasConfig(existing, { pluginPath: PLUGIN, today: TODAY });
    expect((config.Router as JsonObject).background).toBe("cerebras,gpt-oss-120b");
  });

  it("writes PORT and APIKEY only when asked", () => {
    expect(mergeCerebrasConfig({}, { pluginPath: PLUGIN }).config).not.toHaveProperty("PORT");
    const { config } = mergeCerebrasConfig(
      {},
      { pluginPath: PLUGIN, port: 13456, routerKey: "router-secret" },
    );
    expect(config).toMatchObject({ PORT: 13456, APIKEY: "router-secret" });
  });

  it("sets ccr's LOG_LEVEL to info when it is unset (saying so), keeps an existing one (noting debug)", () => {
    const fresh = mergeCerebrasConfig({}, { pluginPath: PLUGIN });
    expect(fresh.config.LOG_LEVEL).toBe("info");
    expect(fresh.notes.join("\n")).toMatch(/set LOG_LEVEL to "info"/);
    const debug = mergeCerebrasConfig({ LOG_LEVEL: "debug" }, { pluginPath: PLUGIN });
    expect(debug.config.LOG_LEVEL).toBe("debug");
    expect(debug.notes.join("\n")).toMatch(/kept your LOG_LEVEL "debug"/);
    const warn = mergeCerebrasConfig({ LOG_LEVEL: "warn" }, { pluginPath: PLUGIN });
    expect(warn.config.LOG_LEVEL).toBe("warn");
    expect(warn.notes.join("\n")).not.toMatch(/LOG_LEVEL/);
  });
});

describe("removeCerebrasConfig", () => {
  it("undoes an install exactly: a plain JSON config comes back byte for byte", () => {
    const original = `${JSON.stringify({ PORT: 3456, Providers: [{ name: "x", models: ["m"] }], Router: { default: "x,m" } }, null, 2)}\n`;
    const installed = mergeCerebrasConfig(JSON.parse(original), { pluginPath: PLUGIN, today: TODAY }).config;
    expect(serializeConfig(removeCerebrasConfig(installed).config)).toBe(original);
  });

  it("an install into an empty config leaves nothing behind: not even {Providers:[],Router:{}} or our LOG_LEVEL", () => {
    const installed = mergeCerebrasConfig({}, { pluginPath: PLUGIN, today: TODAY }).config;
    const result = removeCerebrasConfig(installed);
    expect(result.config).toEqual({ Providers: [], Router: {} });
    expect(result.nothingLeft).toBe(true);
    expect(removeCerebrasConfig({ ...installed, PORT: 3456 }).nothingLeft).toBe(false);
  });

  it("keeps a LOG_LEVEL the user had, even when it is info", () => {
    const installed = mergeCerebrasConfig({ LOG_LEVEL: "info" }, { pluginPath: PLUGIN, today: TODAY }).config;
    expect(removeCerebrasConfig(installed).config).toEqual({ LOG_LEVEL: "info", Providers: [], Router: {} });
  });

  it("leaves the other providers and transformers exactly as they were", () => {
    const before = userConfig();
    const installed = mergeCerebrasConfig(before, { pluginPath: PLUGIN, today: TODAY }).config;
    const { config, removed } = removeCerebrasConfig(installed);
    expect(JSON.stringify(config.Providers)).toBe(JSON.stringify(before.Providers));
    expect(JSON.stringify(config.transformers)).toBe(JSON.stringify(before.transformers));
    expect(config.Router).toEqual(before.Router);
    expect(removed.join("\n")).toMatch(/Providers\[\]: cerebras/);
  });

  it("keeps a provider named cerebras that does not use our transformer (not ours)", () => {
    const existing = {
      Providers: [{ name: "cerebras", transformer: { use: ["cerebras"] } }],
      Router: { default: "cerebras,x" },
    };
    const { config } = removeCerebrasConfig(existing);
    expect(config).toEqual(existing);
  });
});

describe("chatCompletionsUrl", () => {
  it("appends /chat/completions once", () => {
    expect(chatCompletionsUrl("https://api.cerebras.ai/v1")).toBe(
      "https://api.cerebras.ai/v1/chat/completions",
    );
    expect(chatCompletionsUrl("https://api.cerebras.ai/v1/chat/completions")).toBe(
      "https://api.cerebras.ai/v1/chat/completions",
    );
  });
});

/** Unified diff between two configs as the installer would write them. */
function diffConfigs(a: JsonObject, b: JsonObject): string {
  return unifiedDiff(serializeConfig(a), serializeConfig(b));
}

describe("diffConfigs", () => {
  it("is empty for equal configs and shows added lines otherwise", () => {
    expect(diffConfigs({ a: 1 }, { a: 1 })).toBe("");
    const diff = diffConfigs({ a: 1 }, { a: 1, b: 2 });
    expect(diff).toContain('+  "b": 2');
    expect(diff).toContain('-  "a": 1');
  });

  it("think follows a cerebras default, keeps the user's own think, and updates a stale cerebras think", () => {
    const fresh = mergeCerebrasConfig({}, { pluginPath: PLUGIN, model: "gpt-oss-120b", today: TODAY });
    expect((fresh.config.Router as JsonObject).think).toBe("cerebras,gpt-oss-120b");
    const stale = mergeCerebrasConfig(
      { Router: { default: "cerebras,zai-glm-4.7", think: "cerebras,zai-glm-4.7" } },
      { pluginPath: PLUGIN, model: "qwen-3.8-27b", today: TODAY },
    );
    expect((stale.config.Router as JsonObject).think).toBe("cerebras,qwen-3.8-27b");
    const mine = mergeCerebrasConfig(
      { Router: { think: "openrouter,deep-thinker" } },
      { pluginPath: PLUGIN, today: TODAY },
    );
    expect((mine.config.Router as JsonObject).think).toBe("openrouter,deep-thinker");
    expect(mine.notes.join("\n")).toMatch(/kept Router\.think/);
  });
});
