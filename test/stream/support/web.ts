// Test helper (production pumps the translator in src/ccr/stream.ts): a Cerebras SSE body → an Anthropic
// SSE body, one output chunk per upstream read.
// Pull-based, so the upstream is read only as fast as the client consumes; cancelling the output
// cancels the upstream read, which aborts the Cerebras request (ccr S16).

import { encodeAnthropicSseEvents } from "../../../src/stream/sse";
import { CerebrasToAnthropicStream, type StreamTranslationOptions } from "../../../src/stream/translator";

export function cerebrasSseToAnthropicSse(
  upstream: ReadableStream<Uint8Array>,
  opts: StreamTranslationOptions,
): ReadableStream<Uint8Array> {
  const translator = new CerebrasToAnthropicStream(opts);
  const encoder = new TextEncoder();
  const reader = upstream.getReader();

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      for (;;) {
        let events: ReturnType<CerebrasToAnthropicStream["push"]>;
        let upstreamDone = false;
        try {
          const r = await reader.read();
          upstreamDone = r.done;
          events = r.done ? translator.end() : translator.push(r.value);
        } catch (err) {
          upstreamDone = true;
          events = translator.fail(err);
        }
        if (events.length > 0) controller.enqueue(encoder.encode(encodeAnthropicSseEvents(events)));
        if (translator.finished || upstreamDone) {
          controller.close();
          if (!upstreamDone) reader.cancel().catch(() => {});
          return;
        }
        if (events.length > 0) return;
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}
