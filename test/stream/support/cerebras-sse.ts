// Builders for synthetic Cerebras chat-completion streams, shaped like
// test/fixtures/cerebras/glm47_stream_reasoning_text_toolcall.sse.

import type { CerebrasChunk, CerebrasToolCallDelta, CerebrasUsage } from "../../../src/wire/cerebras";

export interface DeltaSpec {
  role?: string;
  reasoning?: string;
  content?: string;
  tool_calls?: CerebrasToolCallDelta[];
  finish?: string;
  usage?: CerebrasUsage;
  /** Sends `choices: []` (a usage-only chunk). */
  noChoices?: boolean;
}

const ENVELOPE = {
  id: "chatcmpl-test",
  created: 1767905301,
  model: "zai-glm-4.7",
  object: "chat.completion.chunk",
};

export function cerebrasChunk(spec: DeltaSpec): CerebrasChunk {
  const delta: Record<string, unknown> = {};
  if (spec.role !== undefined) delta.role = spec.role;
  if (spec.reasoning !== undefined) delta.reasoning = spec.reasoning;
  if (spec.content !== undefined) delta.content = spec.content;
  if (spec.tool_calls !== undefined) delta.tool_calls = spec.tool_calls;
  const choice: Record<string, unknown> = { delta, index: 0 };
  if (spec.finish !== undefined) choice.finish_reason = spec.finish;
  const chunk: Record<string, unknown> = { ...ENVELOPE, choices: spec.noChoices ? [] : [choice] };
  if (spec.usage !== undefined) chunk.usage = spec.usage;
  return chunk as CerebrasChunk;
}

export function sseData(value: unknown): string {
  return `data: ${typeof value === "string" ? value : JSON.stringify(value)}\n\n`;
}

/** A whole stream: a role chunk, the given chunks, then `data: [DONE]` unless `done: false`. */
export function cerebrasSse(specs: DeltaSpec[], opts: { done?: boolean; role?: boolean } = {}): string {
  let out = opts.role === false ? "" : sseData(cerebrasChunk({ role: "assistant" }));
  for (const s of specs) out += sseData(cerebrasChunk(s));
  if (opts.done !== false) out += "data: [DONE]\n\n";
  return out;
}

export const USAGE: CerebrasUsage = {
  prompt_tokens: 1000,
  completion_tokens: 50,
  total_tokens: 1050,
  prompt_tokens_details: { cached_tokens: 600 },
};
