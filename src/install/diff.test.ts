import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { unifiedDiff } from "./diff";

// The reference is GNU diffutils: `patch` must turn the old text into the new one with our diff, and for
// unambiguous edits our output must equal `diff -u`'s.
const dir = mkdtempSync(join(tmpdir(), "ccr-cerebras-diff-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const hasPatch = ["/usr/bin/patch", "/bin/patch"].some(existsSync);
const hasDiff = ["/usr/bin/diff", "/bin/diff"].some(existsSync);

function applyWithPatch(oldText: string, diff: string): string {
  const oldFile = join(dir, "old.txt");
  const outFile = join(dir, "out.txt");
  writeFileSync(oldFile, oldText);
  const res = spawnSync("patch", ["-s", "-o", outFile, oldFile], { input: diff, encoding: "utf8" });
  if (res.status !== 0) throw new Error(`patch failed: ${res.stdout}${res.stderr}\n${diff}`);
  return readFileSync(outFile, "utf8");
}

/** GNU `diff -u --label a --label b` of two texts. */
function gnuDiff(a: string, b: string): string {
  writeFileSync(join(dir, "a"), a);
  writeFileSync(join(dir, "b"), b);
  return spawnSync("diff", ["-u", "--label", "a", "--label", "b", join(dir, "a"), join(dir, "b")], {
    encoding: "utf8",
  }).stdout;
}

const lines = (xs: string[]) => xs.map((x) => `${x}\n`).join("");

describe("unifiedDiff", () => {
  it("is empty for equal texts", () => {
    expect(unifiedDiff("a\nb\n", "a\nb\n")).toBe("");
  });

  it.skipIf(!hasDiff)("matches `diff -u` for a one-line change in the middle of a file", () => {
    const a = lines(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
    const b = lines(["1", "2", "3", "4", "five", "6", "7", "8", "9", "10"]);
    expect(unifiedDiff(a, b, { fromLabel: "a", toLabel: "b" })).toBe(gnuDiff(a, b));
  });

  it.skipIf(!hasDiff)("matches `diff -u` for one-line hunks and a file without a final newline", () => {
    for (const [a, b] of [
      ["x\n", "y\n"],
      ["1\n2\n3\n4\n5\n6\n7\n8\n9\n", "0\n1\n2\n3\n4\n5\n6\n7\n8\n9\n"],
      ['{\n  "a": 1\n}', '{\n  "a": 2\n}\n'],
    ] as const) {
      expect(unifiedDiff(a, b, { fromLabel: "a", toLabel: "b" })).toBe(gnuDiff(a, b));
    }
  });

  it("uses the -0,0 header for a new file", () => {
    expect(unifiedDiff("", "x\ny\n", { fromLabel: "/dev/null", toLabel: "c.json" })).toBe(
      "--- /dev/null\n+++ c.json\n@@ -0,0 +1,2 @@\n+x\n+y\n",
    );
  });

  it.skipIf(!hasPatch)("produces hunks that `patch` applies to get the new text (random edits)", () => {
    const text = fc.array(fc.constantFrom("{", "}", '  "a": 1,', '  "b": [', "    2", "  ]", "x", "y"), {
      maxLength: 30,
    });
    fc.assert(
      fc.property(text, text, (a, b) => {
        const oldText = lines(a);
        const newText = lines(b);
        const diff = unifiedDiff(oldText, newText);
        if (oldText === newText) return diff === "";
        return applyWithPatch(oldText, diff) === newText;
      }),
      { numRuns: 40 },
    );
  });
});
