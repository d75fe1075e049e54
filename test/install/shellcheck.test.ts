// shellcheck on every shell script of the repository (skipped, visibly, only when shellcheck is absent).
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { findTool, REPO_ROOT } from "./support";

const SKIP_DIRS = new Set(["node_modules", ".git", ".tmp", "dist", "coverage"]);

function shellScripts(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = statSync(path);
    if (st.isDirectory()) {
      if (!SKIP_DIRS.has(name) && name !== "fixtures") out.push(...shellScripts(path));
    } else if (st.isFile() && st.size < 1_000_000) {
      const head = readFileSync(path, "utf8").slice(0, 64);
      if (name.endsWith(".sh") || /^#!\s*(\/usr\/bin\/env\s+(ba)?sh|\/bin\/(ba)?sh)\b/.test(head))
        out.push(path);
    }
  }
  return out;
}

const shellcheck = findTool("shellcheck");
const scripts = shellScripts(REPO_ROOT);

describe("shell scripts", () => {
  it("include the installer, the wrapper, the OrbStack script and the test stubs", () => {
    const names = scripts.map((p) => relative(REPO_ROOT, p));
    expect(names).toEqual(
      expect.arrayContaining([
        "install.sh",
        "bin/ccr-cerebras",
        "scripts/orbstack-vm.sh",
        "test/install/stubs/orb",
      ]),
    );
  });

  if (!shellcheck) {
    console.warn(
      "SKIPPED: shellcheck is not installed (apt-get install shellcheck); shell scripts were not linted",
    );
    it.skip("shellcheck is not installed: install it to lint the shell scripts", () => {});
  } else {
    it.each(scripts.map((p) => [relative(REPO_ROOT, p)]))("%s passes shellcheck", (name) => {
      const res = spawnSync(shellcheck, ["-x", "-s", "bash", name], { cwd: REPO_ROOT, encoding: "utf8" });
      expect(res.stdout + res.stderr, name).toBe("");
      expect(res.status).toBe(0);
    });
  }
});
