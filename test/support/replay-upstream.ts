// A minimal upstream that replays recorded Cerebras responses byte for byte (fixtures), records what it
// was sent, and lists models on GET /v1/models. The strict, behaving emulator is test/emulator/.

import { createServer, type IncomingMessage, type Server } from "node:http";

export interface ReplayResponse {
  status?: number;
  headers?: Record<string, string>;
  /** The body, sent as is; an array is written piece by piece (one write per element). */
  body: string | string[];
  /** Pause between two pieces. */
  delayMs?: number;
}

export interface ReplayUpstream {
  /** Base URL ending in /v1 (append /chat/completions for ccr's api_base_url). */
  url: string;
  requests: Array<{
    path: string;
    headers: IncomingMessage["headers"];
    body: any;
    /** The connection closed before the whole answer was written (the caller went away). */
    closedEarly?: boolean;
  }>;
  enqueue(...r: ReplayResponse[]): void;
  close(): Promise<void>;
}

export async function startReplayUpstream(opts: { models?: string[] } = {}): Promise<ReplayUpstream> {
  const queue: ReplayResponse[] = [];
  const requests: ReplayUpstream["requests"] = [];
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (d) => {
      raw += d;
    });
    req.on("end", async () => {
      const path = (req.url ?? "").split("?")[0] ?? "";
      if (req.method === "GET" && path === "/v1/models") {
        const ids = opts.models ?? ["gpt-oss-120b", "qwen-3.8-27b", "zai-glm-4.7"];
        res.writeHead(200, { "content-type": "application/json" });
        res.end(
          JSON.stringify({
            object: "list",
            data: ids.map((id) => ({ id, object: "model", owned_by: "Cerebras" })),
          }),
        );
        return;
      }
      let body: unknown = raw;
      try {
        body = JSON.parse(raw);
      } catch {}
      const record: ReplayUpstream["requests"][number] = { path, headers: req.headers, body };
      requests.push(record);
      res.on("close", () => {
        if (!res.writableFinished) record.closedEarly = true;
      });
      const next = queue.shift();
      if (!next) {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(
          JSON.stringify({ message: "replay queue empty", type: "server_error", code: "internal_error" }),
        );
        return;
      }
      const isSse =
        typeof next.body !== "string" || next.body.startsWith("data:") || next.body.startsWith("event:");
      res.writeHead(next.status ?? 200, {
        "content-type": isSse ? "text/event-stream" : "application/json",
        ...next.headers,
      });
      const parts = typeof next.body === "string" ? [next.body] : next.body;
      for (const p of parts) {
        if (res.destroyed) return;
        res.write(p);
        await new Promise((r) => (next.delayMs ? setTimeout(r, next.delayMs) : setImmediate(r)));
      }
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue: (...r) => queue.push(...r),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
