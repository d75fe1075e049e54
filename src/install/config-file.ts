// Reading and writing ~/.claude-code-router/config.json the way ccr does: JSON5 in, plain JSON out,
// written atomically (temp file in the same directory + rename) with mode 600, with a backup first.

import { randomBytes } from "node:crypto";
import {
  closeSync,
  existsSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import JSON5 from "json5";
import { isJsonObject, type JsonObject } from "../json-object";

export class ConfigParseError extends Error {
  readonly line?: number;
  readonly column?: number;

  constructor(path: string, message: string, line?: number, column?: number) {
    const where = line !== undefined ? ` at line ${line}, column ${column ?? 1}` : "";
    super(`${path} is not valid JSON5${where}: ${message}`);
    this.name = "ConfigParseError";
    this.line = line;
    this.column = column;
  }
}

export interface LoadedConfig {
  path: string;
  exists: boolean;
  /** The file's bytes as read (empty when absent). */
  raw: string;
  config: JsonObject;
}

export function parseConfigText(text: string, path: string): JsonObject {
  if (text.trim() === "") return {};
  let value: unknown;
  try {
    value = JSON5.parse(text);
  } catch (err) {
    const e = err as SyntaxError & { lineNumber?: number; columnNumber?: number };
    const message = e.message.replace(/^JSON5: /, "").replace(/ at \d+:\d+$/, "");
    throw new ConfigParseError(path, message, e.lineNumber, e.columnNumber);
  }
  if (!isJsonObject(value)) throw new ConfigParseError(path, "the top level must be an object");
  return value;
}

/** Longest symlink chain followed (the kernel's own limit on Linux is 40). */
const MAX_LINK_HOPS = 40;

/**
 * Follows a symlinked config (dotfile managers) so the rename replaces the real file, not the link. A
 * dangling link is followed to the file it names, which is then created; when that file's folder does
 * not exist, or the chain loops, it refuses with a message instead of replacing the link.
 */
export function resolveConfigPath(path: string): string {
  if (existsSync(path)) return realpathSync(path);
  let current = path;
  for (let hop = 0; hop < MAX_LINK_HOPS; hop++) {
    let isLink: boolean;
    try {
      isLink = lstatSync(current).isSymbolicLink();
    } catch {
      isLink = false; // absent: this is where the file goes
    }
    if (!isLink) {
      if (current !== path && !existsSync(dirname(current))) {
        throw new Error(
          `${path} is a symlink to ${current}, whose folder does not exist: create ${dirname(current)} or remove the link`,
        );
      }
      return current;
    }
    current = resolve(dirname(current), readlinkSync(current));
  }
  throw new Error(
    `${path} is a symlink chain longer than ${MAX_LINK_HOPS} links (a loop?): fix or remove it`,
  );
}

export function loadConfig(path: string): LoadedConfig {
  const real = resolveConfigPath(path);
  if (!existsSync(real)) return { path: real, exists: false, raw: "", config: {} };
  const raw = readFileSync(real, "utf8");
  return { path: real, exists: true, raw, config: parseConfigText(raw, path) };
}

/** `20261122-041500` (UTC), the suffix of `config.json.bak-<timestamp>`. */
export function backupTimestamp(now: Date): string {
  const iso = now.toISOString();
  return `${iso.slice(0, 10).replaceAll("-", "")}-${iso.slice(11, 19).replaceAll(":", "")}`;
}

/** How many `config.json.bak-*` files the installer keeps (the newest ones). */
export const BACKUPS_KEPT = 5;

const BACKUP_SUFFIX_RE = /^\.bak-(\d{8}-\d{6})(?:-(\d+))?$/;

/** The backups of `path` the installer made, oldest first (timestamp, then the -N of the same second). */
export function listBackups(path: string): string[] {
  const dir = dirname(path);
  const base = basename(path);
  const found: Array<{ name: string; stamp: string; n: number }> = [];
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(base)) continue;
    const m = BACKUP_SUFFIX_RE.exec(name.slice(base.length));
    if (m) found.push({ name, stamp: m[1]!, n: Number(m[2] ?? 0) });
  }
  found.sort((a, b) => (a.stamp === b.stamp ? a.n - b.n : a.stamp < b.stamp ? -1 : 1));
  return found.map((f) => join(dir, f.name));
}

/**
 * Saves the config's bytes next to it (mode 600, it may hold keys); never overwrites an earlier backup,
 * and removes the oldest so that at most BACKUPS_KEPT remain.
 */
export function backupConfig(path: string, raw: string, now: Date = new Date()): string {
  const stem = `${path}.bak-${backupTimestamp(now)}`;
  let target = stem;
  for (let i = 1; existsSync(target) && i < 1000; i++) target = `${stem}-${i}`;
  writeFileAtomic(target, raw);
  const all = listBackups(path);
  for (const old of all.slice(0, Math.max(0, all.length - BACKUPS_KEPT))) rmSync(old, { force: true });
  return target;
}

/** Writes `text` to a temp file in the same directory (mode 600), fsyncs it, then renames it over `path`. */
export function writeFileAtomic(path: string, text: string, mode = 0o600): void {
  const dir = dirname(path);
  // ~/.claude-code-router holds ccr's prompt logs too: a folder created here is owner only.
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const temp = join(dir, `.${basename(path)}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`);
  const fd = openSync(temp, "wx", mode);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw err;
  }
  closeSync(fd);
  try {
    renameSync(temp, path);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}
