// A tiny Anthropic Messages server on 127.0.0.1 that records every request and streams scripted answers:
// the first turn calls the Read tool and reports `firstInputTokens` of input usage, every later turn (and
// a compaction request) answers with text. Enough to see what max_tokens Claude Code sends and whether it
// compacts before its next request (docs/mapping.md#63-context-window-and-compaction).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  url: string;
  body: any;
}

export const COMPACTION_MARKER = "CRITICAL: Respond with TEXT ONLY";

export function isCompactionRequest(req: RecordedRequest): boolean {
  return JSON.stringify(req.body?.messages?.at(-1) ?? "").includes(COMPACTION_MARKER);
}

export interface FakeAnthropic {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startFakeAnthropic(opts: {
  firstInputTokens: number;
  readPath: string;
}): Promise<FakeAnthropic> {
  const requests: RecordedRequest[] = [];
  let turns = 0;
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      let body: any = null;
      try {
        body = JSON.parse(raw);
      } catch {}
      const url = req.url ?? "";
      requests.push({ url, body });
      if (!url.startsWith("/v1/messages") || url.includes("count_tokens") || !body) {
        res.writeHead(404).end();
        return;
      }
      turns++;
      const useTool = turns === 1;
      const input = turns === 1 ? opts.firstInputTokens : 2000;
      const send = (type: string, data: object) =>
        res.write(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`);
      res.writeHead(200, { "content-type": "text/event-stream" });
      send("message_start", {
        message: {
          id: `msg_${turns}`,
          type: "message",
          role: "assistant",
          model: body.model,
          content: [],
          stop_reason: null,
          stop_sequence: null,
          usage: { input_tokens: input, output_tokens: 1 },
        },
      });
      if (useTool) {
        send("content_block_start", {
          index: 0,
          content_block: { type: "tool_use", id: "toolu_1", name: "Read", input: {} },
        });
        send("content_block_delta", {
          index: 0,
          delta: { type: "input_json_delta", partial_json: JSON.stringify({ file_path: opts.readPath }) },
        });
      } else {
        const text = isCompactionRequest({ url, body })
          ? "Summary: the user asked about hello.txt."
          : "It says hello.";
        send("content_block_start", { index: 0, content_block: { type: "text", text: "" } });
        send("content_block_delta", { index: 0, delta: { type: "text_delta", text } });
      }
      send("content_block_stop", { index: 0 });
      send("message_delta", {
        delta: { stop_reason: useTool ? "tool_use" : "end_turn", stop_sequence: null },
        usage: { input_tokens: input, output_tokens: 20 },
      });
      send("message_stop", {});
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
