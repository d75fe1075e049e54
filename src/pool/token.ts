import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** The header that carries the token to the status endpoint (and is redacted from request logs). */
export const POOL_TOKEN_HEADER = "x-ccr-cerebras-token";

export function newRelayToken(): string {
  return randomBytes(24).toString("hex");
}

/** Constant-time comparison (hashing first makes the lengths equal, so the length does not leak either). */
export function poolTokenMatches(expected: string, given: string | string[] | undefined): boolean {
  if (typeof given !== "string" || given.length === 0) return false;
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(expected), digest(given));
}
