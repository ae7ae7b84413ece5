/** Reading a node: one file, or one `@config-id` expansion of a file that holds several nodes. */
import { analyze, type AnalyzeOptions } from "../analysis/analyze.js";
import type { ClusterNode } from "./types.js";

export function loadNode(path: string, options: AnalyzeOptions): ClusterNode {
  const analysis = analyze(path, options);
  return {
    label: options.configId !== undefined ? `${path}@${options.configId}` : path,
    path,
    config: analysis.config,
    model: analysis.model,
    diagnostics: analysis.diagnostics,
    rules: options.rules ?? {},
    ...(options.configId !== undefined ? { configId: options.configId } : {}),
  };
}

/** The same file read once per id, as keepalived `-i ID` would on each node. */
export function loadNodesOfFile(path: string, ids: readonly string[], options: Omit<AnalyzeOptions, "configId">): ClusterNode[] {
  return ids.map((id) => loadNode(path, { ...options, configId: id }));
}
