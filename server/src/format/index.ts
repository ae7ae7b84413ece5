/** The formatter behind `kalint fmt` and the language server's document formatting. */
export { formatDocument, INDENT, type FormatResult } from "./format.js";
