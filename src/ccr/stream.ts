// Cerebras SSE body → the chunk stream ccr's converter reads (see encoder.ts for the mapping): the
// translated events piped through the encoder. Piped streams keep backpressure, so a slow client slows
// the upstream read instead of buffering it; each encoded event is enqueued on its own, because ccr's
// converter handles one event per read reliably (S1).

import type { ErrorContext } from "../errors";
import { cerebrasSseToAnthropicEvents } from "../stream/event-stream";
import { CerebrasToAnthropicStream } from "../stream/translator";
import { CcrChunkEncoder, coalesceAnthropicDeltas } from "./encoder";

/** What translating one answer needs to know about its request. */
export interface AnswerState {
  /** The model name the client sent, which the response echoes. */
  requestedModel: string;
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
    requestedModel: state.requestedModel,
    messageId: state.messageId,
    estimatedInputTokens: state.estimatedInputTokens,
    errorContext: state.errorContext,
  });
  const encoder = new CcrChunkEncoder(state.messageId, state.requestedModel);
  const bytes = new TextEncoder();
  return cerebrasSseToAnthropicEvents<Uint8Array>(upstream, {
    translator,
    encode(batch, enqueue) {
      for (const e of coalesce ? coalesceAnthropicDeltas(batch) : batch) {
        const text = encoder.encode(e);
        if (text) enqueue(bytes.encode(text));
      }
    },
    onEnd: () => state.release(),
  });
}
