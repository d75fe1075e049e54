// Turns a ScriptedReply into what Cerebras would send: a plan (pieces, tool calls, finish reason,
// usage), then either a non-streaming completion (fixture glm47_nonstream_reasoning_toolcall.json) or
// the chunk objects of a stream (fixture glm47_stream_reasoning_text_toolcall.sse).

import { randomBytes } from "node:crypto";
import type { ModelInfo } from "../../src/models";
import { estimateTextTokens } from "../../src/tokens";
import type { CerebrasUsage } from "../../src/wire/cerebras";
import { lastUserText, requestedCompletionTokens } from "./prompt";
import type { ScriptedReply } from "./types";

export interface PlannedToolCall {
  id: string;
  name: string;
  arguments: string;
  split: number;
}

export interface ReplyPlan {
  reasoning: string[];
  content: string[];
  toolCalls: PlannedToolCall[];
  finishReason: string;
  usage: CerebrasUsage;
  usagePlacement: "finish" | "separate" | "none";
}

export interface PlanContext {
  body: Record<string, unknown>;
  model: ModelInfo;
  promptTokens: number;
  cachedTokens: number;
  enforceMaxCompletionTokens?: boolean;
}

/** Word-sized pieces that concatenate back to `text` exactly; arrays are taken as given. */
export function splitPieces(text: string | string[] | undefined): string[] {
  if (text === undefined) return [];
  if (Array.isArray(text)) return text;
  return text.match(/\s*\S+|\s+$/g) ?? [];
}

export function toolCallId(): string {
  return randomBytes(5).toString("hex").slice(0, 9);
}

const QUOTE_LIMIT = 500;

/** The answer when nothing is queued: quotes the last user message (and reasons, if the model does). */
export function quotingReply(body: Record<string, unknown>): ScriptedReply {
  const said = lastUserText(body);
  const quote = said.length > QUOTE_LIMIT ? `${said.slice(0, QUOTE_LIMIT)}…` : said;
  return {
    reasoning: "The user sent a message. I will quote it back.",
    content: `You said: "${quote}"`,
    finishReason: "stop",
  };
}

function sumTokens(pieces: string[]): number {
  let n = 0;
  for (const p of pieces) n += estimateTextTokens(p);
  return n;
}

/** Keeps pieces while they fit in `budget` tokens; returns the kept pieces and what is left. */
function keepWithinBudget(pieces: string[], budget: number): [string[], number] {
  const kept: string[] = [];
  for (const p of pieces) {
    const t = estimateTextTokens(p);
    if (t > budget) break;
    kept.push(p);
    budget -= t;
  }
  return [kept, budget];
}

export function planReply(reply: ScriptedReply, ctx: PlanContext): ReplyPlan {
  const reasons = ctx.body.reasoning_effort !== "none" && ctx.model.reasoning !== null;
  let reasoning = reasons ? splitPieces(reply.reasoning) : [];
  let content = splitPieces(reply.content);
  let toolCalls: PlannedToolCall[] = (reply.toolCalls ?? []).map((c) => ({
    id: c.id ?? toolCallId(),
    name: c.name,
    arguments: c.arguments,
    split: Math.max(1, Math.floor(c.split ?? 1)),
  }));
  let finishReason = reply.finishReason ?? (toolCalls.length ? "tool_calls" : "stop");

  const toolTokens = () => sumTokens(toolCalls.map((c) => c.name + c.arguments));
  const budget = requestedCompletionTokens(ctx.body);
  const total = sumTokens(reasoning) + sumTokens(content) + toolTokens();
  if (ctx.enforceMaxCompletionTokens && !reply.finishReason && budget > 0 && total > budget) {
    let left: number;
    [reasoning, left] = keepWithinBudget(reasoning, budget);
    [content] = keepWithinBudget(content, left);
    toolCalls = [];
    finishReason = "length";
  }

  const reasoningTokens = sumTokens(reasoning);
  const completion = reasoningTokens + sumTokens(content) + toolTokens();
  const computed: CerebrasUsage = {
    prompt_tokens: ctx.promptTokens,
    completion_tokens: completion,
    total_tokens: ctx.promptTokens + completion,
    prompt_tokens_details: { cached_tokens: ctx.cachedTokens },
    completion_tokens_details: { reasoning_tokens: reasoningTokens },
  };
  const override = typeof reply.usage === "object" ? reply.usage : {};
  const usage = { ...computed, ...override };
  if (override.total_tokens === undefined)
    usage.total_tokens = (usage.prompt_tokens ?? 0) + (usage.completion_tokens ?? 0);
  const usagePlacement =
    reply.usage === "none" ? "none" : reply.usage === "separate-chunk" ? "separate" : "finish";
  return { reasoning, content, toolCalls, finishReason, usage, usagePlacement };
}

export interface ResponseMeta {
  id: string;
  created: number;
  model: string;
  fingerprint: string;
  /** Called once, when the last chunk (or the body) is built. */
  timeInfo: () => Record<string, number>;
}

export function completionBody(plan: ReplyPlan, meta: ResponseMeta): object {
  const message: Record<string, unknown> = {
    content: plan.content.length ? plan.content.join("") : null,
  };
  if (plan.reasoning.length) message.reasoning = plan.reasoning.join("");
  message.role = "assistant";
  if (plan.toolCalls.length) {
    message.tool_calls = plan.toolCalls.map((c) => ({
      id: c.id,
      type: "function",
      function: { name: c.name, arguments: c.arguments },
    }));
  }
  return {
    id: meta.id,
    choices: [{ finish_reason: plan.finishReason, index: 0, message }],
    created: meta.created,
    model: meta.model,
    system_fingerprint: meta.fingerprint,
    object: "chat.completion",
    ...(plan.usagePlacement === "none" ? {} : { usage: plan.usage }),
    time_info: meta.timeInfo(),
  };
}

function splitEvenly(text: string, parts: number): string[] {
  const size = Math.max(1, Math.ceil(text.length / parts));
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out.length ? out : [""];
}

/** The chunk objects of the stream, lazily (a 20k-piece reply is never held as objects at once). */
export function* streamChunks(plan: ReplyPlan, meta: ResponseMeta): Generator<object> {
  const chunk = (choices: unknown[], extra: object = {}) => ({
    id: meta.id,
    choices,
    created: meta.created,
    model: meta.model,
    system_fingerprint: meta.fingerprint,
    object: "chat.completion.chunk",
    ...extra,
  });
  const delta = (d: object) => chunk([{ delta: d, index: 0 }]);
  yield delta({ role: "assistant" });
  for (const r of plan.reasoning) yield delta({ reasoning: r });
  for (const c of plan.content) yield delta({ content: c });
  for (const [index, call] of plan.toolCalls.entries()) {
    const [first = "", ...rest] = splitEvenly(call.arguments, call.split);
    yield delta({
      tool_calls: [{ index, id: call.id, type: "function", function: { name: call.name, arguments: first } }],
    });
    for (const piece of rest) yield delta({ tool_calls: [{ index, function: { arguments: piece } }] });
  }
  const finish = [{ delta: {}, finish_reason: plan.finishReason, index: 0 }];
  if (plan.usagePlacement === "finish") {
    yield chunk(finish, { usage: plan.usage, time_info: meta.timeInfo() });
  } else if (plan.usagePlacement === "separate") {
    yield chunk(finish);
    yield chunk([], { usage: plan.usage, time_info: meta.timeInfo() });
  } else {
    yield chunk(finish);
  }
}
