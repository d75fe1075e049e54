// Flat Cerebras error bodies `{message, type, param, code}` (docs/mapping.md#56-error-bodies, fixtures error_*).

import type { ValidationIssue } from "../support/cerebras-validator";

export interface FlatError {
  message: string;
  type: string;
  param: string | null;
  code: string;
}

export interface ErrorReply {
  status: number;
  body: FlatError | object | string;
  headers?: Record<string, string>;
}

export function flatError(message: string, type: string, param: string | null, code: string): FlatError {
  return { message, type, param, code };
}

// The 401 body has never been published; this shape is an assumption in the documented flat format.
export function unauthorized(): ErrorReply {
  return {
    status: 401,
    body: flatError("Wrong API Key", "invalid_request_error", "api_key", "wrong_api_key"),
  };
}

export function modelNotFound(model: string): ErrorReply {
  return {
    status: 404,
    body: flatError(
      `Model ${model} does not exist or you do not have access to it.`,
      "not_found_error",
      "model",
      "model_not_found",
    ),
  };
}

export function pathNotFound(method: string, path: string): ErrorReply {
  return {
    status: 404,
    body: flatError(`${method} ${path} does not exist`, "not_found_error", null, "not_found"),
  };
}

export function invalidJson(detail: string): ErrorReply {
  return {
    status: 422,
    body: flatError(
      `body: Input should be valid JSON (${detail})`,
      "invalid_request_error",
      "body",
      "invalid_body",
    ),
  };
}

export function validationError(issue: ValidationIssue): ErrorReply {
  return {
    status: issue.status,
    body: flatError(issue.message, "invalid_request_error", issue.param, issue.code),
  };
}

export function contextLengthExceeded(current: number, limit: number): ErrorReply {
  return {
    status: 400,
    body: flatError(
      `Please reduce the length of the messages or completion. Current length is ${current} while limit is ${limit}`,
      "invalid_request_error",
      "messages",
      "context_length_exceeded",
    ),
  };
}

const QUOTA_BODIES: Record<string, FlatError> = {
  token_quota_exceeded: flatError(
    "Tokens per minute limit exceeded - too many tokens processed.",
    "too_many_requests_error",
    "quota",
    "token_quota_exceeded",
  ),
  request_quota_exceeded: flatError(
    "Requests per minute limit exceeded - too many requests sent.",
    "too_many_requests_error",
    "quota",
    "request_quota_exceeded",
  ),
  queue_exceeded: flatError(
    "We're experiencing high traffic right now! Please try again soon.",
    "too_many_requests_error",
    "queue",
    "queue_exceeded",
  ),
};

/** The body Cerebras sends for a quota or capacity error with `code` (fixtures error_429_*). */
export function quotaErrorBody(code: string, status: number): FlatError {
  return (
    QUOTA_BODIES[code] ?? flatError(`Request failed with status ${status} (${code})`, "api_error", null, code)
  );
}
