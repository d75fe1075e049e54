// One upstream call with one key: the full answer for JSON, the peeked start for a stream, or what
// went wrong (an HTTP error, an error in the first stream events, a transport failure).

import { peekCerebrasStream } from "./sse-peek";
import { UpstreamStallError } from "./stall";

export interface AttemptInput {
  fetchImpl: typeof fetch;
  upstream: string;
  key: string;
  body: Uint8Array;
  signal: AbortSignal;
  /** Longest wait for the answer's first event (0: unbounded); on expiry the attempt fails as a stall. */
  firstEventTimeoutMs?: number;
  /** The request is not streamed: the bound is for the whole answer. */
  wholeAnswer?: boolean;
}

export type AttemptOutcome =
  | { kind: "json"; status: number; headers: Headers; body: Uint8Array }
  | {
      kind: "stream";
      status: number;
      headers: Headers;
      prefix: Uint8Array[];
      reader: ReadableStreamDefaultReader<Uint8Array>;
      ended: boolean;
    }
  /** `body` is the raw text of an HTTP error, or the parsed `{error, status_code}` of an in-stream one. */
  | { kind: "http-error"; status: number; headers: Headers; body: unknown; inStream: boolean }
  | { kind: "transport"; error: unknown };

function isEventStream(headers: Headers): boolean {
  return (headers.get("content-type") ?? "").toLowerCase().includes("text/event-stream");
}

async function readAnswer(res: Response): Promise<AttemptOutcome> {
  if (!res.ok) {
    return {
      kind: "http-error",
      status: res.status,
      headers: res.headers,
      body: await res.text(),
      inStream: false,
    };
  }
  if (!isEventStream(res.headers) || !res.body) {
    return {
      kind: "json",
      status: res.status,
      headers: res.headers,
      body: new Uint8Array(await res.arrayBuffer()),
    };
  }
  const reader = res.body.getReader();
  try {
    const peek = await peekCerebrasStream(reader);
    if (peek.kind === "commit") {
      return {
        kind: "stream",
        status: res.status,
        headers: res.headers,
        prefix: peek.prefix,
        reader,
        ended: peek.ended,
      };
    }
    reader.cancel().catch(() => {});
    return {
      kind: "http-error",
      status: peek.status,
      headers: res.headers,
      body: peek.payload,
      inStream: true,
    };
  } catch (err) {
    reader.cancel().catch(() => {});
    throw err;
  }
}

export async function attemptUpstream(input: AttemptInput): Promise<AttemptOutcome> {
  // The fetch's own signal: the client's abort, or this attempt's first-event timeout. It stays attached
  // to a committed stream's body, so a client that leaves mid-stream still aborts the upstream read.
  const ac = new AbortController();
  const onClientAbort = () => ac.abort(input.signal.reason);
  if (input.signal.aborted) onClientAbort();
  else input.signal.addEventListener("abort", onClientAbort, { once: true });
  const ms = input.firstEventTimeoutMs ?? 0;
  const timer =
    ms > 0
      ? setTimeout(
          () => ac.abort(new UpstreamStallError(input.wholeAnswer ? "whole-answer" : "first-event", ms)),
          ms,
        )
      : undefined;
  try {
    const res = await input.fetchImpl(input.upstream, {
      method: "POST",
      headers: {
        authorization: `Bearer ${input.key}`,
        "content-type": "application/json",
        // Attribution header Cerebras documents for integrations (docs/mapping.md#51-endpoints-and-headers).
        "x-cerebras-3rd-party-integration": "ccr-cerebras",
      },
      body: input.body as Uint8Array<ArrayBuffer>,
      signal: ac.signal,
    });
    return await readAnswer(res);
  } catch (error) {
    // An abort surfaces as the signal's reason in fetch, but as an AbortError in some body reads.
    const reason = ac.signal.aborted ? ac.signal.reason : undefined;
    return { kind: "transport", error: reason instanceof UpstreamStallError ? reason : error };
  } finally {
    clearTimeout(timer);
  }
}
