// A non-streaming Cerebras chat completion → an Anthropic message (docs/mapping.md#21-non-streaming-response).
// Block order is thinking, text, tool_use, as Anthropic sends it (ccr appends thinking last, N2).

import { AnthropicHttpError, cerebrasHttpErrorToAnthropic, type ErrorContext } from "../errors";
import type { AnthropicMessage, AnthropicResponseBlock } from "../wire/anthropic";
import type { CerebrasCompletion } from "../wire/cerebras";
import { cerebrasToAnthropicToolUseId } from "./ids";
import { cerebrasFinishToAnthropicStopReason } from "./stop-reason";
import { CEREBRAS_THINKING_SIGNATURE, splitLeadingThinkTag } from "./thinking";
import { parseCerebrasToolArguments } from "./tool-arguments";
import { cerebrasToAnthropicUsage, estimateOutputTokens } from "./usage";

export interface ResponseTranslationOptions {
  /** Echoed as `model`: the name the client asked for (not the Cerebras id it was routed to). */
  requestedModel: string;
  /** The message's `id`; made once per exchange by newAnthropicMessageId (src/response/ids.ts). */
  messageId: string;
  /** Reported as `input_tokens` when Cerebras sends no usage. */
  estimatedInputTokens?: number;
  errorContext?: ErrorContext;
}

type CompletionChoice = NonNullable<CerebrasCompletion["choices"]>[number];

function readJsonBody(completion: unknown): unknown {
  if (typeof completion !== "string" && !(completion instanceof Uint8Array)) return completion;
  const text = typeof completion === "string" ? completion : new TextDecoder().decode(completion);
  try {
    return JSON.parse(text);
  } catch {
    throw new AnthropicHttpError({
      status: 502,
      type: "api_error",
      message: `Cerebras returned a body that is not JSON: ${text.slice(0, 200)}`,
    });
  }
}

function looksLikeFlatError(body: Record<string, unknown>): boolean {
  return typeof body.message === "string" && (typeof body.type === "string" || typeof body.code === "string");
}

/** The status an error body implies when it came inside a 200 (rate limits carry no status there). */
function impliedErrorStatus(body: Record<string, unknown>): number {
  if (typeof body.status_code === "number") return body.status_code;
  const inner = (typeof body.error === "object" && body.error ? body.error : body) as Record<string, unknown>;
  return inner.type === "too_many_requests_error" ? 429 : 500;
}

function throwIfNotCompletion(
  body: unknown,
  ctx: ErrorContext | undefined,
): asserts body is CerebrasCompletion {
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    throw new AnthropicHttpError({
      status: 502,
      type: "api_error",
      message: "Cerebras returned a response that is not a JSON object",
    });
  }
  const obj = body as Record<string, unknown>;
  if (obj.error !== undefined || (!Array.isArray(obj.choices) && looksLikeFlatError(obj))) {
    throw cerebrasHttpErrorToAnthropic({ status: impliedErrorStatus(obj), body: obj, context: ctx });
  }
  if (!Array.isArray(obj.choices) || obj.choices.length === 0) {
    throw new AnthropicHttpError({
      status: 502,
      type: "api_error",
      message: "Cerebras returned a completion without choices",
    });
  }
}

function firstChoice(choices: CompletionChoice[]): CompletionChoice {
  return choices.find((c) => (c?.index ?? 0) === 0) ?? choices[0]!;
}

export function cerebrasToAnthropicMessage(
  completion: unknown,
  opts: ResponseTranslationOptions,
): AnthropicMessage {
  const body = readJsonBody(completion);
  throwIfNotCompletion(body, opts.errorContext);
  const choice = firstChoice(body.choices!);
  const message = choice?.message ?? {};
  const rawContent = typeof message.content === "string" ? message.content : "";
  const upstreamReasoning = message.reasoning ?? message.reasoning_content;
  let reasoning = typeof upstreamReasoning === "string" ? upstreamReasoning : "";
  let text = rawContent;
  const tagged = splitLeadingThinkTag(rawContent);
  if (tagged) {
    reasoning += tagged.reasoning;
    text = tagged.text;
  }

  const content: AnthropicResponseBlock[] = [];
  if (reasoning)
    content.push({ type: "thinking", thinking: reasoning, signature: CEREBRAS_THINKING_SIGNATURE });
  if (text) content.push({ type: "text", text });
  let argumentChars = 0;
  let hasToolUse = false;
  for (const call of Array.isArray(message.tool_calls) ? message.tool_calls : []) {
    const name = call?.function?.name;
    const raw = typeof call?.function?.arguments === "string" ? call.function.arguments : "";
    argumentChars += raw.length;
    if (typeof name !== "string" || name === "") continue;
    const parsed = parseCerebrasToolArguments(raw, name);
    content.push({ type: "tool_use", id: cerebrasToAnthropicToolUseId(call.id), name, input: parsed.input });
    hasToolUse = true;
  }
  if (content.length === 0) content.push({ type: "text", text: "" });

  const outputChars =
    (typeof upstreamReasoning === "string" ? upstreamReasoning.length : 0) + rawContent.length;
  return {
    id: opts.messageId,
    type: "message",
    role: "assistant",
    model: opts.requestedModel,
    content,
    stop_reason: cerebrasFinishToAnthropicStopReason(choice?.finish_reason, hasToolUse),
    stop_sequence: null,
    usage: cerebrasToAnthropicUsage(body.usage, {
      inputTokens: opts.estimatedInputTokens ?? 0,
      outputTokens: estimateOutputTokens(outputChars + argumentChars),
    }),
  };
}
