// The Claude Code environment that makes it respect a Cerebras model's real limits. Verified against
// Claude Code 2.1.330 with a recording fake server (docs/install.md, "Context window and output limit"):
// - CLAUDE_CODE_MAX_CONTEXT_TOKENS sets the window Claude Code compacts against, but ONLY for model
//   names it does not know; for claude-* names it is ignored. Hence ANTHROPIC_MODEL=cerebras,<id>,
//   which ccr also routes explicitly to our provider.
// - CLAUDE_CODE_MAX_OUTPUT_TOKENS becomes the request's max_tokens.

import { isJsonObject, type JsonObject } from "../json-object";
import {
  chooseDefaultModel,
  getModelInfo,
  type ListedModelFacts,
  type ModelInfo,
  type ModelOverride,
} from "../models";
import { DEFAULT_MAX_COMPLETION_TOKENS } from "../request/sampling";
import { configuredModel, ourTransformerOptions, PROVIDER_NAME } from "./config";

export interface PluginOptionsView {
  models?: Record<string, ModelOverride>;
  maxCompletionTokens?: number;
}

export interface ClaudeCodeLimits {
  modelInfo: ModelInfo;
  contextWindow: number;
  /** The model's output limit capped at the plugin's maxCompletionTokens: CLAUDE_CODE_MAX_OUTPUT_TOKENS. */
  maxCompletionTokens: number;
}

function positiveInt(value: unknown): number | undefined {
  return typeof value === "number" && Number.isInteger(value) && value > 0 ? value : undefined;
}

export function pluginOptionsView(config: JsonObject): PluginOptionsView {
  const options = ourTransformerOptions(config) ?? {};
  return {
    models: isJsonObject(options.models) ? (options.models as Record<string, ModelOverride>) : undefined,
    maxCompletionTokens: positiveInt(options.maxCompletionTokens ?? options.maxOutputTokens),
  };
}

/** `cerebras,<id>` or `<id>` → `<id>`; another provider's `name,model` → undefined (not ours). */
export function cerebrasModelFromRef(ref: string): string | undefined {
  const trimmed = ref.trim();
  const comma = trimmed.indexOf(",");
  if (comma < 0) return trimmed || undefined;
  if (trimmed.slice(0, comma).toLowerCase() !== PROVIDER_NAME) return undefined;
  return trimmed.slice(comma + 1).trim() || undefined;
}

/**
 * The model the wrapper should size Claude Code for: explicit, then CCR_CEREBRAS_MODEL, then the config,
 * then the default the plugin would pick for the account's listing (`listed`, the table without one).
 */
export function resolveWrapperModel(
  config: JsonObject,
  requested?: string,
  fromEnv?: string,
  listed?: readonly ListedModelFacts[],
): string | undefined {
  if (requested?.trim()) return cerebrasModelFromRef(requested);
  if (fromEnv?.trim()) return cerebrasModelFromRef(fromEnv);
  return configuredModel(config) ?? chooseDefaultModel(listed?.map((m) => m.id) ?? null);
}

/** The limits of `modelId`: the table, then the account's listing (`listed`), then the options. */
export function claudeCodeLimits(
  modelId: string,
  options: PluginOptionsView = {},
  listed?: readonly ListedModelFacts[],
): ClaudeCodeLimits {
  const modelInfo = getModelInfo(
    modelId,
    options.models,
    listed?.find((m) => m.id === modelId),
  );
  const cap = options.maxCompletionTokens ?? DEFAULT_MAX_COMPLETION_TOKENS;
  return {
    modelInfo,
    contextWindow: modelInfo.contextWindow,
    maxCompletionTokens: Math.min(modelInfo.maxOutput, cap),
  };
}

/** The variables `ccr-cerebras code` exports before `ccr code`, in a stable order. */
export function claudeCodeEnv(limits: ClaudeCodeLimits): Array<[name: string, value: string]> {
  return [
    ["ANTHROPIC_MODEL", `${PROVIDER_NAME},${limits.modelInfo.id}`],
    ["CLAUDE_CODE_MAX_CONTEXT_TOKENS", String(limits.contextWindow)],
    ["CLAUDE_CODE_MAX_OUTPUT_TOKENS", String(limits.maxCompletionTokens)],
  ];
}

function shellQuote(value: string): string {
  return /^[A-Za-z0-9_.,:/@%+=-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

export function formatExports(env: ReadonlyArray<[string, string]>): string {
  return env.map(([name, value]) => `export ${name}=${shellQuote(value)}\n`).join("");
}

/** `NAME=value` lines for the wrapper to read without `eval`. */
export function formatLines(env: ReadonlyArray<[string, string]>): string {
  return env.map(([name, value]) => `${name}=${value.replaceAll("\n", " ")}\n`).join("");
}
