// Live model discovery for the installer: `GET <base-url>/models` with the Cerebras key and a hard
// timeout, and the warnings about the chosen default model (docs/models.md).

import { getModelInfo } from "../models";

export type { FetchLike } from "../models-endpoint";

/** Warnings about `model`: retired according to the table, or absent from the live list. */
export function modelWarnings(
  model: string,
  live: readonly string[] | null,
  today: Date = new Date(),
): string[] {
  const info = getModelInfo(model);
  const day = today.toISOString().slice(0, 10);
  const retired = info.retired !== undefined && info.retired <= day;
  if (live) {
    if (live.includes(model)) return [];
    const why = retired ? ` (Cerebras retired it on ${info.retired})` : "";
    return [`${model} is not among the models Cerebras serves to this key${why}; live: ${live.join(", ")}`];
  }
  if (retired) {
    return [
      `${model} was retired by Cerebras on ${info.retired}: it is still sent as configured, and Cerebras answers model_not_found unless your account still serves it`,
    ];
  }
  return [];
}
