/** Codes reported by the parser, the preprocessor and the schema validator. */
import type { BuiltinRule } from "./types.js";

const builtin = (code: string, severity: BuiltinRule["severity"], category: BuiltinRule["category"], summary: string, fixable = false): BuiltinRule => ({
  scope: "builtin", code, severity, category, summary, fixable,
});

export const BUILTIN_RULES: readonly BuiltinRule[] = [
  builtin("syntax-error", "error", "language", "unbalanced braces, unterminated quotes and other text keepalived cannot read"),
  builtin("line-too-long", "error", "language", "a line over 1023 bytes, which keepalived drops whole"),
  builtin("include-not-found", "warning", "language", "an include pattern that matches no readable file"),
  builtin("include-cycle", "error", "language", "a file that includes itself, directly or through others"),
  builtin("undefined-variable", "error", "language", "a $NAME reference with no definition before it"),
  builtin("unknown-keyword", "error", "schema", "a keyword that is not valid in the block it appears in"),
  builtin("deprecated-keyword", "warning", "schema", "a deprecated keyword or spelling, with its replacement", true),
  builtin("removed-keyword", "error", "schema", "a keyword that the target keepalived version no longer accepts"),
  builtin("keyword-too-new", "error", "schema", "a keyword newer than the target keepalived version"),
  builtin("invalid-value", "error", "schema", "a value of the wrong type or outside the allowed words"),
  builtin("out-of-range", "error", "schema", "a number outside the range keepalived accepts"),
  builtin("missing-argument", "error", "schema", "a keyword with fewer arguments than it needs"),
  builtin("extra-argument", "warning", "schema", "arguments keepalived ignores"),
  builtin("duplicate-keyword", "warning", "schema", "a single-valued keyword given twice in one block"),
  builtin("route-not-tracked", "warning", "vrrp", "a virtual or static route without 'dev', which keepalived loads but does not track"),
  builtin("unused-suppression", "warning", "meta", "a kalint disable comment that suppresses nothing"),
  builtin("template-syntax", "error", "language", "a malformed template: an unclosed tag or expression, an endif with no if, ..."),
  builtin("template-brace-imbalance", "error", "language", "a template loop body or if branches that open and close keepalived blocks unevenly"),
];
