import { inject } from "vitest";

/** The path of the plugin built from the current sources by test/setup/build-plugin.ts. */
export function builtPluginPath(): string {
  const path = inject("pluginPath");
  if (!path) throw new Error(`the plugin did not build: ${inject("pluginBuildError") || "unknown error"}`);
  return path;
}

interface PluginConfigInput {
  /** The Cerebras stand-in's base URL (…/v1): the emulator's or a replay upstream's `url`. */
  upstreamUrl: string;
  models?: string[];
  /** The provider's api_key; by default ccr fills it from CEREBRAS_API_KEY in its environment. */
  apiKey?: string;
  options?: Record<string, unknown>;
  /** By default every request goes to the first model. */
  router?: Record<string, string>;
}

/** A ccr config with one provider, `cerebras`, served through the plugin built from the current sources. */
export function pluginCcrConfig({
  upstreamUrl,
  models = ["gpt-oss-120b"],
  apiKey = "$CEREBRAS_API_KEY",
  options = {},
  router,
}: PluginConfigInput) {
  return {
    transformers: [{ path: builtPluginPath(), options }],
    Providers: [
      {
        name: "cerebras",
        api_base_url: `${upstreamUrl}/chat/completions`,
        api_key: apiKey,
        models,
        transformer: { use: ["ccr-cerebras"] },
      },
    ],
    Router: router ?? { default: `cerebras,${models[0]}` },
  };
}
