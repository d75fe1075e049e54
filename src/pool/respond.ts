// The key pool's answers: which upstream headers pass on, and the mapped Anthropic error of its status
// endpoint.

import type { ServerResponse } from "node:http";
import type { AnthropicHttpError } from "../errors";
import type { Redactor } from "./redact";

const FORWARDED = /^(content-type|cache-control|x-request-id|x-ratelimit-.*)$/i;

/** Upstream response headers worth passing on; hop-by-hop and length/encoding headers are dropped. */
export function forwardableHeaders(h: Headers, extra: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of h.entries()) if (FORWARDED.test(k)) out[k] = v;
  return { ...out, ...extra };
}

/** The mapped Anthropic error; `retry-after` only for 429/529, as the mapping table says. */
export function sendAnthropicError(
  res: ServerResponse,
  mapped: AnthropicHttpError,
  redactor: Redactor,
): string {
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
