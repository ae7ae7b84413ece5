/**
 * The language service: pure functions from an analysed document (and a position) to LSP-shaped
 * results. Nothing here knows about a connection; server/src/lsp maps the protocol onto it.
 */
export { analyseDocument, unanalysed, withClusterDiagnostics, type AnalysedDocument, type DocumentOptions } from "./document.js";
export {
  ANALYSIS_BUDGET_MS,
  folderOf,
  Workspace,
  type DocumentSettings,
  type DocumentView,
  type OpenTexts,
  type WorkspaceEnvironment,
} from "./workspace.js";
export { diagnostics } from "./diagnostics.js";
export { hover } from "./hover.js";
export { completion, type CompletionOptions } from "./completion.js";
export { definition, references, prepareRename, rename, RenameError } from "./navigation.js";
export { documentSymbols } from "./document-symbols.js";
export { foldingRanges } from "./folding.js";
export { formatting, type FormattingResult } from "./formatting.js";
export { semanticTokens, SEMANTIC_LEGEND } from "./semantic-tokens.js";
export { codeActions, FIX_ALL_KIND } from "./code-actions.js";
export { documentLinks } from "./document-links.js";
export { failoverHover, failoverLenses, failoverMap, SHOW_FAILOVER_MAP, type FailoverContext } from "./failover.js";
export {
  renderDocument,
  renderModeAvailable,
  renderHover,
  renderLenses,
  renderedText,
  SHOW_RENDERING,
  type RenderedTemplate,
} from "./rendered.js";
