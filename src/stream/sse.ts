// Anthropic stream events → SSE text. Every event is named, and its data repeats the type
// (claude-code.md §9.1); JSON.stringify escapes line breaks, so one `data:` line always suffices.

import type { AnthropicStreamEvent } from "../wire/anthropic";

export function encodeAnthropicSseEvent(e: AnthropicStreamEvent): string {
  return `event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`;
}

export function encodeAnthropicSseEvents(events: readonly AnthropicStreamEvent[]): string {
  let out = "";
  for (const e of events) out += encodeAnthropicSseEvent(e);
  return out;
}
