// The Cerebras model table: what each model id can do and how to drive its reasoning. It is the OFFLINE
// FALLBACK: the account's own listing (`GET /v1/models?format=openrouter`, src/catalogue.ts) overrides
// context window, output limit, vision and reasoning support per model; what no listing says (reasoning
// levels, how a family replays earlier reasoning, retirement dates) comes from here.
// @see docs/models.md for every figure and its source.

import type { CerebrasReasoningEffort } from "./wire/cerebras";

export type ReasoningReplay = "think" | "plain" | "drop";

export interface ModelReasoning {
  /** `reasoning_effort` levels to send when the client asks for thinking; empty means send nothing. */
  levels: CerebrasReasoningEffort[];
  /** `reasoning_effort` to send when the client turns thinking off or omits it; undefined sends nothing. */
  off?: CerebrasReasoningEffort;
  /**
   * How earlier assistant thinking is replayed in the assistant `content`: `think` wraps it in
   * `<think>…</think>` before the answer (GLM, Qwen), `plain` puts the text before the answer with no
   * markers (GPT-OSS), `drop` leaves it out. @see docs/models.md "Reasoning replay"
   */
  replay: ReasoningReplay;
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
  /**
   * Request parameters the account's listing says the model accepts (`temperature`, `top_p`, `stop`,
   * `max_completion_tokens`, `reasoning_effort`, …); undefined when no listing said (all are sent).
   */
  supportedParameters?: readonly string[];
  /** Where the limits come from: the account's listing, or the table (or safe defaults) alone. */
  source?: "listing" | "table";
}

/** What an account's model listing says about one model (any field may be missing). */
export interface ListedModelFacts {
  id: string;
  contextWindow?: number;
  maxOutput?: number;
  vision?: boolean;
  /** The listing says the model reasons (true) or does not (false). */
  reasoning?: boolean;
  supportedParameters?: readonly string[];
  deprecated?: boolean;
}

export type ModelOverride = Partial<Omit<ModelInfo, "id" | "reasoning" | "unknown">> & {
  reasoning?: Partial<ModelReasoning> | null;
};

const GLM_REASONING: ModelReasoning = { levels: [], off: "none", replay: "think", clearThinking: true };
const GPT_OSS_REASONING: ModelReasoning = {
  levels: ["low", "medium", "high"],
  off: "low", // gpt-oss cannot switch reasoning off; "none" is not a documented value
  replay: "plain", // the reasoning docs: GPT-OSS reasoning goes back as text before the answer, no tags
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
    maxOutput: 40960,
    reasoning: GPT_OSS_REASONING,
    vision: false,
  },
  { id: "qwen-3.8-27b", contextWindow: 65536, maxOutput: 32768, reasoning: QWEN_REASONING, vision: true },
  // Left shared inference around 2026-09-03 (dedicated endpoints only since).
  {
    id: "gemma-4-31b",
    contextWindow: 65536,
    maxOutput: 16384,
    reasoning: null,
    vision: true,
    retired: "2026-09-03",
  },
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
    retired: "2025-11-14",
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
    retired: "2025-11-05",
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

/**
 * The default model, in order of preference, when nothing is configured: the first one served wins,
 * else the first served model at all. zai-glm-4.7 leads because dedicated endpoints and gateways may
 * still serve it; Cerebras' shared inference retired it on 2026-08-17.
 */
export const PREFERRED_DEFAULT_MODELS: readonly string[] = ["zai-glm-4.7", "gpt-oss-120b"];

/** @internal The whole table (tests enumerate it). */
export function listKnownModels(): readonly ModelInfo[] {
  return TABLE;
}

/** Ids Cerebras still serves according to the table (used when `/v1/models` is not reachable). */
export function liveModelIdsFromTable(today: Date = new Date()): string[] {
  const day = today.toISOString().slice(0, 10);
  return TABLE.filter((m) => !m.retired || m.retired > day).map((m) => m.id);
}

/**
 * The default model for `served` (the account's listing), or, without a listing (null), the table's
 * best model still live on `today`.
 */
export function chooseDefaultModel(served: readonly string[] | null, today: Date = new Date()): string {
  const live = served ?? liveModelIdsFromTable(today);
  const preferred = PREFERRED_DEFAULT_MODELS.find((id) => live.includes(id));
  return preferred ?? live[0] ?? (PREFERRED_DEFAULT_MODELS[1] as string);
}

export function isKnownModelId(id: string, overrides?: Record<string, ModelOverride>): boolean {
  return BY_ID.has(id) || Boolean(overrides && Object.hasOwn(overrides, id));
}

/** The table's entry (or safe defaults) with what the account's listing says laid over it. */
function withListedFacts(base: ModelInfo, listed: ListedModelFacts | undefined): ModelInfo {
  if (!listed) return { ...base, source: "table" };
  const out: ModelInfo = { ...base, source: "listing" };
  if (listed.contextWindow !== undefined) out.contextWindow = listed.contextWindow;
  if (listed.maxOutput !== undefined) out.maxOutput = listed.maxOutput;
  if (listed.vision !== undefined) out.vision = listed.vision;
  if (listed.reasoning === false) out.reasoning = null;
  else if (listed.reasoning === true && !out.reasoning)
    // A reasoning model the table does not describe: nothing to send, nothing to replay.
    out.reasoning = { levels: [], replay: "drop", clearThinking: false };
  if (listed.supportedParameters) out.supportedParameters = listed.supportedParameters;
  if (listed.contextWindow !== undefined && listed.maxOutput !== undefined) delete out.unknown;
  return out;
}

/**
 * The capabilities of `id`: the table entry (or safe defaults), then what the account's listing says
 * (`listed`), then the configured override (the user has the last word).
 */
export function getModelInfo(
  id: string,
  overrides?: Record<string, ModelOverride>,
  listed?: ListedModelFacts,
): ModelInfo {
  const base = withListedFacts(BY_ID.get(id) ?? { id, ...UNKNOWN_MODEL_DEFAULTS }, listed);
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
 * The Cerebras id a request should go to. A known Cerebras id (in the table, in the overrides, in the
 * account's listing `served`, or in `extraKnown`, e.g. the provider's configured models) passes through;
 * a `claude-*` name or anything unknown maps to `defaultModel` when one is configured. Without one,
 * `claude-*` names go to chooseDefaultModel(served) and other unknown names pass through (a model newer
 * than this table).
 */
export function resolveCerebrasModelId(
  requested: string,
  opts: {
    defaultModel?: string;
    overrides?: Record<string, ModelOverride>;
    extraKnown?: readonly string[];
    /** The ids the account's listing names; undefined when there is no listing. */
    served?: readonly string[];
    today?: Date;
  },
): string {
  const name = requested.includes(",") ? requested.slice(requested.lastIndexOf(",") + 1) : requested;
  if (isKnownModelId(name, opts.overrides) || opts.extraKnown?.includes(name) || opts.served?.includes(name))
    return name;
  if (opts.defaultModel) return opts.defaultModel;
  return name.startsWith("claude") ? chooseDefaultModel(opts.served ?? null, opts.today) : name;
}
