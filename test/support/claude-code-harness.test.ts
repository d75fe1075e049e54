// The Claude Code harness against a tiny fake Anthropic Messages server (one text answer).

import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { claudeCodeArgs, runClaudeCode } from "./claude-code-harness";

const ANSWER = "The fake server says hello.";

interface Seen {
  method: string;
  url: string;
  authorization: string | undefined;
  body: any;
}

function sse(res: ServerResponse, events: object[]) {
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  for (const e of events) res.write(`event: ${(e as { type: string }).type}\ndata: ${JSON.stringify(e)}\n\n`);
  res.end();
}

function answer(req: IncomingMessage, res: ServerResponse, body: any) {
  if (!req.url?.startsWith("/v1/messages") || req.method !== "POST") {
    res.writeHead(404).end();
    return;
  }
  if (req.url.startsWith("/v1/messages/count_tokens")) {
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ input_tokens: 10 }));
    return;
  }
  const message = {
    id: "msg_fake01",
    type: "message",
    role: "assistant",
    model: body?.model ?? "claude-opus-5-5",
    content: [] as object[],
    stop_reason: null as string | null,
    stop_sequence: null,
    usage: { input_tokens: 12, output_tokens: 1 },
  };
  if (body?.stream !== true) {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({ ...message, content: [{ type: "text", text: ANSWER }], stop_reason: "end_turn" }),
    );
    return;
  }
  sse(res, [
    { type: "message_start", message },
    { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
    { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: ANSWER } },
    { type: "content_block_stop", index: 0 },
    {
      type: "message_delta",
      delta: { stop_reason: "end_turn", stop_sequence: null },
      usage: { output_tokens: 7 },
    },
    { type: "message_stop" },
  ]);
}

let server: Server;
let baseUrl: string;
let cwd: string;
const seen: Seen[] = [];

beforeAll(async () => {
  cwd = mkdtempSync(join(tmpdir(), "claude-cwd-"));
  server = createServer((req, res) => {
    let raw = "";
    req.on("data", (b) => {
      raw += b;
    });
    req.on("end", () => {
      let body: any;
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
      seen.push({
        method: req.method ?? "",
        url: req.url ?? "",
        authorization: req.headers.authorization,
        body,
      });
      if (body?.messages?.some((m: any) => JSON.stringify(m).includes("HANG"))) return; // never answers
      answer(req, res, body);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  rmSync(cwd, { recursive: true, force: true });
});

it("passes allowedTools with `=` so the variadic option cannot swallow later arguments", () => {
  expect(
    claudeCodeArgs({ prompt: "p", allowedTools: ["Read", "Bash(echo:*)"], extraArgs: ["--model", "m"] }),
  ).toEqual([
    "-p",
    "p",
    "--output-format",
    "stream-json",
    "--verbose",
    "--allowedTools=Read,Bash(echo:*)",
    "--model",
    "m",
  ]);
});

it("runs Claude Code against the fake server: exit 0, the answer as result, the token as Bearer", async () => {
  const run = await runClaudeCode({
    baseUrl,
    authToken: "fake-token",
    prompt: "Say hello",
    cwd,
    allowedTools: ["Read"],
    timeoutMs: 60_000,
  });
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  expect(run.events.some((e) => e.type === "system" && e.subtype === "init")).toBe(true);
  expect(run.result?.subtype).toBe("success");
  expect(run.result?.is_error).toBe(false);
  expect(run.result?.result).toBe(ANSWER);
  const messages = seen.filter((s) => s.url.startsWith("/v1/messages") && !s.url.includes("count_tokens"));
  expect(messages.length).toBeGreaterThanOrEqual(1);
  expect(messages.every((s) => s.authorization === "Bearer fake-token")).toBe(true);
}, 90_000);

it("kills Claude Code by PID when it runs past timeoutMs", async () => {
  const run = await runClaudeCode({ baseUrl, authToken: "fake-token", prompt: "HANG", cwd, timeoutMs: 2500 });
  expect(run.timedOut).toBe(true);
  expect(run.code === 0).toBe(false);
}, 30_000);
