// Shared helpers for the request-translator tests.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { AnthropicHttpError } from "../../src/errors";
import { getModelInfo } from "../../src/models";
import {
  anthropicToCerebrasRequest,
  type RequestTranslation,
  type RequestTranslationOptions,
} from "../../src/request/index";
import type { CerebrasMessage } from "../../src/wire/cerebras";
import { validateCerebrasRequest } from "../support/cerebras-validator";

export const FIXTURES = join(__dirname, "..", "fixtures");

export function loadJson<T = any>(relative: string): T {
  return JSON.parse(readFileSync(join(FIXTURES, relative), "utf8")) as T;
}

/** Translates a request with defaults for the fields a test does not care about. */
export function translate(
  req: Record<string, unknown>,
  opts?: RequestTranslationOptions,
): RequestTranslation {
  return anthropicToCerebrasRequest({ model: "zai-glm-4.7", max_tokens: 1000, ...req }, opts);
}

/** What the translator knew of the model it sent to (body.model), with the same options. */
export function modelInfoOf(t: RequestTranslation, opts: RequestTranslationOptions = {}) {
  const id = t.body.model;
  return getModelInfo(
    id,
    opts.modelOverrides,
    opts.listedModels?.find((m) => m.id === id),
  );
}

/** The function names sent to Cerebras. */
export function toolNamesOf(t: RequestTranslation): string[] {
  return (t.body.tools ?? []).map((tool) => tool.function.name);
}

/** Options that let any prompt fit: every listed model gets a context window far above the tests' inputs. */
export function roomyContext(ids: readonly string[]): RequestTranslationOptions {
  return { modelOverrides: Object.fromEntries(ids.map((id) => [id, { contextWindow: 100_000_000 }])) };
}

/** The translation's body must pass the strict validator for its model. */
export function expectValid(t: RequestTranslation, opts?: RequestTranslationOptions): void {
  expect(validateCerebrasRequest(t.body, { model: modelInfoOf(t, opts), ourAllowList: true })).toEqual([]);
}

/** Messages after the system message. */
export function conversation(t: RequestTranslation): CerebrasMessage[] {
  return t.body.messages.filter((m) => m.role !== "system");
}

export function systemOf(t: RequestTranslation): string | undefined {
  const first = t.body.messages[0];
  return first?.role === "system" ? first.content : undefined;
}

/** Runs `fn`, expecting an AnthropicHttpError 400 whose message contains `text`. */
export function expect400(fn: () => unknown, text: string | RegExp): AnthropicHttpError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(AnthropicHttpError);
  const err = caught as AnthropicHttpError;
  expect(err.status).toBe(400);
  expect(err.errorType).toBe("invalid_request_error");
  if (typeof text === "string") expect(err.message).toContain(text);
  else expect(err.message).toMatch(text);
  return err;
}

/** An assistant `tool_use` block calling Read. */
export const readCall = (id: string, path = "/a.txt") => ({
  type: "tool_use",
  id,
  name: "Read",
  input: { file_path: path },
});

/** A user `tool_result` block (content omitted when undefined). */
export const toolResult = (id: string, content?: unknown, extra: Record<string, unknown> = {}) => ({
  type: "tool_result",
  tool_use_id: id,
  ...(content === undefined ? {} : { content }),
  ...extra,
});
