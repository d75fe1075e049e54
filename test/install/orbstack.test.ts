// scripts/orbstack-vm.sh with a stub `orb` that runs the in-machine steps locally under a second temporary
// HOME, so the real provisioning path (install.sh inside the "machine") runs. npm, apt-get, sudo,
// systemctl, curl and ccr are stubs: nothing global is installed.

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listFiles, makeSandbox, modeOf, run, type Sandbox, useInstallHelper } from "./support";

const SECRET = "sk-secret-orb-0123456789";
const helper = useInstallHelper();
let sb: Sandbox;
let vmHome: string;
let unitDir: string;
let server: Server;
let base: string;
let auths: Array<string | undefined>;

beforeEach(async () => {
  sb = makeSandbox(helper());
  sb.stubs("orb", "npm", "apt-get", "sudo", "systemctl", "curl", "ccr");
  vmHome = join(sb.root, "vm-home");
  unitDir = join(sb.root, "systemd");
  mkdirSync(vmHome);
  mkdirSync(unitDir);
  auths = [];
  server = createServer((req, res) => {
    auths.push(req.headers.authorization);
    res
      .writeHead(200, { "content-type": "application/json" })
      .end(JSON.stringify({ data: [{ id: "gpt-oss-120b" }] }));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
  sb.cleanup();
});

function provision(args: string[], extra: Record<string, string> = {}) {
  return run("bash", [join(sb.repo, "scripts/orbstack-vm.sh"), ...args], {
    env: sb.env({
      STUB_ORB_ROOT: join(sb.root, "orb"),
      STUB_VM_HOME: vmHome,
      CCR_CEREBRAS_SYSTEMD_DIR: unitDir,
      ...extra,
    }),
    timeoutMs: 30_000,
  });
}

describe("scripts/orbstack-vm.sh", () => {
  it("creates the machine, provisions it with install.sh inside, and passes the key only through stdin", async () => {
    const res = await provision(
      ["devbox", "--model", "gpt-oss-120b", "--base-url", base, "--start-on-boot"],
      {
        CEREBRAS_API_KEY: SECRET,
      },
    );
    expect(res.code, res.stderr + res.stdout).toBe(0);

    const calls = sb.readLog();
    const orbCalls = calls.filter((c) => c.startsWith("orb "));
    expect(orbCalls[0]).toBe("orb list");
    expect(orbCalls[1]).toBe("orb create ubuntu devbox");
    expect(orbCalls[2]).toMatch(
      /^orb push -m devbox \S+\/src\.tar\.gz \/tmp\/ccr-cerebras-src\.\d+\.tar\.gz$/,
    );
    expect(orbCalls[3]).toMatch(
      /^orb -m devbox bash -c .* --in-vm .*--model gpt-oss-120b .*--start-on-boot --key-on-stdin$/s,
    );
    expect(calls).toContain("npm install -g @anthropic-ai/claude-code"); // stub claude is absent
    expect(calls.some((c) => c.includes("@musistudio/claude-code-router"))).toBe(false); // stub ccr 2.0.0 is fine
    expect(calls.some((c) => c.startsWith("apt-get") && c.includes("install -y ca-certificates curl"))).toBe(
      true,
    );
    expect(calls.some((c) => c.startsWith("curl"))).toBe(false); // node is already >= 20
    expect(calls).toContain("systemctl enable --now ccr-cerebras.service");

    // install.sh really ran inside the "machine", and used the key for discovery.
    const config = JSON.parse(readFileSync(join(vmHome, ".claude-code-router/config.json"), "utf8"));
    expect(config.Router.default).toBe("cerebras,gpt-oss-120b");
    expect(config.transformers[0].path).toBe(
      join(vmHome, ".claude-code-router/plugins/cerebras-transformer.cjs"),
    );
    // next to ccr (here the stub's directory, on PATH and writable)
    expect(existsSync(join(sb.stubBin, "ccr-cerebras"))).toBe(true);
    expect(existsSync(join(vmHome, "ccr-cerebras/install.sh"))).toBe(true);
    expect(auths).toEqual([`Bearer ${SECRET}`]);

    const keyFile = join(vmHome, ".config/ccr-cerebras/env");
    expect(readFileSync(keyFile, "utf8")).toBe(`CEREBRAS_API_KEY=${SECRET}\n`);
    expect(modeOf(keyFile)).toBe(0o600);
    expect(readFileSync(join(vmHome, ".bashrc"), "utf8")).toContain(".config/ccr-cerebras/env");
    const others = [...listFiles(vmHome), ...listFiles(sb.home), ...listFiles(unitDir), sb.log].filter(
      (f) => f !== keyFile,
    );
    for (const file of others) expect(readFileSync(file, "utf8"), file).not.toContain(SECRET);

    const unit = readFileSync(join(unitDir, "ccr-cerebras.service"), "utf8");
    expect(unit).toContain(`ExecStart=${join(sb.stubBin, "ccr")} start`);
    expect(unit).toContain(`EnvironmentFile=-${keyFile}`);
    expect(readdirSync("/tmp").filter((f) => f.startsWith(`ccr-cerebras-src.`))).toEqual([]);
    expect(res.stdout).toContain("orb -m devbox");
    expect(res.stdout).toContain("/mnt/mac");
  });

  it("re-provisions an existing machine without creating it again; install.sh changes nothing", async () => {
    expect((await provision(["devbox", "--base-url", base, "--no-key"])).code).toBe(0);
    const again = await provision(["devbox", "--base-url", base, "--no-key"]);
    expect(again.code, again.stderr).toBe(0);
    expect(sb.readLog().filter((c) => c.startsWith("orb create"))).toHaveLength(1);
    expect(again.stdout).toContain("config: unchanged");
    expect(existsSync(join(vmHome, ".config/ccr-cerebras/env"))).toBe(false);
    expect(sb.readLog().some((c) => c.startsWith("systemctl"))).toBe(false);
  });

  it("stops before creating a machine when the repository has no built plugin", async () => {
    rmSync(join(sb.repo, "dist/cerebras-transformer.cjs"));
    const res = await provision(["devbox", "--no-key"]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain("npm run build");
    expect(sb.readLog()).toEqual([]);
  });

  it("refuses a machine name OrbStack would not accept", async () => {
    const res = await provision(["Dev Box"]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain("machine names are lower-case");
    expect(sb.readLog()).toEqual([]);
  });
});
