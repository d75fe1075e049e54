// Generation settings: max tokens, temperature, top_p, stop, user, and the reasoning controls
// (reasoning_effort, clear_thinking) per model (models.ts ModelReasoning).

import { createHash } from "node:crypto";
import { isJsonObject } from "../json-object";
import type { ModelInfo } from "../models";
import type { CerebrasReasoningEffort } from "../wire/cerebras";

export const DEFAULT_MAX_COMPLETION_TOKENS = 16384;
/** Output room the pre-flight check keeps free in the context window. */
export const MIN_OUTPUT_TOKENS = 1024;
export const MAX_STOP_SEQUENCES = 4;
export const MAX_TEMPERATURE = 1.5;

/** min(max_tokens ?? model max, model max, cap, room left in the context), at least 1. */
export function cerebrasMaxCompletionTokens(
  requested: number | undefined,
  modelInfo: ModelInfo,
  cap: number,
  estimatedInputTokens: number,
): number {
  const room = modelInfo.contextWindow - estimatedInputTokens;
  return Math.max(1, Math.floor(Math.min(requested ?? modelInfo.maxOutput, modelInfo.maxOutput, cap, room)));
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

export function anthropicTemperature(t: number | null | undefined): number | undefined {
  return t === undefined || t === null ? undefined : clamp(t, 0, MAX_TEMPERATURE);
}

export function anthropicTopP(p: number | null | undefined): number | undefined {
  return p === undefined || p === null ? undefined : clamp(p, 0, 1);
}

/** The first 4 non-empty stop sequences; undefined when there are none. */
export function anthropicStopSequences(
  v: readonly string[] | null | undefined,
  warnings: string[],
): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  const list = v.filter((s) => s !== "");
  if (list.length > MAX_STOP_SEQUENCES) {
    warnings.push(
      `Cerebras accepts at most ${MAX_STOP_SEQUENCES} stop sequences; dropped ${list.length - MAX_STOP_SEQUENCES}`,
    );
  }
  return list.length ? list.slice(0, MAX_STOP_SEQUENCES) : undefined;
}

/** `metadata.user_id` → a short stable hash (`cc-` + 16 hex of sha256); nothing for other shapes. */
export function anthropicUserToCerebras(metadata: unknown): string | undefined {
  if (!isJsonObject(metadata) || typeof metadata.user_id !== "string" || metadata.user_id === "")
    return undefined;
  return `cc-${createHash("sha256").update(metadata.user_id).digest("hex").slice(0, 16)}`;
}

function thinkingType(thinking: unknown): string | undefined {
  return isJsonObject(thinking) && typeof thinking.type === "string" ? thinking.type : undefined;
}

function effortFromBudget(budget: number): CerebrasReasoningEffort {
  return budget <= 1024 ? "low" : budget <= 8192 ? "medium" : "high";
}

function effortFromOutputConfig(outputConfig: unknown): CerebrasReasoningEffort | undefined {
  const effort = isJsonObject(outputConfig) ? outputConfig.effort : undefined;
  if (effort === "low" || effort === "medium" || effort === "high") return effort;
  if (effort === "xhigh" || effort === "max") return "high";
  return undefined;
}

const EFFORT_ORDER: readonly CerebrasReasoningEffort[] = ["none", "low", "medium", "high"];

/** `wanted` if the model offers it, else the nearest offered level (models with overridden level lists). */
function nearestLevel(wanted: CerebrasReasoningEffort, levels: readonly CerebrasReasoningEffort[]) {
  if (levels.includes(wanted)) return wanted;
  const rank = (e: CerebrasReasoningEffort) => EFFORT_ORDER.indexOf(e);
  return [...levels].sort(
    (a, b) => Math.abs(rank(a) - rank(wanted)) - Math.abs(rank(b) - rank(wanted)) || rank(b) - rank(a),
  )[0];
}

/**
 * thinking enabled/adaptive: a level from `budget_tokens`, else from `output_config.effort`, else
 * nothing; only for models with documented levels. thinking absent/disabled: the model's "off" value.
 */
export function reasoningEffortFor(
  thinking: unknown,
  outputConfig: unknown,
  modelInfo: ModelInfo,
): CerebrasReasoningEffort | undefined {
  const r = modelInfo.reasoning;
  const type = thinkingType(thinking);
  if (!r) return undefined;
  if (type !== "enabled" && type !== "adaptive") return r.off;
  if (r.levels.length === 0) return undefined;
  const budget = isJsonObject(thinking) ? thinking.budget_tokens : undefined;
  const wanted =
    typeof budget === "number" && Number.isFinite(budget)
      ? effortFromBudget(budget)
      : effortFromOutputConfig(outputConfig);
  return wanted === undefined ? undefined : nearestLevel(wanted, r.levels);
}

/** Claude Code's `context_management` asks to keep all earlier thinking. */
export function keepsAllThinking(contextManagement: unknown): boolean {
  if (!isJsonObject(contextManagement) || !Array.isArray(contextManagement.edits)) return false;
  return contextManagement.edits.some(
    (e) =>
      isJsonObject(e) &&
      typeof e.type === "string" &&
      e.type.startsWith("clear_thinking") &&
      e.keep === "all",
  );
}

/** `clear_thinking:false` for models that accept it, when thinking is kept or replayed; else nothing. */
export function clearThinkingFor(
  contextManagement: unknown,
  modelInfo: ModelInfo,
  replayed: boolean,
): false | undefined {
  if (!modelInfo.reasoning?.clearThinking) return undefined;
  return keepsAllThinking(contextManagement) || replayed ? false : undefined;
}
