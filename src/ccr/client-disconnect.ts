// An AbortSignal that fires when the client goes away before its response has finished, so Cerebras
// stops generating (and billing) for nobody (ccr defect S16: ccr never aborts the upstream call).
// `IncomingMessage` emits "close" as soon as its body has been read, so we watch the response.

import type { IncomingMessage, ServerResponse } from "node:http";

export interface DisconnectWatch {
  signal: AbortSignal;
  /** Stop watching (the response is complete). */
  release(): void;
}

/** `reply` is the response when it is known; else the one in flight on the request's socket. */
export function watchClientDisconnect(
  raw: IncomingMessage | undefined,
  reply?: ServerResponse,
): DisconnectWatch {
  const ac = new AbortController();
  // Node keeps the in-flight response on the socket; ccr hands transformers no reply object.
  const res =
    reply ?? (raw?.socket as unknown as { _httpMessage?: ServerResponse } | undefined)?._httpMessage;
  if (!res || typeof res.once !== "function") return { signal: ac.signal, release: () => {} };
  const onClose = () => {
    if (!res.writableFinished) ac.abort(new Error("client disconnected"));
  };
  res.once("close", onClose);
  return { signal: ac.signal, release: () => res.off("close", onClose) };
}
