// Test helper: an HTTP/1.1 POST over a raw socket that returns the body's chunked-encoding chunks,
// i.e. the server's write boundaries (TCP segmentation does not change them).

import { connect } from "node:net";

export interface RawResponse {
  status: number;
  headers: string;
  chunks: string[];
}

export function parseChunkedBody(raw: Buffer): string[] {
  const chunks: string[] = [];
  let at = 0;
  for (let guard = 0; guard < 1_000_000 && at < raw.length; guard++) {
    const eol = raw.indexOf("\r\n", at);
    if (eol < 0) break;
    const size = Number.parseInt(raw.subarray(at, eol).toString("latin1"), 16);
    if (!Number.isFinite(size) || size === 0) break;
    chunks.push(raw.subarray(eol + 2, eol + 2 + size).toString("utf8"));
    at = eol + 2 + size + 2;
  }
  return chunks;
}

export function postRawChunks(
  url: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs = 10_000,
): Promise<RawResponse> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(u.port), u.hostname);
    const parts: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no complete response in ${timeoutMs} ms`));
    }, timeoutMs);
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const raw = Buffer.concat(parts);
      const split = raw.indexOf("\r\n\r\n");
      const head = raw.subarray(0, split).toString("latin1");
      const status = Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1] ?? 0);
      const chunked = /transfer-encoding:\s*chunked/i.test(head);
      const rest = raw.subarray(split + 4);
      resolve({ status, headers: head, chunks: chunked ? parseChunkedBody(rest) : [rest.toString("utf8")] });
    };
    // The server may keep the connection open (ccr sets `Connection: keep-alive` on streams), so a
    // chunked body ends at its zero-size chunk, not at the socket's close.
    socket.on("data", (b: Buffer) => {
      parts.push(b);
      const tail = Buffer.concat(parts.slice(-2)).subarray(-7).toString("latin1");
      if (tail.endsWith("\r\n0\r\n\r\n")) finish();
    });
    socket.on("error", (e) => {
      if (!settled) reject(e);
    });
    socket.on("close", finish);
    const lines = [
      `POST ${u.pathname}${u.search} HTTP/1.1`,
      `Host: ${u.host}`,
      "Connection: close",
      "Content-Type: application/json",
      `Content-Length: ${Buffer.byteLength(body)}`,
      ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    ];
    socket.write(`${lines.join("\r\n")}\r\n\r\n${body}`);
  });
}
