/**
 * The editor's open documents, bounded: a document over the per-file limit, or over the line
 * budget (the line table an editor document keeps for incremental edits would then be bigger
 * than the text), is kept as an empty text that remembers why, until a full replacement brings
 * it back (120 MB of newlines killed the server). The Workspace then shows one finding for it.
 */
import type { TextDocumentsConfiguration } from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { DEFAULT_LIMITS, formatBytes, formatCount } from "../../../grammar/index.js";

const oversized = new WeakMap<TextDocument, string>();

/** Why the document is kept empty, if it is. */
export const oversizedReason = (document: TextDocument): string | undefined => oversized.get(document);

function tooBig(content: string): string | undefined {
  const limits = DEFAULT_LIMITS;
  if (content.length > limits.fileBytes)
    return `this document is over ${formatBytes(limits.fileBytes)}; kalint analyses documents of up to ${formatBytes(limits.fileBytes)}`;
  if (content.length > limits.lines) {
    let lines = 0;
    for (let at = content.indexOf("\n"); at !== -1; at = content.indexOf("\n", at + 1)) {
      if (++lines > limits.lines)
        return `this document has over ${formatCount(limits.lines)} lines; kalint analyses documents of up to ${formatCount(limits.lines)} lines`;
    }
  }
  return undefined;
}

function boundedDocument(uri: string, languageId: string, version: number, content: string): TextDocument {
  const why = tooBig(content);
  if (why === undefined) return TextDocument.create(uri, languageId, version, content);
  const doc = TextDocument.create(uri, languageId, version, "");
  oversized.set(doc, why);
  return doc;
}

function keepOversized(document: TextDocument, version: number): TextDocument {
  const doc = TextDocument.create(document.uri, document.languageId, version, "");
  oversized.set(doc, oversized.get(document)!);
  return doc;
}

export const boundedDocuments: TextDocumentsConfiguration<TextDocument> = {
  create: boundedDocument,
  update(document, changes, version) {
    if (oversized.has(document)) {
      // Only a change that replaces the whole text tells what the text is now.
      let full = -1;
      changes.forEach((c, i) => {
        if (!("range" in c)) full = i;
      });
      if (full === -1) return keepOversized(document, version);
      const fresh = boundedDocument(document.uri, document.languageId, version, changes[full]!.text);
      return oversized.has(fresh) ? fresh : TextDocument.update(fresh, changes.slice(full + 1), version);
    }
    const updated = TextDocument.update(document, changes, version);
    const why = tooBig(updated.getText());
    if (why === undefined) return updated;
    const doc = TextDocument.create(updated.uri, updated.languageId, version, "");
    oversized.set(doc, why);
    return doc;
  },
};
