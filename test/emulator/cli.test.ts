// The emulator CLI: prints "listening <url>", serves the script, exits 0 on SIGTERM.

import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";

const CLI = join(__dirname, "cli.ts");
let child: ChildProcess | undefined;
let dir: string | undefined;

afterEach(() => {
  if (child?.pid && child.exitCode === null) process.kill(child.pid, "SIGKILL");
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function waitForUrl(p: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(
      () => reject(new Error(`no "listening" line in ${timeoutMs} ms: ${out}`)),
      timeoutMs,
    );
    p.stdout?.on("data", (b: Buffer) => {
      out += b.toString();
      const m = /listening (\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    p.once("exit", (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

it("serves the scripted replies, then the default one, and exits 0 on SIGTERM", async () => {
  dir = mkdtempSync(join(tmpdir(), "emu-cli-"));
  const script = join(dir, "script.json");
  writeFileSync(script, JSON.stringify({ replies: [{ content: "from the script" }] }));
  child = spawn(
    process.execPath,
    ["--import", "tsx", CLI, "--port", "0", "--script", script, "--keys", "k1"],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const url = await waitForUrl(child, 15_000);
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
  const ask = async () => {
    const res = await fetch(`${url}/chat/completions`, {
      method: "POST",
      headers: { authorization: "Bearer k1" },
      body: JSON.stringify({ model: "gpt-oss-120b", messages: [{ role: "user", content: "ping" }] }),
    });
    return (await res.json()).choices[0].message.content as string;
  };
  expect(await ask()).toBe("from the script");
  expect(await ask()).toContain("ping");
  const exited = new Promise<number | null>((r) => child?.once("exit", (code) => r(code)));
  process.kill(child.pid as number, "SIGTERM");
  expect(await exited).toBe(0);
});
