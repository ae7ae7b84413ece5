/** The outline: blocks nested as written, with `$VAR` definitions and includes beside them. */
import type { DocumentSymbol, SymbolKind } from "vscode-languageserver-types";
import { isOpaque, spanText, type Node } from "../../../grammar/index.js";
import { rawOf, type AnalysedDocument } from "./document.js";
import { rangeOf } from "./positions.js";

/** LSP SymbolKind numbers, by what the block is to a reader of the outline. */
const KIND_OF: Readonly<Record<string, SymbolKind>> = {
  vrrp_instance: 5, // Class
  vrrp_sync_group: 3, // Namespace
  vrrp_script: 12, // Function
  vrrp_track_process: 12,
  vrrp_track_file: 12,
  track_file: 12,
  bfd_instance: 12,
  virtual_server: 2, // Module
  virtual_server_group: 3,
  real_server: 11, // Interface
  global_defs: 4, // Package
};
const VALUE_BLOCK: SymbolKind = 18; // Array
const OTHER_BLOCK: SymbolKind = 23; // Struct

export function documentSymbols(doc: AnalysedDocument): DocumentSymbol[] {
  return symbolsOf(rawOf(doc).children);
}

function symbolsOf(nodes: readonly Node[]): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const node of nodes) {
    switch (node.kind) {
      case "block": {
        // As written: a name a template writes shows its template syntax, not the opaque word.
        const name = [node.keyword, ...node.args].map((w) => (isOpaque(w.text) ? spanText(w) : w.text)).join(" ");
        out.push({
          name,
          kind: KIND_OF[node.keyword.text] ?? (node.valueBlock ? VALUE_BLOCK : OTHER_BLOCK),
          range: rangeOf(node),
          selectionRange: rangeOf(node.args[0] ?? node.keyword),
          children: node.valueBlock ? [] : symbolsOf(node.children),
        });
        break;
      }
      case "anonymous-block":
        out.push(...symbolsOf(node.children));
        break;
      case "definition":
        out.push({
          name: `$${node.name}`,
          detail: node.value.split("\n")[0],
          kind: 13 /* Variable */,
          range: rangeOf(node),
          selectionRange: rangeOf(node.nameSpan),
        });
        break;
      case "include":
        if (node.pattern)
          out.push({
            name: `${node.directive.text} ${node.pattern.text}`,
            kind: 1 /* File */,
            range: rangeOf(node),
            selectionRange: rangeOf(node.pattern),
          });
        break;
      default:
        break;
    }
  }
  return out;
}
