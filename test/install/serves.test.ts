// The whole setup path: install.sh writes the config and copies the REAL plugin into a fresh HOME, then a
// real ccr (2.0.0 and 1.0.73) started on exactly that config serves a request from the Anthropic SDK
// through the plugin to the strict Cerebras emulator.

import { copyFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Anthropic from "@anthropic-ai/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startCerebrasEmulator } from "../emulator/server";
import { type CcrVersion, startCcr } from "../support/ccr-harness";
import { builtPluginPath } from "../support/plugin-path";
import { makeSandbox, run, type Sandbox, useInstallHelper } from "./support";

describe.each<CcrVersion>(["2.0.0", "1.0.73"])("install.sh then real ccr %s", (version) => {
  const helper = useInstallHelper();
  let box: Sandbox;
  let emu: Emulator;

  beforeAll(async () => {
    box = makeSandbox(helper());
    copyFileSync(builtPluginPath(), join(box.repo, "dist", "cerebras-transformer.cjs")); // the real plugin
    box.stubs("ccr");
    emu = await startCerebrasEmulator({ models: ["gpt-oss-120b", "qwen-3.8-27b"], keys: ["sk-installed"] });
  });

  afterAll(async () => {
    await emu?.close();
    box?.cleanup();
  });

  it("serves a streamed and a non-streamed request with the installed plugin", async () => {
    const install = await run(
      "bash",
      [
        join(box.repo, "install.sh"),
        "--yes",
        "--skip-ccr",
        "--base-url",
        emu.url,
        "--model",
        "gpt-oss-120b",
        "--router-key",
        "rk-test",
      ],
      { env: box.env(), timeoutMs: 30_000 },
    );
    expect(install.code, install.stderr + install.stdout).toBe(0);
    const configText = readFileSync(box.configPath, "utf8");
    expect(configText).not.toContain("sk-installed");

    const ccr = await startCcr({
      version,
      home: box.home,
      config: { configText },
      env: { CEREBRAS_API_KEY: "sk-installed" },
    });
    try {
      const client = new Anthropic({ baseURL: ccr.baseUrl, apiKey: ccr.apiKey, maxRetries: 0 });
      emu.enqueue({ reasoning: "Short.", content: "installed and working" });
      const streamed = await client.messages
        .stream({
          model: "claude-sonnet-4-5-20250929",
          max_tokens: 32000,
          messages: [{ role: "user", content: "hi" }],
        })
        .finalMessage();
      expect(streamed.content.at(-1)).toMatchObject({ type: "text", text: "installed and working" });
      emu.enqueue({ content: "qwen here" });
      const plain = await client.messages.create({
        model: "cerebras,qwen-3.8-27b",
        max_tokens: 1024,
        messages: [{ role: "user", content: "hi" }],
      });
      expect(plain.content[0]).toMatchObject({ text: "qwen here" });
      expect(emu.requests.map((r) => (r.body as { model: string }).model).slice(-2)).toEqual([
        "gpt-oss-120b",
        "qwen-3.8-27b",
      ]);
      expect(emu.requests.at(-1)!.key).toBe("sk-installed");
      // The installed wrapper shows the running plugin's key pool by name only.
      const status = await run("bash", [join(box.stubBin, "ccr-cerebras"), "status"], {
        env: box.env(),
        timeoutMs: 15_000,
      });
      expect(status.code, status.stderr).toBe(0);
      expect(status.stdout).toMatch(/default/);
      expect(status.stdout).not.toContain("sk-installed");
    } finally {
      await ccr.stop();
    }
  }, 60_000);
});
