// Plugin options come from `transformers[].options` in ccr's config.json. ccr does NOT expand `$VAR`
// there (docs/ccr-contract.md#22-var-interpolation), so no secret is read from options: keys come from
// `provider.apiKey` or the environment.

import type { ModelOverride } from "../models";
import { DEFAULT_MAX_COMPLETION_TOKENS_CAP } from "../request/sampling";

export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";

export interface PluginOptions {
  /** Registered transformer name; `transformer.use` refers to it. Never "cerebras" (a built-in). */
  name: string;
  /** Where `claude-*` and unknown model names go. */
  defaultModel?: string;
  /** Model table overrides, keyed by Cerebras id (e.g. a free-tier 65536 context window). */
  models: Record<string, ModelOverride>;
  /** Cap for `max_completion_tokens` (Cerebras reserves it against the per-minute token quota). */
  maxCompletionTokens: number;
  logLevel: LogLevel;
  /** On Cerebras' "model not found", ask `GET /models` to name the live models in the error. */
  discoverModels: boolean;
  /** Send upstream calls through the in-process relay (key pool, retries, mapped errors). */
  relay: boolean;
  /** One redacted JSON file per request under ~/.claude-code-router/logs/cerebras/ (off by default). */
  requestLog: false | { maxAgeDays?: number; maxBytes?: number };
  /**
   * Merge the text (or thinking) deltas of one upstream read into one delta before ccr re-encodes them:
   * the same text in fewer events, about 5× less work in ccr's converter. False: one client delta per
   * Cerebras delta.
   */
  coalesceDeltas: boolean;
}

export const PLUGIN_NAME = "ccr-cerebras";
const RESERVED_NAMES = new Set([
  "cerebras",
  "anthropic",
  "openai",
  "openrouter",
  "deepseek",
  "gemini",
  "groq",
]);
const LEVELS: readonly LogLevel[] = ["debug", "info", "warn", "error", "silent"];

/** Validates raw options; a wrong type is reported at construction time rather than at the first request. */
export function parsePluginOptions(raw: unknown): PluginOptions {
  const o = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
  const fail = (m: string): never => {
    throw new Error(`ccr-cerebras: invalid transformers[].options: ${m}`);
  };
  const name = o.name === undefined ? PLUGIN_NAME : String(o.name);
  if (RESERVED_NAMES.has(name.toLowerCase())) {
    fail(`name "${name}" would replace ccr's built-in transformer of that name; pick another`);
  }
  if (o.defaultModel !== undefined && (typeof o.defaultModel !== "string" || !o.defaultModel)) {
    fail("defaultModel must be a non-empty string");
  }
  const models = o.models ?? {};
  if (typeof models !== "object" || Array.isArray(models)) fail("models must be an object keyed by model id");
  // `maxOutputTokens` is the name the ccr contract's example config uses.
  const cap = o.maxCompletionTokens ?? o.maxOutputTokens ?? DEFAULT_MAX_COMPLETION_TOKENS_CAP;
  if (!Number.isInteger(cap) || (cap as number) < 1) fail("maxCompletionTokens must be a positive integer");
  const logLevel = (o.logLevel ?? "info") as LogLevel;
  if (!LEVELS.includes(logLevel)) fail(`logLevel must be one of ${LEVELS.join(", ")}`);
  const log = o.requestLog ?? false;
  if (log !== false && log !== true && (typeof log !== "object" || Array.isArray(log))) {
    fail("requestLog must be true, false or { maxAgeDays, maxBytes }");
  }
  return {
    name,
    defaultModel: o.defaultModel as string | undefined,
    models: models as Record<string, ModelOverride>,
    maxCompletionTokens: cap as number,
    logLevel,
    discoverModels: o.discoverModels !== false,
    relay: o.relay !== false,
    coalesceDeltas: o.coalesceDeltas !== false,
    requestLog: log === true ? {} : (log as PluginOptions["requestLog"]),
  };
}
