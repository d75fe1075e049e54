// Upstream resilience through REAL ccr: the plugin routes ccr's upstream call through its relay, which
// rotates keys on 429, retries capacity errors, and turns final failures into the mapped Anthropic error
// that ccr then wraps (docs/ccr-contract.md#92-what-a-plugin-cannot-change) — what a client actually receives is asserted here.

import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import Anthropic from "@anthropic-ai/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startCerebrasEmulator } from "../emulator/server";
import { type CcrInstance, type CcrVersion, startCcr } from "../support/ccr-harness";
import { eventually } from "../support/eventually";
import { builtPluginPath, pluginCcrConfig } from "../support/plugin-path";

const KEYS = { alpha: "sk-alpha-0123456789", beta: "sk-beta-9876543210" };
const fixture = (name: string) => JSON.parse(readFileSync(`test/fixtures/cerebras/${name}`, "utf8"));

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

describe.each<CcrVersion>(["2.0.0", "1.0.73"])("relay through real ccr %s", (version) => {
  let emu: Emulator;
  let ccr: CcrInstance;
  let client: Anthropic;

  beforeAll(async () => {
    emu = await startCerebrasEmulator({ models: ["zai-glm-4.7", "gpt-oss-120b"], keys: Object.values(KEYS) });
    ccr = await startCcr({
      version,
      env: { CEREBRAS_API_KEYS: JSON.stringify(KEYS) },
      config: {
        LOG_LEVEL: "debug", // ccr's default: it logs every upstream request with its headers
        transformers: [
          { path: builtPluginPath(), options: { defaultModel: "zai-glm-4.7", requestLog: true } },
        ],
        Providers: [
          {
            name: "cerebras",
            api_base_url: `${emu.url}/chat/completions`,
            api_key: "$CEREBRAS_API_KEY", // unset: the plugin uses the CEREBRAS_API_KEYS pool
            models: ["zai-glm-4.7", "gpt-oss-120b"],
            transformer: { use: ["ccr-cerebras"] },
          },
        ],
        Router: { default: "cerebras,zai-glm-4.7" },
      },
    });
    client = new Anthropic({ baseURL: ccr.baseUrl, apiKey: ccr.apiKey, maxRetries: 0 });
  });

  afterAll(async () => {
    await ccr?.stop();
    await emu?.close();
  });

  const ask = (content = "hi") =>
    client.messages.create({
      model: "cerebras,zai-glm-4.7",
      max_tokens: 1024,
      messages: [{ role: "user", content }],
    });

  it("a 429 on the current key is retried on the next key within the same client request", async () => {
    const first = emu.requests.length;
    emu.enqueue({ content: "warm" });
    await ask();
    const current = emu.requests.at(-1)!.key!;
    emu.setKeyBehaviour(current, { rateLimitFor: 1, code: "token_quota_exceeded", resetSeconds: 30 });
    emu.enqueue({ content: "served by the other key" });
    const msg = await ask();
    expect(msg.content[0]).toMatchObject({ text: "served by the other key" });
    const keys = emu.requests.slice(first + 1).map((r) => `${r.key}:${r.status}`);
    const other = Object.values(KEYS).find((k) => k !== current);
    expect(keys).toEqual([`${current}:429`, `${other}:200`]);
  });

  it("queue_exceeded twice, then success: the client sees one successful response", async () => {
    const queue = fixture("error_429_queue_exceeded.json");
    emu.enqueue(
      { fault: { kind: "http", status: 429, body: queue } },
      { fault: { kind: "http", status: 429, body: queue } },
      { content: "after the queue cleared" },
    );
    const msg = await client.messages
      .stream({
        model: "cerebras,zai-glm-4.7",
        max_tokens: 1024,
        messages: [{ role: "user", content: "hi" }],
      })
      .finalMessage();
    expect(msg.content[0]).toMatchObject({ text: "after the queue cleared" });
  });

  it("Cerebras' context-length 400 reaches the client as 'prompt is too long: X tokens > Y maximum', unretried", async () => {
    const before = emu.requests.length;
    emu.enqueue({ fault: { kind: "http", status: 400, body: fixture("error_400_context_length.json") } });
    const err = await ask().catch((e) => e);
    expect(err).toBeInstanceOf(Anthropic.BadRequestError);
    expect(String(err.message)).toContain("prompt is too long: 69553 tokens > 65536 maximum");
    expect(emu.requests.length - before).toBe(1);
  });

  it("a model Cerebras no longer serves: 410 (Claude Code shows it; a 404 it replaces) naming the retirement and the live models", async () => {
    emu.enqueue({ fault: { kind: "http", status: 404, body: fixture("error_404_model_not_found.json") } });
    const err = await ask().catch((e) => e);
    expect(err).toBeInstanceOf(Anthropic.APIError);
    expect(err.status).toBe(410);
    expect(String(err.message)).toMatch(
      /zai-glm-4\.7.*retired by Cerebras on 2026-08-17.*Live models: .*gpt-oss-120b/s,
    );
  });

  it("shows the pool with `status` (names only), and logs requests without any key value", async () => {
    const run = await promisify(execFile)(process.execPath, [builtPluginPath(), "status"], {
      env: { PATH: process.env.PATH, HOME: ccr.home },
    });
    expect(run.stdout).toMatch(/alpha/);
    expect(run.stdout).toMatch(/beta/);
    const files = walk(join(ccr.home, ".claude-code-router", "logs", "cerebras"));
    expect(files.length).toBeGreaterThan(0);
    const everything = [run.stdout, await ccr.logs(), ...files.map((f) => readFileSync(f, "utf8"))].join(
      "\n",
    );
    for (const key of Object.values(KEYS)) expect(everything).not.toContain(key);
  });
});

describe.each<CcrVersion>(["2.0.0", "1.0.73"])("a revoked pool key through real ccr %s", (version) => {
  let emu: Emulator;
  let ccr: CcrInstance;

  beforeAll(async () => {
    emu = await startCerebrasEmulator({ models: ["gpt-oss-120b"], keys: Object.values(KEYS) });
    ccr = await startCcr({
      version,
      env: { CEREBRAS_API_KEYS: JSON.stringify(KEYS) },
      config: { LOG_LEVEL: "info", ...pluginCcrConfig({ upstreamUrl: emu.url }) },
    });
  });

  afterAll(async () => {
    await ccr?.stop();
    await emu?.close();
  });

  it("is taken out of rotation by name (status view, ccr's log) while the other key serves", async () => {
    const client = new Anthropic({ baseURL: ccr.baseUrl, apiKey: ccr.apiKey, maxRetries: 0 });
    const ask = async (text: string) => {
      emu.enqueue({ content: text });
      const msg = await client.messages.create({
        model: "cerebras,gpt-oss-120b",
        max_tokens: 256,
        messages: [{ role: "user", content: "hi" }],
      });
      return msg.content[0];
    };
    emu.setKeyBehaviour(KEYS.alpha, { revoked: true });
    expect(await ask("served by the healthy key")).toMatchObject({ text: "served by the healthy key" });
    expect(await ask("and again")).toMatchObject({ text: "and again" });
    expect(emu.requests.map((r) => `${r.key}:${r.status}`)).toEqual([
      `${KEYS.alpha}:401`,
      `${KEYS.beta}:200`,
      `${KEYS.beta}:200`,
    ]);
    const run = await promisify(execFile)(process.execPath, [builtPluginPath(), "status"], {
      env: { PATH: process.env.PATH, HOME: ccr.home },
    });
    expect(run.stdout).toMatch(/alpha\s+removed \(401\)/);
    const warning = 'Cerebras refused pool key \\"alpha\\" (401)';
    expect(await eventually(ccr.logs, (t) => t.includes(warning))).toContain(warning);
  });
});

describe("ccr 2.0.0 fallback still works with the plugin calling Cerebras", () => {
  let emu: Emulator;
  let ccr: CcrInstance;

  beforeAll(async () => {
    emu = await startCerebrasEmulator({ models: ["gpt-oss-120b"], keys: ["sk-fb"] }); // zai-glm-4.7: 404
    const provider = (name: string) => ({
      name,
      api_base_url: `${emu.url}/chat/completions`,
      api_key: "sk-fb",
      models: ["zai-glm-4.7", "gpt-oss-120b"],
      transformer: { use: ["ccr-cerebras"] },
    });
    ccr = await startCcr({
      version: "2.0.0",
      config: {
        transformers: [{ path: builtPluginPath(), options: {} }],
        Providers: [provider("cerebras"), provider("backup")],
        Router: { default: "cerebras,zai-glm-4.7" },
        fallback: { default: ["backup,gpt-oss-120b"] },
      },
    });
  });

  afterAll(async () => {
    await ccr?.stop();
    await emu?.close();
  });

  it("a model Cerebras no longer serves falls back to the configured fallback model", async () => {
    emu.enqueue({ content: "answered by the fallback" });
    const client = new Anthropic({ baseURL: ccr.baseUrl, apiKey: ccr.apiKey, maxRetries: 0 });
    const msg = await client.messages.create({
      model: "claude-sonnet-4-5-20250929",
      max_tokens: 1024,
      messages: [{ role: "user", content: "hi" }],
    });
    expect(msg.content[0]).toMatchObject({ text: "answered by the fallback" });
    expect(emu.requests.map((r) => `${(r.body as { model: string }).model}:${r.status}`)).toEqual([
      "zai-glm-4.7:404",
      "gpt-oss-120b:200",
    ]);
  });
});
