// Reading what the request schema (anthropic-request.ts) leaves open, such as the fields of a content
// block: guards that report the offending path as a 400, and small text helpers.

import { invalidRequest } from "../errors";
import { isJsonObject, type JsonObject } from "../json-object";

/** Throws the `invalid_request_error` a client would get from Anthropic, naming the path. */
export function fail(path: string, message: string): never {
  throw invalidRequest(`${path}: ${message}`);
}

export function requireObj(v: unknown, path: string, what = "must be an object"): JsonObject {
  if (!isJsonObject(v)) fail(path, what);
  return v;
}

export function requireString(v: unknown, path: string, what = "must be a string"): string {
  if (typeof v !== "string") fail(path, what);
  return v;
}

export function requireNonEmptyString(v: unknown, path: string, what: string): string {
  if (typeof v !== "string" || v === "") fail(path, what);
  return v;
}

/** True when the text has something other than whitespace (stops at the first such character). */
export function hasVisibleText(text: string): boolean {
  return /\S/.test(text);
}

/** A short, single-line rendering of a JSON value for descriptions and placeholders. */
export function shortJson(v: unknown, max = 80): string {
  let s: string;
  try {
    s = typeof v === "string" ? v : (JSON.stringify(v) ?? String(v));
  } catch {
    s = String(v);
  }
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
