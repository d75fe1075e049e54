// Small HTTP helpers shared by the emulator's routes.

import type { IncomingMessage, ServerResponse } from "node:http";
import type { ErrorReply } from "./errors";
import type { RecordedRequest } from "./types";

export const MAX_BODY_BYTES = 50 * 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    req.on("data", (b: Buffer) => {
      size += b.length;
      if (size <= MAX_BODY_BYTES) parts.push(b);
    });
    req.on("end", () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(parts).toString("utf8")));
    req.on("error", reject);
  });
}

export function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(", ") : v;
  }
  return out;
}

/** The key of `Authorization: Bearer <key>`, or undefined. */
export function bearerKey(req: IncomingMessage): string | undefined {
  const m = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? "");
  return m?.[1]?.trim() || undefined;
}

export function sendJson(
  res: ServerResponse,
  rec: { status: number },
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  rec.status = status;
  const text = typeof body === "string" ? body : JSON.stringify(body);
  const type = typeof body === "string" ? "text/plain; charset=utf-8" : "application/json";
  res.writeHead(status, {
    "content-type": type,
    "content-length": String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

export function sendError(
  res: ServerResponse,
  rec: RecordedRequest,
  e: ErrorReply,
  headers: Record<string, string>,
): void {
  sendJson(res, rec, e.status, e.body, { ...headers, ...e.headers });
}
