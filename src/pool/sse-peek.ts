// Looks at the start of a 200 Cerebras stream before anything is sent to the client: an error in the
// first events (docs/mapping.md#55-streams-and-in-stream-errors, `data: {"error":…}` or `event: error`) is a failed attempt that
// can still be retried. The first event that is not the role chunk settles it; every byte read is kept.

import { createParser, type EventSourceMessage } from "eventsource-parser";

export const PEEK_LIMIT_BYTES = 64 * 1024;

export type PeekResult =
  | { kind: "commit"; prefix: Uint8Array[]; ended: boolean }
  | { kind: "error"; prefix: Uint8Array[]; status: number; payload: unknown };

type Verdict = "continue" | "commit" | { status: number; payload: unknown };

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function nonEmpty(v: unknown): boolean {
  return Array.isArray(v) ? v.length > 0 : typeof v === "string" ? v.length > 0 : v != null;
}

/** A chunk that only announces `role: "assistant"` (or carries nothing at all). */
export function isRoleOnlyChunk(chunk: unknown): boolean {
  if (!chunk || typeof chunk !== "object") return false;
  const c = chunk as { choices?: unknown; usage?: unknown };
  if (!Array.isArray(c.choices) || c.choices.length === 0 || nonEmpty(c.usage)) return false;
  return c.choices.every((choice: { delta?: Record<string, unknown>; finish_reason?: unknown }) => {
    const d = choice?.delta ?? {};
    return (
      !nonEmpty(choice?.finish_reason) &&
      !nonEmpty(d.content) &&
      !nonEmpty(d.reasoning) &&
      !nonEmpty(d.tool_calls)
    );
  });
}

function errorVerdict(data: string): Verdict {
  const payload = parseJson(data) ?? { error: { message: data } };
  const code = (payload as { status_code?: unknown }).status_code;
  return { status: typeof code === "number" ? code : 500, payload };
}

export function judgeSseEvent(e: EventSourceMessage): Verdict {
  if (e.event === "error") return errorVerdict(e.data);
  if (e.data.trim() === "[DONE]") return "commit";
  const json = parseJson(e.data);
  if (json && typeof json === "object" && "error" in json) return errorVerdict(e.data);
  return isRoleOnlyChunk(json) ? "continue" : "commit";
}

export async function peekCerebrasStream(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  limitBytes = PEEK_LIMIT_BYTES,
): Promise<PeekResult> {
  const prefix: Uint8Array[] = [];
  const decoder = new TextDecoder();
  let verdict: Verdict = "continue";
  const parser = createParser({
    onEvent: (e) => {
      if (verdict === "continue") verdict = judgeSseEvent(e);
    },
  });
  let bytes = 0;
  while (bytes < limitBytes) {
    const r = await reader.read();
    if (r.done) return { kind: "commit", prefix, ended: true };
    prefix.push(r.value);
    bytes += r.value.byteLength;
    parser.feed(decoder.decode(r.value, { stream: true }));
    const v = verdict as Verdict;
    if (v === "commit") return { kind: "commit", prefix, ended: false };
    if (v !== "continue") return { kind: "error", prefix, status: v.status, payload: v.payload };
  }
  return { kind: "commit", prefix, ended: false };
}
