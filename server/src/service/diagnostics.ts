/**
 * The document's diagnostics as LSP shows them: the node's own findings in this file plus any
 * cluster findings, with the rule code (`kalint explain CODE`), a link to the rule's page
 * (docs/rules/CODE.md), and related places. Fixes stay on kalint's diagnostics; code actions look them up by range.
 */
import type { Diagnostic as LspDiagnostic, DiagnosticRelatedInformation } from "vscode-languageserver-types";
import { docsUrl, type Diagnostic } from "../../../grammar/index.js";
import { capFindings } from "../analysis/cap.js";
import { rootOf, type AnalysedDocument } from "./document.js";
import { LSP_SEVERITY, rangeOf, sameFile } from "./positions.js";

/** Every diagnostic of the document that points into the document itself. */
export function documentDiagnostics(doc: AnalysedDocument): Diagnostic[] {
  const root = rootOf(doc);
  return (doc.clusterDiagnostics ?? doc.analysis.diagnostics).filter((d) => sameFile(d.file, root));
}

export function toLspDiagnostic(d: Diagnostic, uriOf: (path: string) => string): LspDiagnostic {
  const related: DiagnosticRelatedInformation[] | undefined = d.related?.map((r) => ({
    location: { uri: uriOf(r.file.path), range: rangeOf(r) },
    message: r.message,
  }));
  return {
    range: rangeOf(d),
    severity: LSP_SEVERITY[d.severity],
    code: d.code,
    codeDescription: { href: docsUrl(d.code) },
    source: "kalint",
    // Render mode: the node whose rendering has the finding (docs/templates.md, Render mode), as the CLI's text names it.
    message: d.node !== undefined ? `(${d.node}) ${d.message}` : d.message,
    ...(related && related.length ? { relatedInformation: related } : {}),
    ...(d.code === "unused-suppression" ? { tags: [1] } : {}),
    ...(d.code === "deprecated-keyword" ? { tags: [2] } : {}),
  };
}

/** Findings of one code shown per document; one more says how many others there are. */
export const MAX_FINDINGS_SHOWN = 100;

export function diagnostics(doc: AnalysedDocument): LspDiagnostic[] {
  return capFindings(documentDiagnostics(doc), MAX_FINDINGS_SHOWN, `kalint shows ${MAX_FINDINGS_SHOWN} per code and document`).map((d) =>
    toLspDiagnostic(d, doc.uriOf),
  );
}
