import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { localDateStamp, pruneRequestLogs } from "./log-retention";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "relay-retention-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function put(day: string, name: string, bytes: number) {
  mkdirSync(join(dir, day), { recursive: true });
  writeFileSync(join(dir, day, name), "x".repeat(bytes));
}

const NOW = new Date(2026, 5, 15, 12, 0, 0); // 15 June 2026, local time

describe("pruneRequestLogs", () => {
  it("deletes date folders older than maxAgeDays and nothing that is not a log", async () => {
    put("2026-06-01", "a.json", 10);
    put("2026-06-08", "b.json", 10);
    put("2026-06-14", "c.json", 10);
    put("notes", "keep.json", 10);
    writeFileSync(join(dir, "README"), "mine");
    const r = await pruneRequestLogs(dir, { maxAgeDays: 7, maxBytes: 1e9 }, NOW);
    expect(r.removedDirs).toEqual(["2026-06-01"]);
    expect(readdirSync(dir).sort()).toEqual(["2026-06-08", "2026-06-14", "README", "notes"]);
  });

  it("deletes the oldest files beyond maxBytes", async () => {
    put("2026-06-14", "235959-000-old.json", 100);
    put("2026-06-15", "080000-000-mid.json", 100);
    put("2026-06-15", "090000-000-new.json", 100);
    const r = await pruneRequestLogs(dir, { maxAgeDays: 7, maxBytes: 250 }, NOW);
    expect(r.removedFiles).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(["2026-06-15"]); // the emptied folder goes too
    expect(readdirSync(join(dir, "2026-06-15")).sort()).toEqual([
      "080000-000-mid.json",
      "090000-000-new.json",
    ]);
  });

  it("tolerates a missing folder", async () => {
    await expect(pruneRequestLogs(join(dir, "nope"), { maxAgeDays: 7, maxBytes: 1 }, NOW)).resolves.toEqual({
      removedDirs: [],
      removedFiles: 0,
    });
  });

  it("localDateStamp is YYYY-MM-DD in local time", () => {
    expect(localDateStamp(NOW)).toBe("2026-06-15");
  });
});
