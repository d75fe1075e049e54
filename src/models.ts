// The Cerebras model table: what each model id can do and how to drive its reasoning.
// Figures come from docs/mapping.md#54-reasoning-by-model and docs/mapping.md#59-models (context and output are the paid-tier
// values; free tiers have 65k context: override `contextWindow` through the plugin options).

import type { CerebrasReasoningEffort } from "./wire/cerebras";

export interface ModelReasoning {
  /** `reasoning_effort` levels to send when the client asks for thinking; empty means send nothing. */
  levels: CerebrasReasoningEffort[];
  /** `reasoning_effort` to send when the client turns thinking off or omits it; undefined sends nothing. */
  off?: CerebrasReasoningEffort;
  /** How earlier assistant thinking is replayed: `<think>…</think>` at the start of content, or dropped. */
  replay: "think" | "drop";
  /** The model accepts `clear_thinking` (GLM only). */
  clearThinking: boolean;
}

export interface ModelInfo {
  id: string;
  contextWindow: number;
  maxOutput: number;
  /** null: the model does not reason, earlier thinking is dropped and no reasoning field is sent. */
  reasoning: ModelReasoning | null;
  vision: boolean;
  /** ISO date on which Cerebras retired the id (it then answers 404 model_not_found). */
  retired?: string;
  /** True when the id is not in the table and safe defaults were used. */
  unknown?: boolean;
}

export type ModelOverride = Partial<Omit<ModelInfo, "id" | "reasoning" | "unknown">> & {
  reasoning?: Partial<ModelReasoning> | null;
};

const GLM_REASONING: ModelReasoning = { levels: [], off: "none", replay: "think", clearThinking: true };
const GPT_OSS_REASONING: ModelReasoning = {
  levels: ["low", "medium", "high"],
  off: "low", // gpt-oss cannot switch reasoning off and rejects "none"
  replay: "drop", // its replay format is undocumented
  clearThinking: false,
};
const QWEN_REASONING: ModelReasoning = {
  levels: ["low", "medium", "high"],
  off: "none",
  replay: "think",
  clearThinking: false,
};

const TABLE: readonly ModelInfo[] = [
  {
    id: "gpt-oss-120b",
    contextWindow: 131072,
    maxOutput: 40000,
    reasoning: GPT_OSS_REASONING,
    vision: false,
  },
  { id: "qwen-3.8-27b", contextWindow: 65536, maxOutput: 32768, reasoning: QWEN_REASONING, vision: true },
  { id: "gemma-4-31b", contextWindow: 65536, maxOutput: 16384, reasoning: null, vision: true },
  {
    id: "zai-glm-4.7",
    contextWindow: 131072,
    maxOutput: 40000,
    reasoning: GLM_REASONING,
    vision: false,
    retired: "2026-08-17",
  },
  {
    id: "zai-glm-4.6",
    contextWindow: 131072,
    maxOutput: 40000,
    reasoning: GLM_REASONING,
    vision: false,
    retired: "2026-01-20",
  },
  {
    id: "qwen-3-235b-a22b-instruct-2507",
    contextWindow: 131072,
    maxOutput: 32768,
    reasoning: null,
    vision: false,
    retired: "2026-05-27",
  },
  {
    id: "qwen-3-235b-a22b-thinking-2507",
    contextWindow: 131072,
    maxOutput: 32768,
    reasoning: { levels: [], replay: "think", clearThinking: false },
    vision: false,
    retired: "2025-11-23",
  },
  {
    id: "llama3.1-8b",
    contextWindow: 8192,
    maxOutput: 8192,
    reasoning: null,
    vision: false,
    retired: "2026-05-27",
  },
  {
    id: "llama-3.3-70b",
    contextWindow: 131072,
    maxOutput: 8192,
    reasoning: null,
    vision: false,
    retired: "2026-02-16",
  },
  {
    id: "qwen-3-32b",
    contextWindow: 131072,
    maxOutput: 8192,
    reasoning: null,
    vision: false,
    retired: "2026-02-16",
  },
  {
    id: "qwen-3-coder-480b",
    contextWindow: 131072,
    maxOutput: 32768,
    reasoning: null,
    vision: false,
    retired: "2025-11-04",
  },
];

const BY_ID = new Map(TABLE.map((m) => [m.id, m]));

/** Safe defaults for an id the table does not know: small window, no reasoning control, text only. */
export const UNKNOWN_MODEL_DEFAULTS: Omit<ModelInfo, "id"> = {
  contextWindow: 65536,
  maxOutput: 8192,
  reasoning: null,
  vision: false,
  unknown: true,
};

/** The model the installer and the plugin fall back to when nothing else is configured. */
export const DEFAULT_MODEL_ID = "zai-glm-4.7";

export function listKnownModels(): readonly ModelInfo[] {
  return TABLE;
}

/** Ids Cerebras still serves according to the table (used when `/v1/models` is not reachable). */
export function liveModelIdsFromTable(today: Date = new Date()): string[] {
  const day = today.toISOString().slice(0, 10);
  return TABLE.filter((m) => !m.retired || m.retired > day).map((m) => m.id);
}

export function isKnownModelId(id: string, overrides?: Record<string, ModelOverride>): boolean {
  return BY_ID.has(id) || Boolean(overrides && Object.hasOwn(overrides, id));
}

/** The capabilities of `id`: the table entry (or safe defaults) with the configured override applied. */
export function getModelInfo(id: string, overrides?: Record<string, ModelOverride>): ModelInfo {
  const base: ModelInfo = BY_ID.get(id) ?? { id, ...UNKNOWN_MODEL_DEFAULTS };
  const o = overrides && Object.hasOwn(overrides, id) ? overrides[id] : undefined;
  if (!o) return base;
  const reasoning =
    o.reasoning === null
      ? null
      : o.reasoning
        ? {
            ...(base.reasoning ?? { levels: [], replay: "drop" as const, clearThinking: false }),
            ...o.reasoning,
          }
        : base.reasoning;
  const merged: ModelInfo = { ...base, ...o, id, reasoning };
  if (o.contextWindow !== undefined || o.maxOutput !== undefined) delete merged.unknown;
  return merged;
}

/**
 * The Cerebras id a request should go to. A known Cerebras id (in the table, in the overrides, or in
 * `extraKnown`, e.g. the provider's configured models) passes through; a `claude-*` name or anything
 * unknown maps to `defaultModel` when one is configured. Without one, `claude-*` names go to
 * DEFAULT_MODEL_ID and other unknown names pass through (a model newer than this table).
 */
export function resolveCerebrasModelId(
  requested: string,
  opts: { defaultModel?: string; overrides?: Record<string, ModelOverride>; extraKnown?: readonly string[] },
): string {
  const name = requested.includes(",") ? requested.slice(requested.lastIndexOf(",") + 1) : requested;
  if (isKnownModelId(name, opts.overrides) || opts.extraKnown?.includes(name)) return name;
  if (opts.defaultModel) return opts.defaultModel;
  return name.startsWith("claude") ? DEFAULT_MODEL_ID : name;
}
