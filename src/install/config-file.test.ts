import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  backupConfig,
  backupTimestamp,
  ConfigParseError,
  loadConfig,
  parseConfigText,
  writeFileAtomic,
} from "./config-file";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "ccr-cerebras-cfg-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("parseConfigText", () => {
  it("accepts what ccr accepts: comments, unquoted keys, trailing commas", () => {
    expect(parseConfigText("{ // c\n PORT: 3456, Router: { default: 'a,b', }, }", "c.json")).toEqual({
      PORT: 3456,
      Router: { default: "a,b" },
    });
  });

  it("reports the line and column of a syntax error", () => {
    let error: unknown;
    try {
      parseConfigText('{\n  "Providers": [\n    { name: "x" }\n    { name: "y" }\n  ]\n}', "/h/config.json");
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigParseError);
    expect((error as ConfigParseError).line).toBe(4);
    expect((error as ConfigParseError).column).toBe(5);
    expect((error as Error).message).toContain("/h/config.json is not valid JSON5 at line 4, column 5");
  });

  it("refuses a top level that is not an object", () => {
    expect(() => parseConfigText("[1, 2]", "c.json")).toThrow(/top level must be an object/);
  });

  it("treats an empty file as an empty config", () => {
    expect(parseConfigText("  \n", "c.json")).toEqual({});
  });
});

describe("writeFileAtomic", () => {
  it("writes with mode 600 and leaves no temp file behind", () => {
    const path = join(dir, "sub", "config.json");
    writeFileAtomic(path, "{}\n");
    expect(readFileSync(path, "utf8")).toBe("{}\n");
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(dir, "sub"))).toEqual(["config.json"]);
  });

  it("replaces a world-readable file with a 600 one", () => {
    const path = join(dir, "config.json");
    writeFileSync(path, "old", { mode: 0o644 });
    writeFileAtomic(path, "new");
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });
});

describe("loadConfig", () => {
  it("follows a symlinked config so the real file gets rewritten, not the link", () => {
    const real = join(dir, "dotfiles-config.json");
    writeFileSync(real, "{}");
    const link = join(dir, "config.json");
    symlinkSync(real, link);
    const loaded = loadConfig(link);
    expect(loaded.path).toBe(real);
    writeFileAtomic(loaded.path, '{"a":1}');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(link, "utf8")).toBe('{"a":1}');
  });

  it("a dangling config.json symlink is followed: the file it names is created, the link stays", () => {
    const target = join(dir, "dotfiles", "ccr-config.json");
    mkdirSync(join(dir, "dotfiles"));
    const link = join(dir, "config.json");
    symlinkSync("dotfiles/ccr-config.json", link); // relative, as dotfile managers write them
    const loaded = loadConfig(link);
    expect(loaded).toMatchObject({ path: target, exists: false });
    writeFileAtomic(loaded.path, '{"a":1}');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, "utf8")).toBe('{"a":1}');
  });

  it("a dangling symlink into a missing folder, or a loop, is refused with a message, never replaced", () => {
    const link = join(dir, "config.json");
    symlinkSync(join(dir, "gone", "config.json"), link);
    expect(() => loadConfig(link)).toThrow(/is a symlink to .*gone.*whose folder does not exist/);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    const a = join(dir, "a.json");
    const b = join(dir, "b.json");
    symlinkSync(b, a);
    symlinkSync(a, b);
    expect(() => loadConfig(a)).toThrow(/symlink chain longer than 40/);
  });

  it("reports an absent file as empty", () => {
    expect(loadConfig(join(dir, "none.json"))).toMatchObject({ exists: false, raw: "", config: {} });
  });
});

describe("backupConfig", () => {
  it("names the copy config.json.bak-<UTC timestamp>, keeps the bytes, mode 600, never overwrites", () => {
    const path = join(dir, "config.json");
    const now = new Date("2026-11-22T04:15:09Z");
    expect(backupTimestamp(now)).toBe("20261122-041509");
    const first = backupConfig(path, "// one\n{}", now);
    const second = backupConfig(path, "// two\n{}", now);
    expect(first).toBe(`${path}.bak-20261122-041509`);
    expect(second).not.toBe(first);
    expect(readFileSync(first, "utf8")).toBe("// one\n{}");
    expect(readFileSync(second, "utf8")).toBe("// two\n{}");
    expect(statSync(first).mode & 0o777).toBe(0o600);
  });
});

describe("backup pruning", () => {
  it("keeps the newest five config.json.bak-* (mode 600) and never touches other files", () => {
    const path = join(dir, "config.json");
    writeFileSync(join(dir, "config.json.bak-mine"), "x");
    writeFileSync(join(dir, "other.json.bak-20200101-000000"), "x");
    const made: string[] = [];
    for (let i = 0; i < 8; i++)
      made.push(
        backupConfig(path, `v${i}`, new Date(Date.UTC(2026, 10, 22, 4, 15, [0, 1, 2, 3, 4, 5, 5, 6][i]))),
      );
    const left = readdirSync(dir)
      .filter((n) => /^config\.json\.bak-\d/.test(n))
      .sort();
    expect(left).toHaveLength(5);
    expect(left.map((n) => join(dir, n)).sort()).toEqual(made.slice(3).sort());
    for (const n of left) expect(statSync(join(dir, n)).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(
      expect.arrayContaining(["config.json.bak-mine", "other.json.bak-20200101-000000"]),
    );
  });
});
