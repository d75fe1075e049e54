// A new user's `./install.sh --yes` (no --model) against an account that is not served zai-glm-4.7:
// the installer picks the served default from the account's listing and says so, keeps zai-glm-4.7
// offered in Providers[].models, and `ccr-cerebras code` sizes the real Claude Code CLI from the listing
// (a free-tier 65536 window, not the table's 131072) and gets an answer through ccr 2.0.0 and the plugin.

import { chmodSync, copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CerebrasRequest } from "../../src/wire/cerebras";
import { type Emulator, startCerebrasEmulator } from "../emulator/server";
import { makeSandbox, run, type Sandbox, useInstallHelper } from "../install/support";
import { ccrCliPath, freePort } from "../support/ccr-harness";
import { CLAUDE_CODE_BIN, QUIET_CLAUDE_ENV } from "../support/claude-code-harness";
import { builtPluginPath } from "../support/plugin-path";

function shim(path: string, target: string): void {
  writeFileSync(path, `#!/bin/sh\nexec ${target} "$@"\n`);
  chmodSync(path, 0o755);
}

describe("install.sh --yes without --model, on an account not served zai-glm-4.7", () => {
  const helper = useInstallHelper();
  let box: Sandbox;
  let emu: Emulator;

  beforeAll(async () => {
    box = makeSandbox(helper());
    copyFileSync(builtPluginPath(), join(box.repo, "dist", "cerebras-transformer.cjs"));
    shim(join(box.stubBin, "ccr"), `"${process.execPath}" "${ccrCliPath("2.0.0")}"`);
    shim(join(box.stubBin, "claude"), `"${CLAUDE_CODE_BIN}"`);
    emu = await startCerebrasEmulator({
      models: { "qwen-3.8-27b": {}, "gpt-oss-120b": { contextWindow: 65536, maxOutput: 32768 } },
      keys: ["csk-free-key"],
    });
  });

  afterAll(async () => {
    const pidFile = join(box.home, ".claude-code-router", ".claude-code-router.pid");
    if (existsSync(pidFile)) {
      const pid = Number(readFileSync(pidFile, "utf8").trim());
      try {
        if (pid > 0) process.kill(pid, "SIGTERM");
      } catch {}
    }
    await emu?.close();
    box?.cleanup();
  });

  it("ends with a served default and a Claude Code answer sized by the listing", async () => {
    const env = box.env({ CEREBRAS_API_KEY: "csk-free-key", ...QUIET_CLAUDE_ENV });
    const port = await freePort();
    const install = await run(
      "bash",
      [join(box.repo, "install.sh"), "--yes", "--base-url", emu.url, "--port", String(port)],
      { env, timeoutMs: 30_000 },
    );
    const said = install.stdout + install.stderr;
    expect(install.code, said).toBe(0);
    expect(said).toContain("models: default model gpt-oss-120b (zai-glm-4.7 is not served to this key)");
    const config = JSON.parse(readFileSync(box.configPath, "utf8"));
    expect(config.Router.default).toBe("cerebras,gpt-oss-120b");
    const provider = config.Providers.find((p: { name: string }) => p.name === "cerebras");
    expect(provider.models).toContain("zai-glm-4.7");
    expect(provider.models).not.toContain("gemma-4-31b");

    emu.enqueue({ reasoning: "A greeting.", content: "Hello from the served default." });
    const runCode = await run(
      join(box.stubBin, "ccr-cerebras"),
      ["code", "-p", "Say hello.", "--output-format", "json"],
      { env, cwd: box.root, timeoutMs: 90_000 },
    );
    const diagnostics = `${runCode.stdout.slice(-2000)}\n${runCode.stderr.slice(-2000)}`;
    expect(runCode.code, diagnostics).toBe(0);
    const result = JSON.parse(runCode.stdout.trim().split("\n").at(-1)!);
    expect(result.is_error, diagnostics).toBe(false);
    expect(result.result).toContain("Hello from the served default.");
    expect((emu.requests.at(-1)!.body as CerebrasRequest).model).toBe("gpt-oss-120b");
    const usage = Object.values(result.modelUsage ?? {}) as Array<{ contextWindow?: number }>;
    expect(
      usage.some((u) => u.contextWindow === 65536),
      JSON.stringify(result.modelUsage),
    ).toBe(true);

    const models = await run(join(box.stubBin, "ccr-cerebras"), ["models", "--cached"], {
      env,
      timeoutMs: 20_000,
    });
    expect(models.code, models.stderr).toBe(0);
    expect(models.stdout).toMatch(/^gpt-oss-120b\s+65536\s+32768\s.*listing$/m);
    expect(models.stdout).toContain("claude-* requests go to: gpt-oss-120b (defaultModel)");
  }, 120_000);
});
