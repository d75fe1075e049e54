// SSE framing of the chunk stream, with the scripted transport faults, and a writer that batches
// frames and respects backpressure (a 20k-chunk stream must go out quickly).

import type { ServerResponse } from "node:http";
import { setTimeout as delay } from "node:timers/promises";
import type { Fault } from "./types";

export const RESET = Symbol("reset");
export const END = Symbol("end");
export type Frame = string | typeof RESET | typeof END;

const dataLine = (obj: unknown) => `data: ${JSON.stringify(obj)}\n\n`;

/** The frames a fault injects at its position; `stop` says whether the stream ends there. */
function faultFrames(fault: Fault, chunkId: string): { frames: Frame[]; stop: boolean } {
  switch (fault.kind) {
    case "midstream-error-chunk":
      return { frames: [dataLine({ error: fault.error, status_code: fault.status_code }), END], stop: true };
    case "midstream-error-event":
      return {
        frames: [`event: error\n${dataLine({ error: fault.error, status_code: fault.status_code })}`, END],
        stop: true,
      };
    case "truncate":
      return { frames: [END], stop: true };
    case "reset":
      return { frames: [RESET], stop: true };
    case "malformed-json":
      return {
        frames: [`data: {"id":"${chunkId}","choices":[{"delta":{"content":"unterminated\n\n`],
        stop: false,
      };
    default:
      return { frames: [], stop: false };
  }
}

/** `data:` frames for `chunks`, the fault at its `afterChunks` position, then `data: [DONE]`. */
export function* sseFrames(chunks: Iterable<object>, chunkId: string, fault?: Fault): Generator<Frame> {
  const at = fault && "afterChunks" in fault ? Math.max(0, fault.afterChunks) : -1;
  let written = 0;
  for (const c of chunks) {
    if (written === at && fault) {
      const f = faultFrames(fault, chunkId);
      yield* f.frames;
      if (f.stop) return;
    }
    yield dataLine(c);
    written++;
  }
  if (at >= written && fault) {
    const f = faultFrames(fault, chunkId);
    yield* f.frames;
    if (f.stop) return;
  }
  yield fault?.kind === "no-trailing-newline" ? "data: [DONE]" : "data: [DONE]\n\n";
}

function waitDrainOrClose(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.once("drain", done);
    res.once("close", done);
  });
}

export async function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return;
  await delay(ms, undefined, { signal }).catch(() => undefined);
}

const BATCH_BYTES = 16 * 1024;

/**
 * Writes frames to `res` (headers must already be set). Frames are coalesced into ~16 KB writes
 * unless `delayMs` asks for one write per chunk; stops early when the client goes away.
 */
export async function writeFrames(
  res: ServerResponse,
  frames: Iterable<Frame>,
  opts: { delayMs?: number; signal: AbortSignal },
): Promise<void> {
  const perChunk = (opts.delayMs ?? 0) > 0;
  let batch = "";
  const gone = () => opts.signal.aborted || res.destroyed;
  const flush = async () => {
    if (!batch) return;
    const ok = res.write(batch);
    batch = "";
    if (!ok) await waitDrainOrClose(res);
  };
  for (const frame of frames) {
    if (gone()) return;
    if (frame === END) {
      await flush();
      res.end();
      return;
    }
    if (frame === RESET) {
      if (batch) await new Promise((r) => res.write(batch, () => r(undefined)));
      res.socket?.destroy();
      return;
    }
    if (perChunk) {
      await sleep(opts.delayMs ?? 0, opts.signal);
      if (gone()) return;
    }
    batch += frame;
    if (perChunk || batch.length >= BATCH_BYTES) await flush();
  }
  await flush();
  if (!gone()) res.end();
}
