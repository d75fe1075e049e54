// Plugin options come from `transformers[].options` in ccr's config.json. ccr does NOT expand `$VAR`
// there (docs/ccr-contract.md#22-var-interpolation), so no secret is read from options: keys come from
// `provider.apiKey` or the environment.
//
// One zod schema checks them when ccr constructs the plugin. A bad option never throws out of the
// constructor (ccr would then skip the plugin and send requests through its own conversion, failing
// with an unrelated error): the plugin loads, and every request answers with the error naming the
// option, its value and the expected form, until config.json is fixed.
// @see https://zod.dev/api

import { z } from "zod";
import type { ModelOverride } from "../models";
import { DEFAULT_MAX_COMPLETION_TOKENS } from "../request/sampling";

export const PLUGIN_NAME = "ccr-cerebras";
/** The Anthropic API's own pace is at most about 15 s between events. */
export const DEFAULT_PING_INTERVAL_MS = 10_000;
/** ccr's built-in transformer names: a plugin registered under one of them would replace it. */
const RESERVED_NAMES = new Set([
  "cerebras",
  "anthropic",
  "openai",
  "openrouter",
  "deepseek",
  "gemini",
  "groq",
]);
const LEVELS = ["debug", "info", "warn", "error", "silent"] as const;
const EFFORTS = ["none", "low", "medium", "high"] as const;

const POSITIVE_INT = "a positive whole number";
const BOOLEAN = "true or false (JSON booleans, not strings)";

/** `form` is what the error tells the user to write; it covers every way the value can be wrong. */
const positiveInt = (form = POSITIVE_INT) =>
  z.int({ error: form }).positive({ error: form }).max(Number.MAX_SAFE_INTEGER, { error: form });
const bool = () => z.boolean({ error: BOOLEAN });
const nonEmptyString = (form: string) => z.string({ error: form }).min(1, { error: form });

const reasoningSchema = z.strictObject(
  {
    levels: z.array(z.enum(EFFORTS), { error: `a list of ${EFFORTS.join(", ")}` }).optional(),
    off: z.enum(EFFORTS, { error: `one of ${EFFORTS.join(", ")}` }).optional(),
    replay: z.enum(["think", "plain", "drop"], { error: `"think", "plain" or "drop"` }).optional(),
    clearThinking: bool().optional(),
  },
  { error: "null or an object with levels, off, replay, clearThinking" },
);

const modelOverrideSchema = z.strictObject(
  {
    contextWindow: positiveInt(`${POSITIVE_INT} of tokens, e.g. 65536`).optional(),
    maxOutput: positiveInt(`${POSITIVE_INT} of tokens, e.g. 32768`).optional(),
    vision: bool().optional(),
    retired: z.iso.date({ error: "a date YYYY-MM-DD" }).optional(),
    reasoning: reasoningSchema.nullable().optional(),
    supportedParameters: z
      .array(z.string(), { error: 'a list of request parameter names, e.g. ["temperature", "top_p"]' })
      .optional(),
  },
  {
    error: "an object with any of contextWindow, maxOutput, vision, reasoning, retired, supportedParameters",
  },
);

const requestLogSchema = z.union(
  [
    z.boolean(),
    z.strictObject({
      maxAgeDays: positiveInt(`${POSITIVE_INT} of days, e.g. 7`).optional(),
      maxBytes: positiveInt(`${POSITIVE_INT} of bytes, e.g. 209715200`).optional(),
    }),
  ],
  { error: "true, false or { maxAgeDays, maxBytes } (positive whole numbers)" },
);

export const pluginOptionsSchema = z.strictObject(
  {
    /** Registered transformer name; `transformer.use` refers to it. Never a ccr built-in's name. */
    name: nonEmptyString('a non-empty string, e.g. "ccr-cerebras"')
      .refine((n) => !RESERVED_NAMES.has(n.toLowerCase()), {
        error:
          'a name other than ccr\'s built-in transformers (cerebras, anthropic, openai, …), e.g. "ccr-cerebras"',
      })
      .default(PLUGIN_NAME),
    /** Where `claude-*` and unknown model names go. */
    defaultModel: nonEmptyString('a Cerebras model id, e.g. "gpt-oss-120b"').optional(),
    /** Model table overrides, keyed by Cerebras id (e.g. a free-tier 65536 context window). */
    models: z
      .record(z.string(), modelOverrideSchema, {
        error: 'an object keyed by model id, e.g. { "gpt-oss-120b": { "contextWindow": 65536 } }',
      })
      .default({}),
    /** Cap for `max_completion_tokens` (Cerebras reserves it against the per-minute token quota). */
    maxCompletionTokens: positiveInt(`${POSITIVE_INT} of tokens, e.g. 16384`).optional(),
    /** The name the ccr contract's example config uses for the same cap. */
    maxOutputTokens: positiveInt(`${POSITIVE_INT} of tokens, e.g. 16384`).optional(),
    logLevel: z.enum(LEVELS, { error: `one of ${LEVELS.map((l) => `"${l}"`).join(", ")}` }).default("info"),
    /** On Cerebras' "model not found", ask `GET /models` to name the live models in the error. */
    discoverModels: bool().default(true),
    /** Send upstream calls through the in-process key pool (key pool, retries, mapped errors). */
    relay: bool().default(true),
    /** One redacted JSON file per request under ~/.claude-code-router/logs/cerebras/ (off by default). */
    requestLog: requestLogSchema.default(false),
    /**
     * Merge the text (or thinking) deltas of one upstream read into one delta before ccr re-encodes them:
     * the same text in fewer events, about 5× less work in ccr's converter. False: one client delta per
     * Cerebras delta.
     */
    coalesceDeltas: bool().default(true),
    /** At most this long between two events of a stream: a `ping` when nothing else is sent. */
    pingIntervalMs: positiveInt(`${POSITIVE_INT} of milliseconds, e.g. 10000`).default(
      DEFAULT_PING_INTERVAL_MS,
    ),
  },
  { error: "an object (the plugin's options)" },
);

type Checked = z.output<typeof pluginOptionsSchema>;

export type LogLevel = Checked["logLevel"];

export interface PluginOptions
  extends Omit<Checked, "maxOutputTokens" | "maxCompletionTokens" | "requestLog" | "models"> {
  models: Record<string, ModelOverride>;
  maxCompletionTokens: number;
  requestLog: false | { maxAgeDays?: number; maxBytes?: number };
}

// The schema's model override must stay assignable to the model table's override type.
type _OverrideFits = z.output<typeof modelOverrideSchema> extends ModelOverride ? true : never;
const _overrideFits: _OverrideFits = true;
void _overrideFits;

export type ParsedPluginOptions =
  | { ok: true; options: PluginOptions }
  | {
      ok: false;
      /** The name to register under, so the provider's `transformer.use` still finds the plugin. */
      name: string;
      /** Every problem, each naming the option, its value and the expected form. */
      message: string;
    };

const KNOWN = Object.keys(pluginOptionsSchema.shape);

/** The known option a misspelt one most likely meant (same letters give or take two), if any. */
function closestOption(key: string): string | undefined {
  const distance = (a: string, b: string): number => {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      let prev = row[0] as number;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const cur = row[j] as number;
        row[j] = Math.min(
          (row[j] as number) + 1,
          (row[j - 1] as number) + 1,
          prev + (a[i - 1]?.toLowerCase() === b[j - 1]?.toLowerCase() ? 0 : 1),
        );
        prev = cur;
      }
    }
    return row[b.length] as number;
  };
  const best = KNOWN.map((k) => ({ k, d: distance(key, k) })).sort((a, b) => a.d - b.d)[0];
  return best && best.d <= 2 ? best.k : undefined;
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v = raw;
  for (const p of path) v = v && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

function show(value: unknown): string {
  if (value === undefined) return "undefined";
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function describeIssue(raw: unknown, issue: z.core.$ZodIssue): string[] {
  const where = (path: readonly PropertyKey[]) => (path.length ? path.map(String).join(".") : "options");
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((k) => {
      const path = [...issue.path, k];
      const hint = issue.path.length === 0 ? closestOption(k) : undefined;
      const known =
        issue.path.length === 0
          ? `known options: ${KNOWN.join(", ")}`
          : issue.path.length === 2 && issue.path[0] === "models"
            ? "known fields: contextWindow, maxOutput, vision, reasoning, retired, supportedParameters"
            : "not a known field";
      return `unknown option ${where(path)} = ${show(valueAt(raw, path))}${hint ? ` (did you mean ${hint}?)` : ""}; ${known}`;
    });
  }
  if (issue.code === "invalid_union") {
    // `requestLog: { maxAgeDays: "week" }`: the object branch matched the shape; name the field inside.
    const inner = issue.errors.find((branch) => branch.length > 0 && branch.every((i) => i.path.length > 0));
    if (inner) return inner.flatMap((i) => describeIssue(raw, { ...i, path: [...issue.path, ...i.path] }));
  }
  return [`${where(issue.path)} = ${show(valueAt(raw, issue.path))}: expected ${issue.message}`];
}

/** Checks raw `transformers[].options`; never throws. */
export function parsePluginOptions(raw: unknown): ParsedPluginOptions {
  const result = pluginOptionsSchema.safeParse(raw ?? {});
  if (!result.success) {
    const rawName = valueAt(raw, ["name"]);
    const problems = result.error.issues.flatMap((i) => describeIssue(raw, i));
    return {
      ok: false,
      name: typeof rawName === "string" && rawName ? rawName : PLUGIN_NAME,
      message: `invalid ccr-cerebras options (transformers[].options in ~/.claude-code-router/config.json): ${problems.join("; ")}. Fix them, then run 'ccr restart'.`,
    };
  }
  const { maxOutputTokens, maxCompletionTokens, requestLog, ...rest } = result.data;
  return {
    ok: true,
    options: {
      ...rest,
      maxCompletionTokens: maxCompletionTokens ?? maxOutputTokens ?? DEFAULT_MAX_COMPLETION_TOKENS,
      requestLog: requestLog === true ? {} : requestLog,
    },
  };
}
