/** Reading a node: one file, or one `@config-id` expansion of a file that holds several nodes. */
import { analyze, readModel, type Analysis, type AnalyzeOptions } from "../analysis/analyze.js";
import type { ClusterNode } from "./types.js";

/** The CLI names files as it was given them. */
const asGiven = (path: string) => path;

/** A node from an analysis already made (the editor keeps one per open document). */
export function nodeOf(
  path: string,
  analysis: Pick<Analysis, "config" | "model" | "diagnostics">,
  options: Pick<AnalyzeOptions, "configId" | "rules" | "targetVersion">,
  fileLabel: (path: string) => string = asGiven,
): ClusterNode {
  return {
    label: options.configId !== undefined ? `${fileLabel(path)}@${options.configId}` : fileLabel(path),
    fileLabel,
    path,
    config: analysis.config,
    model: analysis.model,
    diagnostics: analysis.diagnostics,
    rules: options.rules ?? {},
    ...(options.configId !== undefined ? { configId: options.configId } : {}),
    ...(options.targetVersion !== undefined ? { targetVersion: options.targetVersion } : {}),
  };
}

export function loadNode(path: string, options: AnalyzeOptions, fileLabel?: (path: string) => string): ClusterNode {
  return nodeOf(path, analyze(path, options), options, fileLabel);
}

/** A node read only for its model, unchecked (no diagnostics): what the failover simulation and the lab read. */
export function modelNode(path: string, options: AnalyzeOptions): ClusterNode {
  return nodeOf(path, { ...readModel(path, options), diagnostics: [] }, options);
}
