import { createServer, type IncomingMessage, type Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { requestedModel, watchRequestedModels } from "./requested-model";

let server: Server | undefined;
afterEach(() => {
  server?.closeAllConnections();
  server?.close();
});

/** Posts `body` to a real server and returns what requestedModel saw, after the server read the body itself. */
async function seen(path: string, body: string): Promise<{ model: string | undefined; received: string }> {
  watchRequestedModels();
  let result: { model: string | undefined; received: string } | undefined;
  server = createServer((req: IncomingMessage, res) => {
    let received = "";
    req.setEncoding("utf8");
    req.on("data", (d) => {
      received += d;
    });
    req.on("end", () => {
      result = { model: requestedModel(req), received };
      res.end("ok");
    });
  });
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
  const res = await fetch(`http://127.0.0.1:${(server.address() as { port: number }).port}${path}`, {
    method: "POST",
    body,
  });
  await res.text();
  return result!;
}

describe("requestedModel", () => {
  it("reads the model a messages request was sent with, and the body still arrives whole", async () => {
    const body = JSON.stringify({
      max_tokens: 5,
      messages: [{ role: "user", content: "x".repeat(100_000) }],
      model: "claude-x",
    });
    expect(await seen("/v1/messages?beta=true", body)).toEqual({ model: "claude-x", received: body });
  });

  it("leaves other paths alone", async () => {
    expect((await seen("/v1/messages/count_tokens", '{"model":"claude-x"}')).model).toBeUndefined();
  });
});
