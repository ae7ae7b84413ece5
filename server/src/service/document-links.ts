/** Include patterns as links to the file they read (the first, when a pattern matches several). */
import type { DocumentLink } from "vscode-languageserver-types";
import { rootOf, type AnalysedDocument } from "./document.js";
import { rangeOf, sameFile } from "./positions.js";

export function documentLinks(doc: AnalysedDocument): DocumentLink[] {
  const root = rootOf(doc);
  const out: DocumentLink[] = [];
  for (const link of doc.analysis.config.includes) {
    if (!sameFile(link.pattern.file, root) || link.files.length === 0) continue;
    const tooltip = link.files.length === 1 ? link.files[0]! : `${link.files.length} files: ${link.files.join(", ")}`;
    out.push({ range: rangeOf(link.pattern), target: doc.uriOf(link.files[0]!), tooltip });
  }
  return out;
}
