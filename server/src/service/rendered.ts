/**
 * Render mode in the editor (docs/templates.md, Render mode): a template whose nodes `.kalintrc.json` names is rendered
 * for each node on every change, and the findings (each naming its node) are shown in the
 * template; a code lens per node opens its rendering; hover on an expression shows its value on
 * each node. Pure: the LSP layer decides when, this module what.
 */
import type { CodeLens, Hover } from "vscode-languageserver-types";
import type { FileHost, RuleSetting } from "../../../grammar/index.js";
import type { RenderEntry } from "../analysis/lint-config.js";
import { checkRendered, type RenderModeResult } from "../render/check.js";
import { engineAvailable } from "../render/engine.js";
import { nodeContext } from "../render/render.js";
import { nodeFromFiles, VarsError, varsFiles, withMagicVariables, type NodeVars } from "../render/vars.js";
import type { Version } from "../schema/types.js";
import type { AnalysedDocument } from "./document.js";
import { rangeOf } from "./positions.js";

/** The client command a node's code lens runs: open `kalint-render:` for the template and node. */
export const SHOW_RENDERING = "kalint.showRendering";

/** Whether the Jinja2 engine can be loaded here (the browser build has no disk to read it from). */
export function renderModeAvailable(): boolean {
  return engineAvailable();
}

export interface RenderedTemplate {
  readonly entry: RenderEntry;
  readonly nodes: readonly NodeVars[];
  readonly result: RenderModeResult;
}

export interface RenderSettings {
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  readonly targetVersion?: Version;
  /** How messages name the template's files (relative to the workspace folder). */
  readonly displayPath?: (path: string) => string;
}

/**
 * The nodes of a template's rc entry with their variables; a vars file that cannot be read gives
 * one error, shown at the top of the template naming it (the editor has no exit code).
 */
export function loadEntryNodes(entry: RenderEntry, host: FileHost): readonly NodeVars[] | { readonly error: string } {
  try {
    const read = varsFiles(host);
    return withMagicVariables(entry.nodes.map((n) => nodeFromFiles(read, n.name, entry.defaults, n.files)));
  } catch (e) {
    if (e instanceof VarsError) return { error: e.message };
    throw e;
  }
}

/** Renders the document (a Jinja2 template) for each node of its rc entry (loadEntryNodes). */
export function renderDocument(
  doc: AnalysedDocument,
  entry: RenderEntry,
  nodes: readonly NodeVars[],
  host: FileHost,
  settings: RenderSettings,
): RenderedTemplate {
  const result = checkRendered(doc.path, nodes, {
    host,
    text: doc.analysis.config.root.text,
    ...(doc.analysis.config.raw.template ? { layer: doc.analysis.config.raw.template } : {}),
    analyze: {
      ...(settings.rules ? { rules: settings.rules } : {}),
      ...(settings.targetVersion ? { targetVersion: settings.targetVersion } : {}),
    },
    cluster: nodes.length >= 2,
    statics: doc.analysis.diagnostics,
    differences: false,
    ...(settings.displayPath ? { displayPath: settings.displayPath } : {}),
  });
  return { entry, nodes, result };
}

/** One lens per node at the top of the template: open its rendering (or say why it did not render). */
export function renderLenses(r: RenderedTemplate, uri: string): CodeLens[] {
  const top = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return r.result.nodes.map((n) => ({
    range: top,
    command: {
      title: n.rendered.ok ? `rendered: ${n.vars.name}` : `${n.vars.name}: not rendered (${n.rendered.faults[0]?.code ?? "error"})`,
      command: SHOW_RENDERING,
      arguments: [uri, n.vars.name],
    },
  }));
}

/** A node's rendering, as the read-only document shows it. */
export function renderedText(r: RenderedTemplate, node: string): string | undefined {
  const n = r.result.nodes.find((x) => x.vars.name === node);
  if (!n) return undefined;
  if (n.rendered.ok) return n.rendered.text;
  return (
    n.rendered.faults
      .map((f) => `# not rendered: ${r.result.template.files[f.file]!.path}:${f.line + 1}: [${f.code}] ${f.message}`)
      .join("\n") + "\n"
  );
}

/** Hover on a `{{ expression }}`: its value on each node (a loop variable's value depends on the iteration). */
export function renderHover(doc: AnalysedDocument, r: RenderedTemplate, offset: number): Hover | undefined {
  const text = doc.analysis.config.root.text;
  const tag = doc.analysis.config.raw.template?.tags.find((t) => t.kind === "expression" && t.start <= offset && offset < t.end);
  if (!tag) return undefined;
  const code = text.slice(tag.bodyStart, tag.bodyEnd).replace(/^-|-$/g, "").trim();
  if (!code) return undefined;
  const rows: string[] = [];
  for (const node of r.nodes) {
    const v = r.result.template.set.evaluate(code, nodeContext(r.result.template, node));
    const shown = !v.ok
      ? `(${v.undefined ? "undefined here: a loop or macro variable, or not set" : v.message})`
      : v.value === undefined
        ? "(undefined here: a loop or macro variable, or not set)"
        : `\`${show(v.value)}\``;
    rows.push(`| ${node.name} | ${shown} |`);
  }
  const range = rangeOf({ file: doc.analysis.config.root, start: tag.start, end: tag.end });
  return {
    contents: { kind: "markdown", value: [`\`{{ ${code} }}\` on each node`, "", "| node | value |", "|---|---|", ...rows].join("\n") },
    range,
  };
}

function show(v: unknown): string {
  const s = typeof v === "string" ? v : JSON.stringify(v);
  return (s.length > 120 ? `${s.slice(0, 119)}…` : s).replace(/\|/g, "\\|").replace(/`/g, "'");
}
