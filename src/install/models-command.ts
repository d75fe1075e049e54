// `ccr-cerebras models`: the model catalogue as the plugin sees it — each model's limits after the
// table, the account's listing and the `models` option are combined — and where `claude-*` names go.

import {
  chooseDefaultModel,
  getModelInfo,
  type ListedModelFacts,
  liveModelIdsFromTable,
  type ModelInfo,
} from "../models";
import type { PluginOptionsView } from "./claude-env";

export interface CatalogueView {
  /** The account's listing; undefined: none could be had (the table's live models are shown). */
  listed?: readonly ListedModelFacts[];
  options: PluginOptionsView;
  /** The plugin's configured defaultModel, if any. */
  defaultModel?: string;
  today: Date;
  /** Where the listing came from, for the first line. */
  note: string;
}

function reasoningText(m: ModelInfo): string {
  if (!m.reasoning) return "no";
  const levels = m.reasoning.levels.length ? m.reasoning.levels.join("/") : "on";
  return `${levels}, replay ${m.reasoning.replay}`;
}

function pad(cells: string[][]): string {
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
  return cells
    .map(
      (row) =>
        `${row
          .map((c, i) => c.padEnd(widths[i]!))
          .join("  ")
          .trimEnd()}\n`,
    )
    .join("");
}

export function formatCatalogue(view: CatalogueView): string {
  const ids = view.listed?.map((m) => m.id) ?? liveModelIdsFromTable(view.today);
  const rows = ids.map((id) => {
    const m = getModelInfo(
      id,
      view.options.models,
      view.listed?.find((f) => f.id === id),
    );
    return [
      m.id,
      String(m.contextWindow),
      String(m.maxOutput),
      m.vision ? "yes" : "no",
      reasoningText(m),
      m.supportedParameters ? m.supportedParameters.join(",") : "-",
      m.source === "listing" ? "listing" : m.unknown ? "defaults" : "table",
    ];
  });
  const claudeTo = view.defaultModel ?? chooseDefaultModel(view.listed?.map((m) => m.id) ?? null, view.today);
  const served = view.listed ? "" : " (not checked against the account)";
  return (
    `# ${view.note}\n` +
    pad([["model", "context", "max_output", "vision", "reasoning", "parameters", "facts_from"], ...rows]) +
    `claude-* requests go to: ${claudeTo}${view.defaultModel ? " (defaultModel)" : ""}${served}\n`
  );
}
