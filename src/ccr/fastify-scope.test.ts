import diagnostics from "node:diagnostics_channel";
import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { currentFastifyHandler, watchFastifyHandlers } from "./fastify-scope";

watchFastifyHandlers();
const handler = diagnostics.tracingChannel("fastify.request.handler");

function fakeHandlerMessage() {
  const raw = new EventEmitter();
  const reply = { raw, sent: false, hijack: () => {}, getHeaders: () => ({}) };
  return { raw, message: { request: { body: {} }, reply } };
}

describe("the Fastify handler seen from a transformer", () => {
  it("is the request and reply of the handler that runs", () => {
    const { message } = fakeHandlerMessage();
    handler.traceSync(() => {
      expect(currentFastifyHandler()?.request).toBe(message.request);
      expect(currentFastifyHandler()?.reply).toBe(message.reply);
    }, message);
    expect(currentFastifyHandler()).toBeUndefined();
  });

  it("a timer made in the handler no longer holds the request once the response closed (soak: +64 MB a minute)", async () => {
    const { raw, message } = fakeHandlerMessage();
    let later: Promise<unknown> = Promise.resolve("not run");
    handler.traceSync(() => {
      // Like ccr's one-hour AbortSignal.timeout: an async resource made in the handler outlives it.
      later = new Promise((resolve) => setTimeout(() => resolve(currentFastifyHandler()), 5));
    }, message);
    raw.emit("close");
    expect(await later).toBeUndefined();
  });
});
