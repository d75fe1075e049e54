import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type PoolService, startPoolService } from "../pool/index";
import { runPluginCli } from "./cli";

describe("plugin CLI: status", () => {
  let relay: PoolService | undefined;
  const dir = mkdtempSync(join(tmpdir(), "ccr-cerebras-cli-"));
  afterEach(async () => {
    await relay?.close();
    relay = undefined;
  });

  it("prints the pool of the running relay with key names only", async () => {
    const statusFile = join(dir, "cerebras-relay.json");
    relay = await startPoolService({
      statusFile,
      env: { CEREBRAS_API_KEYS: '{"alpha":"sk-alpha-secret","beta":"sk-beta-secret"}' },
    });
    const out: string[] = [];
    const code = await runPluginCli(
      ["status"],
      { out: (s) => out.push(s), err: (s) => out.push(s) },
      statusFile,
    );
    expect(code).toBe(0);
    expect(out.join("\n")).toMatch(/uptime|pools|relay/i);
    expect(out.join("\n")).not.toMatch(/sk-alpha-secret|sk-beta-secret/);
  });

  it("explains when no relay runs, and rejects unknown commands", async () => {
    const err: string[] = [];
    const io = { out: () => {}, err: (s: string) => err.push(s) };
    expect(await runPluginCli(["status"], io, join(dir, "missing.json"))).toBe(1);
    expect(err.join()).toMatch(/is ccr running/);
    expect(await runPluginCli(["frobnicate"], io)).toBe(2);
    rmSync(dir, { recursive: true, force: true });
  });
});
