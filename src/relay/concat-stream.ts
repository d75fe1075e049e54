// A committed Cerebras stream as one ReadableStream: the bytes the peek already read, then the rest of the
// upstream body, captured for the request log. `onEnd` runs once, however the stream ends.

import type { SseCapture } from "./request-log";
import { StallWatchdog, UpstreamStallError } from "./stall";

export type StreamEnd = "done" | "cancelled" | "upstream-failed";

export function concatStream(
  prefix: Uint8Array[],
  rest: ReadableStreamDefaultReader<Uint8Array> | undefined,
  capture: SseCapture,
  onEnd: (end: StreamEnd) => void,
  /** Longest silence of the upstream while a read waits (0: unbounded). */
  idleTimeoutMs = 0,
): ReadableStream<Uint8Array> {
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
