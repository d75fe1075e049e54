// The ccr harness: real ccr 1.0.73 and 2.0.0 in a temporary HOME, provider → Cerebras emulator with
// no transformer plugin ("ccr's built-in path"), driven by the real Anthropic SDK.

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Anthropic from "@anthropic-ai/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCerebrasEmulator } from "../emulator/server";
import type { Emulator } from "../emulator/types";
import { type CcrInstance, type CcrVersion, ccrCliPath, startCcr } from "./ccr-harness";
import { eventually } from "./eventually";

const CLIENT_MODEL = "claude-opus-5-5";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe.each<CcrVersion>(["1.0.73", "2.0.0"])("ccr %s built-in path → emulator", (version) => {
  let emu: Emulator;
  let ccr: CcrInstance;
  let client: Anthropic;

  beforeAll(async () => {
    emu = await startCerebrasEmulator({ keys: ["sk-emu"] });
    ccr = await startCcr({
      version,
      env: { EMU_KEY: "sk-emu" },
      config: {
        LOG_LEVEL: "info",
        Providers: [
          {
            name: "emu",
            api_base_url: `${emu.url}/chat/completions`,
            api_key: "$EMU_KEY",
            models: ["gpt-oss-120b"],
            transformer: { use: [] },
          },
        ],
        Router: { default: "emu,gpt-oss-120b" },
      },
    });
    client = new Anthropic({ baseURL: ccr.baseUrl, apiKey: ccr.apiKey, maxRetries: 0 });
  });
  afterAll(async () => {
    await ccr?.stop();
    await emu?.close();
  });

  it("the CLI path is the installed package", () => {
    expect(existsSync(ccrCliPath(version))).toBe(true);
  });

  it("non-streaming: the emulator sees the routed request and the client gets a message", async () => {
    const before = emu.requests.length;
    const msg = await client.messages.create({
      model: CLIENT_MODEL,
      max_tokens: 100,
      messages: [{ role: "user", content: "Hello emulator" }],
    });
    const seen = emu.requests[before];
    expect(seen?.key).toBe("sk-emu");
    expect(seen?.status).toBe(200);
    expect(seen?.body).toMatchObject({ model: "gpt-oss-120b", stream: false });
    expect(msg.type).toBe("message");
    expect(msg.content[0]).toEqual({ type: "text", text: 'You said: "Hello emulator"' });
    expect(msg.stop_reason).toBe("end_turn");
  });

  it("streaming: the SDK accumulates ccr's SSE into the scripted text", async () => {
    emu.enqueue({ reasoning: "thinking", content: ["Hello", " from", " the stream"] });
    const before = emu.requests.length;
    const msg = await client.messages
      .stream({ model: CLIENT_MODEL, max_tokens: 100, messages: [{ role: "user", content: "Stream it" }] })
      .finalMessage();
    expect(emu.requests[before]?.body).toMatchObject({ model: "gpt-oss-120b", stream: true });
    const text = msg.content.flatMap((b) => (b.type === "text" ? [b.text] : [])).join("");
    expect(text).toBe("Hello from the stream");
    expect(msg.stop_reason).toBe("end_turn");
  });

  const claudeCodeTurn = (fixture: string) => {
    const body = JSON.parse(readFileSync(join(__dirname, "..", "fixtures", fixture), "utf8"));
    return fetch(`${ccr.baseUrl}/v1/messages`, {
      method: "POST",
      headers: { "x-api-key": ccr.apiKey, "content-type": "application/json" },
      body: JSON.stringify({ ...body, model: CLIENT_MODEL }),
    });
  };

  it("Claude Code's thinking turn is refused upstream: body.reasoning is unsupported (ccr#407)", async () => {
    const res = await claudeCodeTurn("claude-code-2.1.330/01-main-with-tools-first-turn.json");
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("body.reasoning: property 'body.reasoning' is unsupported");
  });

  it("a multi-block system prompt is refused upstream: system content must be a string (llms#25)", async () => {
    const res = await claudeCodeTurn("claude-code-2.0.77/05-main-with-tools-tool-result.json");
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("body.messages.0.system.content: Input should be a valid string");
  });

  it("the router key is enforced and logs are readable", async () => {
    const res = await fetch(`${ccr.baseUrl}/v1/messages`, { method: "POST", body: "{}" });
    expect(res.status).toBe(401);
    // ccr's logger writes asynchronously, after the answer went out.
    expect(await eventually(ccr.logs, (text) => text.includes("request body"))).toContain("request body");
  });
});

describe("ccr harness lifecycle", () => {
  it("stop() ends the process by PID and removes the temporary HOME", async () => {
    // A provider is needed: with none, 2.0.0 listens on 0.0.0.0 without auth.
    const provider = {
      name: "p",
      api_base_url: "http://127.0.0.1:9/v1/chat/completions",
      api_key: "k",
      models: ["m"],
    };
    const ccr = await startCcr({
      version: "2.0.0",
      config: { Providers: [provider], Router: { default: "p,m" } },
    });
    expect(isAlive(ccr.pid)).toBe(true);
    expect(existsSync(ccr.home)).toBe(true);
    await ccr.stop();
    expect(isAlive(ccr.pid)).toBe(false);
    expect(existsSync(ccr.home)).toBe(false);
  });

  it("a port already held by another ccr is never mistaken for ours (its /health answers, ours exits)", async () => {
    const provider = {
      name: "p",
      api_base_url: "http://127.0.0.1:9/v1/chat/completions",
      api_key: "k",
      models: ["m"],
    };
    const config = { Providers: [provider], Router: { default: "p,m" } };
    const first = await startCcr({ version: "2.0.0", config });
    try {
      await expect(
        startCcr({ version: "1.0.73", config, port: first.port, startTimeoutMs: 8000 }),
      ).rejects.toThrow(/exited/);
      // A port the harness chooses itself is replaced instead.
      const second = await startCcr({ version: "1.0.73", config });
      expect(second.port).not.toBe(first.port);
      await second.stop();
    } finally {
      await first.stop();
    }
  });

  it("a config that does not parse fails fast with ccr's output", async () => {
    await expect(
      startCcr({ version: "1.0.73", config: { configText: "{ not: json5" }, startTimeoutMs: 8000 }),
    ).rejects.toThrow(/exited|did not answer/);
  });
});
