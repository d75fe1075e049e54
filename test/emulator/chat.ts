// POST /v1/chat/completions: the checks in Cerebras' order (key faults, JSON, model, strict validation,
// context window), then the scripted (or default) reply, streamed or not, with its fault.

import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import type { ModelInfo } from "../../src/models";
import type { CerebrasRequest } from "../../src/wire/cerebras";
import { validateCerebrasRequest } from "../support/cerebras-validator";
import {
  contextLengthExceeded,
  type ErrorReply,
  invalidJson,
  modelNotFound,
  unauthorized,
  validationError,
} from "./errors";
import { sendError, sendJson } from "./http";
import { estimatePromptTokens, type PrefixCache, requestedCompletionTokens, serialisePrompt } from "./prompt";
import type { RateLimiter } from "./rate-limit";
import {
  completionBody,
  planReply,
  quotingReply,
  type ReplyPlan,
  type ResponseMeta,
  streamChunks,
} from "./reply";
import { sleep, sseFrames, writeFrames } from "./sse";
import type { EmulatorOptions, RecordedRequest, ScriptedReply } from "./types";

export interface ChatState {
  models: Map<string, ModelInfo>;
  /** Accounts served other models than `models`. */
  modelsByKey: Map<string, Map<string, ModelInfo>>;
  queue: ScriptedReply[];
  limiter: RateLimiter;
  cache: PrefixCache;
  fingerprint: string;
  opts: EmulatorOptions;
}

export interface ChatCall {
  res: ServerResponse;
  rec: RecordedRequest;
  raw: string;
  key: string | undefined;
  signal: AbortSignal;
  startedAt: number;
}

type Checked = { body: Record<string, unknown>; model: ModelInfo } | { error: ErrorReply };

/** The models `key`'s account is served. */
export function modelsFor(state: ChatState, key: string | undefined): Map<string, ModelInfo> {
  return (key !== undefined && state.modelsByKey.get(key)) || state.models;
}

/** Everything that can reject a request before a reply is chosen, in order. */
export function checkChatRequest(state: ChatState, call: ChatCall): Checked {
  if (state.limiter.isRevoked(call.key)) return { error: unauthorized() };
  const keyFailure = state.limiter.keyFailure(call.key);
  if (keyFailure) return { error: keyFailure };
  let body: unknown;
  try {
    body = JSON.parse(call.raw);
  } catch (e) {
    return { error: invalidJson((e as Error).message) };
  }
  call.rec.body = body;
  const requested = (body as { model?: unknown })?.model;
  const served = modelsFor(state, call.key);
  const model = typeof requested === "string" ? served.get(requested) : undefined;
  if (typeof requested === "string" && requested && !model) return { error: modelNotFound(requested) };
  const issue =
    state.opts.strict === false && model
      ? undefined
      : validateCerebrasRequest(body, model ? { model } : {})[0];
  if (issue) return { error: validationError(issue) };
  const b = body as Record<string, unknown>;
  const m = model as ModelInfo; // the validator refuses a missing model
  const prompt = estimatePromptTokens(b);
  const completion = requestedCompletionTokens(b);
  if (prompt + completion > m.contextWindow || prompt >= m.contextWindow)
    return { error: contextLengthExceeded(prompt + completion, m.contextWindow) };
  return { body: b, model: m };
}

function safeMatch(reply: ScriptedReply, body: Record<string, unknown>): boolean {
  try {
    return !reply.match || reply.match(body as unknown as CerebrasRequest);
  } catch {
    return false;
  }
}

/** Removes and returns the first queued reply that matches, else the default reply. */
export function takeReply(state: ChatState, body: Record<string, unknown>): ScriptedReply {
  const i = state.queue.findIndex((r) => safeMatch(r, body));
  if (i >= 0) return state.queue.splice(i, 1)[0] as ScriptedReply;
  return state.opts.defaultReply ?? quotingReply(body);
}

function meta(state: ChatState, model: string, promptTokens: number, startedAt: number): ResponseMeta {
  const created = Math.floor(startedAt / 1000);
  return {
    id: `chatcmpl-${randomUUID()}`,
    created,
    model,
    fingerprint: state.fingerprint,
    timeInfo: () => {
      const queue = 0.0002;
      const prompt = promptTokens / 250_000;
      const completion = (Date.now() - startedAt) / 1000;
      return {
        queue_time: queue,
        prompt_time: prompt,
        completion_time: completion,
        total_time: queue + prompt + completion,
        created,
      };
    },
  };
}

function chunkCount(plan: ReplyPlan): number {
  const tools = plan.toolCalls.reduce((n, c) => n + c.split, 0);
  return (
    2 + plan.reasoning.length + plan.content.length + tools + (plan.usagePlacement === "separate" ? 1 : 0)
  );
}

async function sendCompletion(
  call: ChatCall,
  reply: ScriptedReply,
  plan: ReplyPlan,
  m: ResponseMeta,
  headers: Record<string, string>,
): Promise<void> {
  await sleep((reply.delayMs ?? 0) * chunkCount(plan), call.signal);
  if (call.signal.aborted) return;
  const fault = reply.fault;
  const text = JSON.stringify(completionBody(plan, m));
  if (fault?.kind === "reset") {
    call.res.socket?.destroy();
    return;
  }
  if (fault?.kind === "midstream-error-chunk" || fault?.kind === "midstream-error-event") {
    return sendJson(call.res, call.rec, fault.status_code, fault.error, headers);
  }
  if (fault?.kind === "truncate" || fault?.kind === "malformed-json") {
    call.rec.status = 200;
    call.res.writeHead(200, { "content-type": "application/json", ...headers });
    const broken = fault.kind === "truncate" ? text.slice(0, text.length >> 1) : `${text.slice(0, -1)},}`;
    call.res.end(broken);
    return;
  }
  sendJson(call.res, call.rec, 200, text, { ...headers, "content-type": "application/json" });
}

async function sendStream(
  call: ChatCall,
  reply: ScriptedReply,
  plan: ReplyPlan,
  m: ResponseMeta,
  headers: Record<string, string>,
): Promise<void> {
  call.rec.status = 200;
  call.res.writeHead(200, {
    "content-type": "text/event-stream",
    "cache-control": "no-cache",
    connection: "keep-alive",
    ...headers,
  });
  call.res.flushHeaders();
  const frames = sseFrames(streamChunks(plan, m), m.id, reply.fault);
  await writeFrames(call.res, frames, { delayMs: reply.delayMs, signal: call.signal });
}

export async function handleChat(state: ChatState, call: ChatCall): Promise<void> {
  const checked = checkChatRequest(state, call);
  if ("error" in checked) {
    return sendError(call.res, call.rec, checked.error, state.limiter.headers());
  }
  const { body, model } = checked;
  const promptTokens = estimatePromptTokens(body);
  state.limiter.charge(promptTokens + requestedCompletionTokens(body));
  const headers = state.limiter.headers();
  const reply = takeReply(state, body);
  if (reply.fault?.kind === "http") {
    const f = reply.fault;
    await sleep(reply.delayMs ?? 0, call.signal);
    return sendJson(call.res, call.rec, f.status, f.body, { ...headers, ...f.headers });
  }
  const cached = state.cache.cachedTokens(model.id, serialisePrompt(body), promptTokens);
  const plan = planReply(reply, {
    body,
    model,
    promptTokens,
    cachedTokens: cached,
    enforceMaxCompletionTokens: state.opts.enforceMaxCompletionTokens,
  });
  const m = meta(state, model.id, promptTokens, call.startedAt);
  if (body.stream === true) return sendStream(call, reply, plan, m, headers);
  return sendCompletion(call, reply, plan, m, headers);
}
