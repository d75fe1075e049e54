// The slice of ccr's transformer contract (ccr 1.0.73 / 2.0.0, engine @musistudio/llms 1.0.51) that a
// provider-level plugin sees. @musistudio/llms ships no type declarations, so these are declared from
// docs/ccr-contract.md#5-the-transformer-interface-and-its-context and docs/ccr-contract.md#6-request-and-response-pipeline.

import type { IncomingMessage } from "node:http";

export interface CcrProvider {
  name: string;
  baseUrl: string;
  /** `api_key` from config.json after `$VAR` interpolation (left literal when the variable is unset). */
  apiKey: string;
  models: string[];
  transformer?: unknown;
}

/** The Fastify request ccr hands to transformers as `context.req`. */
export interface CcrRequest {
  /** The original Anthropic body, `model` rewritten to the bare upstream model, `stream` forced to a boolean. */
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
  id?: string;
  provider?: string;
  sessionId?: string;
  scenarioType?: string;
  raw?: IncomingMessage;
  [key: string]: unknown;
}

export interface CcrContext {
  req: CcrRequest;
}

/** What `transformRequestIn` may return: ccr unwraps `body` and shallow-merges `config`. */
export interface CcrRequestOut {
  body: unknown;
  config: {
    url?: URL;
    headers?: Record<string, string>;
    signal?: AbortSignal;
    TIMEOUT?: number;
  };
}

export interface CcrLogger {
  debug?: (obj: unknown, msg?: string) => void;
  info?: (obj: unknown, msg?: string) => void;
  warn?: (obj: unknown, msg?: string) => void;
  error?: (obj: unknown, msg?: string) => void;
}

export interface CcrTransformer {
  name: string;
  /** Assigned by ccr after construction: undefined inside the constructor. */
  logger?: CcrLogger;
  transformRequestIn(request: unknown, provider: CcrProvider, context: CcrContext): Promise<CcrRequestOut>;
  transformResponseOut(response: Response, context: CcrContext): Promise<Response>;
}

/** What ccr's error handler reads off a thrown error: it replies `{"error":{"message":message+stack,"type","code"}}` with `statusCode`. */
export interface CcrErrorFields {
  statusCode: number;
  type: string;
  code: string;
}
