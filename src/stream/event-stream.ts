// The one way the stream translator is joined to a stream: the Cerebras SSE body is piped into a
// TransformStream around CerebrasToAnthropicStream (as vercel/ai's parseJsonEventStream pipes an event
// stream through its parser), which yields one array of Anthropic events per upstream read. Consumers
// `pipeThrough` it further (ccr's chunk encoding) or read it (the client reply, a whole message).
//
// Two things a plain `pipeThrough` would lose are kept: a failed upstream read is not an error of the
// output but the translator's `error` event (a broken stream never ends silently), and once the
// translator has finished (message_stop or an error) the upstream is cancelled, which aborts the
// Cerebras request; cancelling the output does the same.
// @see https://github.com/vercel/ai/blob/main/packages/provider-utils/src/parse-json-event-stream.ts

import type { AnthropicStreamEvent } from "../wire/anthropic";
import type { CerebrasToAnthropicStream } from "./translator";

/** A failed upstream read, handed to the translator in place of bytes. */
class UpstreamReadFailure {
  constructor(readonly error: unknown) {}
}

type UpstreamPiece = Uint8Array | UpstreamReadFailure;

interface EventStreamOptions<O> {
  /** The translator to run (it may already have emitted `message_start`, see its `begin()`). */
  translator: CerebrasToAnthropicStream;
  /**
   * Turns the events of one piece into the output's chunks (ccr's chunks, SSE text); by default the
   * output is the arrays of events themselves. Encoding in the same stage keeps a cancelled output
   * cancelling the upstream before it settles (a second piped stage would pass it on ticks later).
   */
  encode?: (events: AnthropicStreamEvent[], enqueue: (chunk: O) => void) => void;
  /** Runs once when the output has ended, however it ended. */
  onEnd?: () => void;
  /**
   * Translate only this many bytes of the first upstream read before its events go out, so the
   * client's first content waits for nothing else (the rest of that read follows right after).
   */
  firstSliceBytes?: number;
}

/**
 * A transformer with the `cancel` hook of the Streams standard, which Node (20.x too) calls when the
 * readable side is cancelled; TypeScript's lib does not declare it yet.
 * @see https://streams.spec.whatwg.org/#dom-transformer-cancel
 */
type CancellableTransformer<I, O> = Transformer<I, O> & {
  cancel?: (reason: unknown) => void | Promise<void>;
};

/** Cerebras SSE bytes (a failed read included) → Anthropic events (encoded), one piece at a time. */
function translatingTransformer<O>(
  { translator, firstSliceBytes = 0, encode, onEnd }: EventStreamOptions<O>,
  onCancel: (reason: unknown) => Promise<void>,
): CancellableTransformer<UpstreamPiece, O> {
  let first = firstSliceBytes > 0;
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    onEnd?.();
  };
  const emit = (events: AnthropicStreamEvent[], controller: TransformStreamDefaultController<O>) => {
    if (events.length > 0) {
      if (encode) encode(events, (chunk) => controller.enqueue(chunk));
      else controller.enqueue(events as O);
    }
    if (translator.finished) {
      end();
      controller.terminate();
    }
  };
  return {
    async transform(piece, controller) {
      if (piece instanceof UpstreamReadFailure) return emit(translator.fail(piece.error), controller);
      if (first && piece.byteLength > firstSliceBytes) {
        first = false;
        emit(translator.push(piece.subarray(0, firstSliceBytes)), controller);
        if (translator.finished) return;
        // One turn of the event loop: the reader writes the first events before the rest is translated.
        await new Promise<void>((resolve) => setImmediate(resolve));
        piece = piece.subarray(firstSliceBytes);
      }
      first = false;
      emit(translator.push(piece), controller);
    },
    flush(controller) {
      emit(translator.end(), controller);
      end();
    },
    async cancel(reason) {
      end();
      await onCancel(reason);
    },
  };
}

/**
 * Pipes `upstream` into the translator. A failed read reaches it as an {@link UpstreamReadFailure} (the
 * pipe leaves the translator's side open for it: `preventAbort`); an empty body (null) is a stream that
 * ended at once. Cancelling the output cancels `upstream` with the same reason before it settles.
 */
export function cerebrasSseToAnthropicEvents<O = AnthropicStreamEvent[]>(
  upstream: ReadableStream<Uint8Array> | null,
  options: EventStreamOptions<O>,
): ReadableStream<O> {
  const source = upstream ?? new ReadableStream<Uint8Array>({ start: (c) => c.close() });
  const stop = new AbortController();
  let cancelled = false;
  let piped: Promise<void> = Promise.resolve();
  const transform = new TransformStream<UpstreamPiece, O>(
    translatingTransformer(options, async (reason) => {
      cancelled = true;
      stop.abort(reason);
      await piped.catch(() => {}); // settles once `upstream` is cancelled
    }),
  );
  piped = source.pipeTo(transform.writable, { preventAbort: true, signal: stop.signal });
  piped.catch(async (error: unknown) => {
    // A read failed (the writable is released and still open), or the output was cancelled or the
    // translator finished (then there is nothing left to tell).
    if (cancelled) return;
    const writer = transform.writable.getWriter();
    try {
      await writer.write(new UpstreamReadFailure(error));
      await writer.close();
    } catch {
      // the output is gone already
    } finally {
      writer.releaseLock();
    }
  });
  return transform.readable;
}
