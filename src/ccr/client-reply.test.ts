import { createServer, type Server, type ServerResponse } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { AnthropicHttpError } from "../errors";
import { AnthropicClientReply } from "./client-reply";
import type { FastifyReplyLike } from "./fastify-scope";

/** A real HTTP server whose handler gives the test a Fastify-like reply around Node's response. */
let server: Server | undefined;
afterEach(() => {
  server?.closeAllConnections();
  server?.close();
});

async function withReply(write: (reply: FastifyReplyLike) => Promise<void> | void): Promise<{
  status: number;
  headers: Headers;
  text: () => Promise<string>;
  body: ReadableStream<Uint8Array>;
}> {
  server = createServer((_req, res: ServerResponse) => {
    let hijacked = false;
    const reply: FastifyReplyLike = {
      raw: res,
      get sent() {
        return hijacked;
      },
      hijack() {
        hijacked = true;
      },
      getHeaders: () => ({ "access-control-allow-origin": "*", "content-type": "text/plain" }),
    };
    void write(reply);
  });
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
  const res = await fetch(`http://127.0.0.1:${(server.address() as { port: number }).port}/`);
  return { status: res.status, headers: res.headers, text: () => res.text(), body: res.body! };
}

describe("AnthropicClientReply", () => {
  it("an error before anything was sent: the mapped status, Anthropic's envelope, retry-after on a 429", async () => {
    const res = await withReply((reply) =>
      new AnthropicClientReply(reply, 10_000).sendError(
        new AnthropicHttpError({
          status: 429,
          type: "rate_limit_error",
          message: "slow down",
          headers: { "retry-after": "7" },
        }),
      ),
    );
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("7");
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.headers.get("access-control-allow-origin")).toBe("*"); // kept from ccr's hooks
    expect(res.headers.get("request-id")).toMatch(/^req_/);
    expect(JSON.parse(await res.text())).toEqual({
      type: "error",
      error: { type: "rate_limit_error", message: "slow down" },
    });
  });

  it("retry-after only travels with 429 and 529", async () => {
    const res = await withReply((reply) =>
      new AnthropicClientReply(reply, 10_000).sendError(
        new AnthropicHttpError({
          status: 400,
          type: "invalid_request_error",
          message: "bad",
          headers: { "retry-after": "7" },
        }),
      ),
    );
    expect(res.status).toBe(400);
    expect(res.headers.get("retry-after")).toBeNull();
  });

  it("an error on a started stream is one event: error, and the stream ends", async () => {
    const res = await withReply(async (reply) => {
      const client = new AnthropicClientReply(reply, 10_000);
      await client.writeEvents([{ type: "ping" }]);
      await client.sendError(
        new AnthropicHttpError({ status: 529, type: "overloaded_error", message: "busy" }),
      );
      client.end();
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(await res.text()).toBe(
      'event: ping\ndata: {"type":"ping"}\n\nevent: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"busy"}}\n\n',
    );
  });

  it("a started stream with nothing to say sends ping events", async () => {
    let client: AnthropicClientReply | undefined;
    const res = await withReply((reply) => {
      client = new AnthropicClientReply(reply, 20);
      client.startStream();
    });
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let text = "";
    // Bounded by the test timeout; ends as soon as two pings arrived.
    while ((text.match(/event: ping/g) ?? []).length < 2)
      text += decoder.decode((await reader.read()).value, { stream: true });
    client?.end();
    expect(text.startsWith('event: ping\ndata: {"type":"ping"}\n\n')).toBe(true);
  });
});
