// A committed Cerebras stream as one ReadableStream: the bytes the peek already read, then the rest of the
// upstream body, captured for the request log. `onEnd` runs once, however the stream ends.

import type { SseCapture } from "./request-log";
import { StallWatchdog, UpstreamStallError } from "./stall";

export type StreamEnd = "done" | "cancelled" | "upstream-failed";

interface ConcatStreamParts {
  /** What the peek already read. */
  prefix: Uint8Array[];
  /** The rest of the upstream body; undefined when the peek read it to the end. */
  rest: ReadableStreamDefaultReader<Uint8Array> | undefined;
  capture: SseCapture;
  onEnd: (end: StreamEnd) => void;
  /** Longest silence of the upstream while a read waits (0: unbounded). */
  idleTimeoutMs?: number;
}

/**
 * A pull source rather than a pipe on purpose: the stall watchdog times exactly the reads the consumer
 * waits for (a pipe reads ahead, so a slow client would look like a silent upstream or hide one).
 */
export function concatStream({
  prefix,
  rest,
  capture,
  onEnd,
  idleTimeoutMs = 0,
}: ConcatStreamParts): ReadableStream<Uint8Array> {
  let i = 0;
  let ended = false;
  let stalled: UpstreamStallError | undefined;
  const watchdog =
    rest && idleTimeoutMs > 0
      ? new StallWatchdog(idleTimeoutMs, () => {
          stalled = new UpstreamStallError("mid-stream", idleTimeoutMs);
          rest.cancel(stalled).catch(() => {});
        })
      : undefined;
  const end = (how: StreamEnd) => {
    if (ended) return;
    ended = true;
    watchdog?.stop();
    onEnd(how);
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (i < prefix.length) {
        const chunk = prefix[i++]!;
        capture.push(chunk);
        controller.enqueue(chunk);
        return;
      }
      if (!rest) {
        end("done");
        controller.close();
        return;
      }
      try {
        watchdog?.begin();
        const r = await rest.read();
        watchdog?.end();
        if (stalled) throw stalled;
        if (r.done) {
          end("done");
          controller.close();
          return;
        }
        capture.push(r.value);
        controller.enqueue(r.value);
      } catch (err) {
        end("upstream-failed");
        controller.error(err);
      }
    },
    cancel(reason) {
      end("cancelled");
      return rest?.cancel(reason);
    },
  });
}
