// The request translator: an Anthropic Messages request (what Claude Code sends) → the body POSTed to
// Cerebras chat completions. The body is built from an allow-list (CEREBRAS_REQUEST_KEYS) in a fixed
// key order, never by copying the input: Cerebras rejects every property it does not know.

import { promptTooLong } from "../errors";
import { isJsonObject } from "../json-object";
import {
  getModelInfo,
  type ListedModelFacts,
  type ModelInfo,
  type ModelOverride,
  resolveCerebrasModelId,
} from "../models";
import { CEREBRAS_REQUEST_KEYS, type CerebrasRequest } from "../wire/cerebras";
import { parseAnthropicRequest } from "./anthropic-request";
import { estimateCerebrasPromptTokens } from "./estimate";
import { COMPACTION_OUTPUT_RESERVE, isClaudeCodeCompactionRequest, shrinkMessagesToFit } from "./fit-context";
import { anthropicToCerebrasMessages } from "./messages";
import {
  anthropicStopSequences,
  anthropicTemperature,
  anthropicTopP,
  anthropicUserToCerebras,
  cerebrasMaxCompletionTokens,
  clearThinkingFor,
  DEFAULT_MAX_COMPLETION_TOKENS,
  MIN_OUTPUT_TOKENS,
  reasoningEffortFor,
} from "./sampling";
import { anthropicToCerebrasSystem } from "./system";
import { thinkingReplayOf } from "./thinking";
import { anthropicToCerebrasToolChoice, anthropicToCerebrasTools } from "./tools";

export interface RequestTranslationOptions {
  /** Where claude-* / unknown names go (see resolveCerebrasModelId). */
  defaultModel?: string;
  modelOverrides?: Record<string, ModelOverride>;
  /** E.g. the ccr provider's configured models: pass through. */
  extraKnownModels?: readonly string[];
  /** The plugin option of that name: the most `max_completion_tokens` may ask for. Default 16384 (Cerebras reserves it against the TPM quota). */
  maxCompletionTokens?: number;
  /** What the account's model listing says (src/ccr/live-models.ts); undefined: the table alone. */
  listedModels?: readonly ListedModelFacts[];
}

export interface RequestTranslation {
  /** What is POSTed to Cerebras. */
  body: CerebrasRequest;
  /** The model string the client sent (responses echo it). */
  requestedModel: string;
  /** Conservative estimate of the prompt as sent. */
  estimatedInputTokens: number;
  /** Things dropped that are worth a log line (server tools, extra stop sequences…). */
  warnings: string[];
}

/** Anthropic request fields with no Cerebras equivalent that deserve a log line when present. */
const WARN_IF_PRESENT: Record<string, string> = {
  mcp_servers: "dropped mcp_servers: Cerebras cannot call MCP servers itself",
  container: "dropped container: Anthropic code-execution containers do not exist on Cerebras",
};

function otherWarnings(req: Record<string, unknown>, warnings: string[]): void {
  for (const [key, text] of Object.entries(WARN_IF_PRESENT)) {
    if (req[key] !== undefined && req[key] !== null) warnings.push(text);
  }
  const cm = req.context_management;
  if (isJsonObject(cm) && Array.isArray(cm.edits)) {
    for (const e of cm.edits) {
      const type = isJsonObject(e) && typeof e.type === "string" ? e.type : "?";
      if (!type.startsWith("clear_thinking")) warnings.push(`ignored context_management edit ${type}`);
    }
  }
  if (isJsonObject(req.output_config) && req.output_config.format !== undefined) {
    warnings.push("ignored output_config.format: structured output is not translated");
  }
}

/** Sampling keys a listing may say a model does not take; the rest are structural and always sent. */
const LISTED_PARAMETERS: ReadonlySet<string> = new Set([
  "temperature",
  "top_p",
  "stop",
  "max_completion_tokens",
]);

/** False when the account's listing names the model's parameters and `key` is not among them. */
function isSupportedParameter(key: string, modelInfo: ModelInfo): boolean {
  return (
    !modelInfo.supportedParameters ||
    !LISTED_PARAMETERS.has(key) ||
    modelInfo.supportedParameters.includes(key)
  );
}

export function anthropicToCerebrasRequest(
  input: unknown,
  opts: RequestTranslationOptions = {},
): RequestTranslation {
  const req = parseAnthropicRequest(input);
  const requestedModel = req.model;
  const modelId = resolveCerebrasModelId(requestedModel, {
    defaultModel: opts.defaultModel,
    overrides: opts.modelOverrides,
    extraKnown: opts.extraKnownModels,
    served: opts.listedModels?.map((m) => m.id),
  });
  const modelInfo = getModelInfo(
    modelId,
    opts.modelOverrides,
    opts.listedModels?.find((m) => m.id === modelId),
  );
  const warnings: string[] = [];

  const converted = anthropicToCerebrasMessages(req.messages, {
    vision: modelInfo.vision,
    replay: thinkingReplayOf(modelInfo),
  });
  const system = anthropicToCerebrasSystem(req.system, converted.systemAppend);
  let messages: CerebrasRequest["messages"] = system
    ? [{ role: "system", content: system }, ...converted.messages]
    : converted.messages;
  const tools = anthropicToCerebrasTools(req.tools, warnings);
  const toolNames = tools.map((t) => t.function.name);
  const choice = anthropicToCerebrasToolChoice(req.tool_choice, toolNames);

  let estimatedInputTokens = estimateCerebrasPromptTokens(messages, tools);
  if (estimatedInputTokens + MIN_OUTPUT_TOKENS > modelInfo.contextWindow) {
    const fitted = isClaudeCodeCompactionRequest(messages)
      ? shrinkMessagesToFit(messages, tools, modelInfo.contextWindow - COMPACTION_OUTPUT_RESERVE)
      : undefined;
    if (!fitted || fitted.estimate + MIN_OUTPUT_TOKENS > modelInfo.contextWindow) {
      throw promptTooLong(
        fitted?.estimate ?? estimatedInputTokens,
        modelInfo.contextWindow - MIN_OUTPUT_TOKENS,
      );
    }
    warnings.push(
      `compaction request cut from ~${estimatedInputTokens} to ~${fitted.estimate} tokens to fit ${modelInfo.id}`,
    );
    messages = fitted.messages;
    estimatedInputTokens = fitted.estimate;
  }
  const cap = opts.maxCompletionTokens ?? DEFAULT_MAX_COMPLETION_TOKENS;

  const fields: CerebrasRequest = {
    model: modelInfo.id,
    messages,
    stream: req.stream ?? undefined,
    max_completion_tokens: cerebrasMaxCompletionTokens(
      req.max_tokens ?? undefined,
      modelInfo,
      cap,
      estimatedInputTokens,
    ),
    temperature: anthropicTemperature(req.temperature),
    top_p: anthropicTopP(req.top_p),
    stop: anthropicStopSequences(req.stop_sequences, warnings),
    tools: tools.length ? tools : undefined,
    tool_choice: choice.tool_choice,
    parallel_tool_calls: choice.parallel_tool_calls,
    reasoning_effort: reasoningEffortFor(req.thinking, req.output_config, modelInfo),
    clear_thinking: clearThinkingFor(req.context_management, modelInfo, converted.replayedThinking),
    user: anthropicUserToCerebras(req.metadata),
  };
  otherWarnings(req, warnings);

  const body = {} as Record<string, unknown>;
  for (const key of CEREBRAS_REQUEST_KEYS)
    if (fields[key] !== undefined && isSupportedParameter(key, modelInfo)) body[key] = fields[key];
  return {
    body: body as unknown as CerebrasRequest,
    requestedModel,
    estimatedInputTokens,
    warnings,
  };
}
