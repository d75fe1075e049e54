// Anthropic stream events → SSE text. Every event is named, and its data repeats the type
// (docs/mapping.md#62-streams-claude-code-accepts); JSON.stringify escapes line breaks, so one `data:` line always suffices.

import type { AnthropicStreamEvent } from "../wire/anthropic";

export function encodeAnthropicSseEvent(e: AnthropicStreamEvent): string {
  // Text and thinking deltas are nearly every event of a stream: build them without serialising the
  // whole object (same bytes as JSON.stringify, whose key order the translator fixes).
  if (e.type === "content_block_delta") {
    const d = e.delta;
    if (d.type === "text_delta") {
      return `event: content_block_delta\ndata: {"type":"content_block_delta","index":${e.index},"delta":{"type":"text_delta","text":${JSON.stringify(d.text)}}}\n\n`;
    }
    if (d.type === "thinking_delta") {
      return `event: content_block_delta\ndata: {"type":"content_block_delta","index":${e.index},"delta":{"type":"thinking_delta","thinking":${JSON.stringify(d.thinking)}}}\n\n`;
    }
  }
  return `event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`;
}

export function encodeAnthropicSseEvents(events: readonly AnthropicStreamEvent[]): string {
  let out = "";
  for (const e of events) out += encodeAnthropicSseEvent(e);
  return out;
}
