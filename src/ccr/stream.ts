// Cerebras SSE body → the chunk stream ccr's converter reads (see encoder.ts for the mapping). Pull-based,
// so a slow client slows the upstream read instead of buffering it; each encoded event is enqueued on its
// own, because ccr's converter handles one event per read reliably (S1).

import type { ErrorContext } from "../errors";
import { CerebrasToAnthropicStream } from "../stream/translator";
import type { AnthropicStreamEvent } from "../wire/anthropic";
import { CcrChunkEncoder, coalesceAnthropicDeltas } from "./encoder";

/** What translating one answer needs to know about its request. */
export interface AnswerState {
  /** The model name the response echoes. */
  model: string;
  messageId: string;
  estimatedInputTokens: number;
  errorContext: ErrorContext;
  /** The answer is complete: stop watching the client's connection. */
  release(): void;
  /** Merge the deltas of one upstream read (option `coalesceDeltas`). */
  coalesceDeltas: boolean;
}

export function cerebrasSseToCcrStream(
  upstream: ReadableStream<Uint8Array> | null,
  state: Omit<AnswerState, "coalesceDeltas">,
  coalesce = true,
): ReadableStream<Uint8Array> {
  const translator = new CerebrasToAnthropicStream({
    model: state.model,
    messageId: state.messageId,
    estimatedInputTokens: state.estimatedInputTokens,
    errorContext: state.errorContext,
  });
  const encoder = new CcrChunkEncoder(state.messageId, state.model);
  const bytes = new TextEncoder();
  const reader = upstream?.getReader();
  let upstreamDone = !reader;

  const next = async (): Promise<AnthropicStreamEvent[]> => {
    if (upstreamDone || !reader) return translator.end();
    try {
      const { done, value } = await reader.read();
      if (done) {
        upstreamDone = true;
        return translator.end();
      }
      return translator.push(value);
    } catch (err) {
      upstreamDone = true;
      return translator.fail(err);
    }
  };

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      // Bounded: every round reads one upstream chunk or ends the translator.
      for (;;) {
        const read = await next();
        const events = coalesce ? coalesceAnthropicDeltas(read) : read;
        let enqueued = false;
        for (const e of events) {
          const text = encoder.encode(e);
          if (text) {
            controller.enqueue(bytes.encode(text));
            enqueued = true;
          }
        }
        if (translator.finished || upstreamDone) {
          if (!upstreamDone) reader?.cancel().catch(() => {});
          state.release();
          controller.close();
          return;
        }
        if (enqueued) return;
      }
    },
    cancel(reason) {
      state.release();
      return reader?.cancel(reason);
    },
  });
}
