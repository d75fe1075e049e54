// Pins four facts about how real ccr (1.0.73 and 2.0.0) treats a provider plugin, observed with
// probe-transformer.cjs between ccr and the Cerebras emulator:
// 1. the client's model name is gone from the Fastify request once the router rewrote body.model;
// 2. `config.url` from transformRequestIn is the fetch URL verbatim, `config.headers` override auth;
// 3. a plugin error with statusCode 400 → HTTP 400 in ccr's own envelope, stack appended;
// 4. ccr re-parses the plugin's stream line by line and writes one Anthropic event per HTTP chunk.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCerebrasEmulator } from "../emulator/server";
import type { Emulator } from "../emulator/types";
import { type CcrInstance, type CcrVersion, startCcr } from "../support/ccr-harness";
import { postRawChunks } from "./http-chunks";

const CLIENT_MODEL = "claude-opus-probe-5";
const PROBE = join(__dirname, "probe-transformer.cjs");

describe.each<CcrVersion>(["1.0.73", "2.0.0"])("ccr %s with a provider plugin", (version) => {
  let emu: Emulator;
  let other: Emulator;
  let ccr: CcrInstance;
  let dir: string;
  let recordFile: string;

  beforeAll(async () => {
    emu = await startCerebrasEmulator();
    other = await startCerebrasEmulator({ keys: ["sk-other"] });
    dir = mkdtempSync(join(tmpdir(), "ccr-probe-"));
    recordFile = join(dir, "records.jsonl");
    writeFileSync(recordFile, "");
    ccr = await startCcr({
      version,
      env: { EMU_KEY: "sk-test" },
      config: {
        LOG_LEVEL: "info",
        transformers: [
          {
            path: PROBE,
            options: {
              recordFile,
              needle: CLIENT_MODEL,
              redirectUrl: `${other.url}/chat/completions`,
              redirectKey: "sk-other",
            },
          },
        ],
        Providers: [
          {
            name: "emu",
            api_base_url: `${emu.url}/chat/completions`,
            api_key: "$EMU_KEY",
            models: ["gpt-oss-120b"],
            transformer: { use: ["probe"] },
          },
        ],
        Router: { default: "emu,gpt-oss-120b" },
      },
    });
  });
  afterAll(async () => {
    await ccr?.stop();
    await emu?.close();
    await other?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const body = (text: string, stream = false) =>
    JSON.stringify({
      model: CLIENT_MODEL,
      max_tokens: 50,
      stream,
      messages: [{ role: "user", content: text }],
    });
  const send = (text: string, stream = false) =>
    fetch(`${ccr.baseUrl}/v1/messages`, {
      method: "POST",
      headers: { "x-api-key": ccr.apiKey, "content-type": "application/json" },
      body: body(text, stream),
    });
  const lastRecord = () => {
    const lines = readFileSync(recordFile, "utf8").trim().split("\n");
    return JSON.parse(lines.at(-1) ?? "{}");
  };

  it("the client's model name survives nowhere on context.req after the router rewrote body.model", async () => {
    expect((await send("hello")).status).toBe(200);
    const rec = lastRecord();
    expect(rec.text).toBe("hello"); // the plugin is active
    expect(rec.bodyModel).toBe("gpt-oss-120b");
    expect(rec.originalModel.visited).toBeGreaterThan(100);
    expect(rec.originalModel.found).toEqual([]);
  });

  it("config.url from transformRequestIn is fetched verbatim and config.headers override Authorization", async () => {
    const before = { emu: emu.requests.length, other: other.requests.length };
    const res = await send("REDIRECT");
    expect(res.status).toBe(200);
    expect(emu.requests.length).toBe(before.emu);
    expect(other.requests.length).toBe(before.other + 1);
    expect(other.requests.at(-1)?.key).toBe("sk-other");
  });

  it("a plugin error with statusCode 400 → HTTP 400 {error:{message: message+stack, type, code}}", async () => {
    for (const stream of [false, true]) {
      const res = await send("THROW400", stream);
      expect(res.status).toBe(400);
      const got = await res.json();
      expect(Object.keys(got)).toEqual(["error"]);
      expect(got.error.type).toBe("api_error");
      expect(got.error.code).toBe("internal_error");
      expect(
        got.error.message.startsWith("probe refuses this requestError: probe refuses this request\n"),
      ).toBe(true);
      expect(got.error.message).toContain("    at ");
    }
  });

  it("the plugin's stream is re-parsed by lines: 7-byte slices still give one whole event per HTTP chunk", async () => {
    emu.enqueue({ content: ["alpha ", "beta ", "gamma"] });
    const res = await postRawChunks(
      `${ccr.baseUrl}/v1/messages`,
      { "x-api-key": ccr.apiKey },
      body("s", true),
    );
    expect(res.status).toBe(200);
    expect(res.chunks.length).toBeGreaterThanOrEqual(8);
    for (const chunk of res.chunks) expect(chunk).toMatch(/^event: \w+\ndata: [^\n]+\n\n$/);
    const text = res.chunks
      .map((c) => JSON.parse(c.slice(c.indexOf("data: ") + 6)))
      .filter((e) => e.delta?.type === "text_delta")
      .map((e) => e.delta.text)
      .join("");
    expect(text).toBe("alpha beta gamma");
  });
});
