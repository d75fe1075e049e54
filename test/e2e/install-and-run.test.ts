// The README's install-and-run command, for real: install.sh (finding a real ccr 2.0.0 on PATH) writes the
// config and the wrapper into a fresh HOME, then `ccr-cerebras code -p …` makes ccr start its service and
// run the real Claude Code CLI, which answers through the plugin from the strict Cerebras emulator.

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

describe("install.sh, then ccr-cerebras code (real ccr 2.0.0, real Claude Code)", () => {
  const helper = useInstallHelper();
  let box: Sandbox;
  let emu: Emulator;

  beforeAll(async () => {
    box = makeSandbox(helper());
    copyFileSync(builtPluginPath(), join(box.repo, "dist", "cerebras-transformer.cjs"));
    shim(join(box.stubBin, "ccr"), `"${process.execPath}" "${ccrCliPath("2.0.0")}"`);
    shim(join(box.stubBin, "claude"), `"${CLAUDE_CODE_BIN}"`);
    emu = await startCerebrasEmulator({ models: ["gpt-oss-120b", "qwen-3.8-27b"], keys: ["csk-e2e-key"] });
  });

  afterAll(async () => {
    // `ccr code` leaves its service running by design: stop it through its PID file.
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

  it("answers a prompt through ccr and the plugin; Claude Code is sized for the Cerebras model", async () => {
    const env = box.env({ CEREBRAS_API_KEY: "csk-e2e-key", ...QUIET_CLAUDE_ENV });
    const port = await freePort();
    const install = await run(
      "bash",
      [
        join(box.repo, "install.sh"),
        "--yes",
        "--base-url",
        emu.url,
        "--model",
        "gpt-oss-120b",
        "--port",
        String(port),
      ],
      { env, timeoutMs: 30_000 },
    );
    expect(install.code, install.stderr + install.stdout).toBe(0);
    expect(install.stdout + install.stderr).toMatch(/2\.0\.0/); // the real ccr was found and accepted

    emu.enqueue({ reasoning: "A greeting.", content: "Hello from Cerebras via ccr." });
    const runCode = await run(
      join(box.home, ".local", "bin", "ccr-cerebras"),
      ["code", "-p", "Say hello.", "--output-format", "json"],
      { env, cwd: box.root, timeoutMs: 90_000 },
    );
    const diagnostics = `${runCode.stdout.slice(-2000)}\n${runCode.stderr.slice(-2000)}`;
    expect(runCode.code, diagnostics).toBe(0);
    const result = JSON.parse(runCode.stdout.trim().split("\n").at(-1)!);
    expect(result.is_error, diagnostics).toBe(false);
    expect(result.result).toContain("Hello from Cerebras via ccr.");
    const sent = emu.requests.at(-1)!.body as CerebrasRequest;
    expect(sent.model).toBe("gpt-oss-120b");
    expect(sent.max_completion_tokens).toBeLessThanOrEqual(16384);
    // The wrapper told Claude Code the model's real window (it echoes it in modelUsage).
    const usage = Object.values(result.modelUsage ?? {}) as Array<{ contextWindow?: number }>;
    expect(
      usage.some((u) => u.contextWindow === 131072),
      JSON.stringify(result.modelUsage),
    ).toBe(true);
  }, 120_000);
});
