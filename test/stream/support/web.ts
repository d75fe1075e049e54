// Test helper (production pumps the translator in src/ccr/stream.ts and src/ccr/exchange.ts): a Cerebras
// SSE body → an Anthropic SSE body, one output chunk per upstream read. Piped, so the upstream is read only
// as fast as the client consumes; cancelling the output cancels the upstream read, which aborts the
// Cerebras request (ccr S16).

import { cerebrasSseToAnthropicEvents } from "../../../src/stream/event-stream";
import { encodeAnthropicSseEvents } from "../../../src/stream/sse";
import { CerebrasToAnthropicStream, type StreamTranslationOptions } from "../../../src/stream/translator";

export function cerebrasSseToAnthropicSse(
  upstream: ReadableStream<Uint8Array>,
  opts: StreamTranslationOptions,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return cerebrasSseToAnthropicEvents<Uint8Array>(upstream, {
    translator: new CerebrasToAnthropicStream(opts),
    encode: (events, enqueue) => enqueue(encoder.encode(encodeAnthropicSseEvents(events))),
  });
}
