// `diff -u` between two texts, used by `install.sh --dry-run` to show what the installer would change in
// the ccr config. The line diff is jsdiff's (npm `diff`); the hunk headers are written as GNU diffutils
// writes them (a count of 1 is left out), so the output equals `diff -u --label … --label …`.
// @see https://www.gnu.org/software/diffutils/manual/html_node/Detailed-Unified.html

import { structuredPatch } from "diff";

export interface UnifiedDiffOptions {
  fromLabel?: string;
  toLabel?: string;
  context?: number;
}

/** `start,count` of a hunk side; jsdiff counts from 1, and an empty side names the line before it. */
function hunkRange(start: number, count: number): string {
  const first = count === 0 ? start - 1 : start;
  return count === 1 ? `${first}` : `${first},${count}`;
}

/** `diff -u` between two texts; the empty string when they are equal. */
export function unifiedDiff(oldText: string, newText: string, opts: UnifiedDiffOptions = {}): string {
  if (oldText === newText) return "";
  const from = opts.fromLabel ?? "a";
  const to = opts.toLabel ?? "b";
  const patch = structuredPatch(from, to, oldText, newText, undefined, undefined, {
    context: opts.context ?? 3,
  });
  if (patch.hunks.length === 0) return "";
  const out = [`--- ${from}`, `+++ ${to}`];
  for (const h of patch.hunks) {
    out.push(`@@ -${hunkRange(h.oldStart, h.oldLines)} +${hunkRange(h.newStart, h.newLines)} @@`, ...h.lines);
  }
  return `${out.join("\n")}\n`;
}
