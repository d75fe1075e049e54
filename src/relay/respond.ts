// Writing the relay's answer to ccr: a buffered body, a piped stream (backpressure-aware), or the
// mapped Anthropic error.

import type { ServerResponse } from "node:http";
import type { MappedError } from "../errors";
import type { Redactor } from "./redact";

const FORWARDED = /^(content-type|cache-control|x-request-id|x-ratelimit-.*)$/i;

/** Upstream response headers worth passing on; hop-by-hop and length/encoding headers are dropped. */
export function forwardableHeaders(h: Headers, extra: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of h.entries()) if (FORWARDED.test(k)) out[k] = v;
  return { ...out, ...extra };
}

export function sendBuffered(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: Uint8Array,
): void {
  res.writeHead(status, { ...headers, "content-length": String(body.byteLength) });
  res.end(body);
}

/** The mapped Anthropic error; `retry-after` only for 429/529, as the mapping table says. */
export function sendAnthropicError(res: ServerResponse, mapped: MappedError, redactor: Redactor): string {
  const text = redactor.redact(JSON.stringify(mapped.body));
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "content-length": String(Buffer.byteLength(text)),
  };
  const retryAfter = mapped.headers["retry-after"];
  if ((mapped.status === 429 || mapped.status === 529) && retryAfter) headers["retry-after"] = retryAfter;
  if (!res.headersSent) {
    res.writeHead(mapped.status, headers);
    res.end(text);
  }
  return text;
}

/** Writes one chunk; resolves false when the client has gone (waits for "drain" when the buffer is full). */
function writeChunk(res: ServerResponse, chunk: Uint8Array): Promise<boolean> {
  if (res.destroyed) return Promise.resolve(false);
  if (res.write(chunk)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      res.off("drain", onDrain);
      res.off("close", onClose);
      resolve(ok);
    };
    const onDrain = () => done(true);
    const onClose = () => done(false);
    res.once("drain", onDrain);
    res.once("close", onClose);
  });
}

/** Writes a committed stream to the client; stops reading when the client goes, drops the connection when the upstream breaks. */
export async function pipeStream(
  res: ServerResponse,
  headers: Record<string, string>,
  body: ReadableStream<Uint8Array>,
): Promise<void> {
  res.writeHead(200, headers);
  const reader = body.getReader();
  for (;;) {
    let r: ReadableStreamReadResult<Uint8Array>;
    try {
      r = await reader.read();
    } catch {
      // Too late to retry: drop the connection so the plugin sees a broken stream, not a clean end.
      if (!res.destroyed) res.destroy();
      return;
    }
    if (r.done) break;
    if (!(await writeChunk(res, r.value))) {
      reader.cancel().catch(() => {});
      return;
    }
  }
  res.end();
}
