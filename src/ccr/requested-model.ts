// The `model` the client sent. ccr's router overwrites `body.model` with the routed Cerebras id before
// any plugin runs, and the Anthropic API echoes the requested name, so the name is read from the request
// bytes as Node receives them: the `http.server.request.start` diagnostics channel hands over each
// request before Fastify reads it, and the body bytes are scanned on their way into the stream.
// @see https://nodejs.org/api/diagnostics_channel.html#http
// @see docs/ccr-exact-answers.md

import diagnostics from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import { TopLevelJsonStringScanner } from "./top-level-field";

const scanners = new WeakMap<IncomingMessage, TopLevelJsonStringScanner>();
let watching = false;

/** Messages requests only: `/v1/messages` at the end of the path (ccr's own and its preset routes). */
const MESSAGES_PATH = /\/v1\/messages(?:\?|$)/;

function scanRequest(req: IncomingMessage): void {
  const scanner = new TopLevelJsonStringScanner("model");
  scanners.set(req, scanner);
  const decoder = new TextDecoder();
  const push = req.push;
  // Node's HTTP parser hands every body chunk to `push`; this instance's copy reads it on the way.
  req.push = function scanPush(this: IncomingMessage, chunk: unknown, encoding?: BufferEncoding) {
    if (chunk !== null && chunk !== undefined && !scanner.done) {
      scanner.feed(typeof chunk === "string" ? chunk : decoder.decode(chunk as Uint8Array, { stream: true }));
    }
    if (chunk === null || scanner.done) req.push = push;
    return push.call(this, chunk, encoding);
  };
}

/** Idempotent; to be called once the plugin is loaded into ccr. */
export function watchRequestedModels(): void {
  if (watching) return;
  watching = true;
  diagnostics.subscribe("http.server.request.start", (message) => {
    const req = (message as { request?: IncomingMessage }).request;
    if (req?.method === "POST" && MESSAGES_PATH.test(req.url ?? "")) scanRequest(req);
  });
}

/** The model name in the body the client sent, when it was seen. */
export function requestedModel(req: IncomingMessage | undefined): string | undefined {
  return req ? scanners.get(req)?.value : undefined;
}
