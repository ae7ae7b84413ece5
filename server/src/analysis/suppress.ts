/**
 * `# kalint disable=...` comments (SPEC §5): on its own line for the next statement or block,
 * `disable-line=` at the end of a line, `disable-file=` for the whole file. An optional
 * `-- reason` follows. A comment that suppresses nothing is itself reported.
 */
import type { ConfigFile, Diagnostic, Node, SourceText, Span } from "../../../grammar/index.js";

interface Suppression {
  readonly comment: Span;
  readonly codes: readonly string[];
  readonly file: SourceText;
  /** Offsets covered; undefined = whole file. */
  readonly range?: { readonly start: number; readonly end: number };
  used: boolean;
}

const directive = /^[#!]\s*kalint\s+(disable|disable-line|disable-file|disable-next-line)\s*=\s*([A-Za-z0-9_,\- ]+?)\s*(?:--\s*(.*))?$/;

function nextNode(nodes: readonly Node[], after: number): Node | undefined {
  for (const n of nodes) {
    if (n.end <= after) continue;
    if (n.start > after) return n;
    if (n.kind === "block" || n.kind === "anonymous-block") {
      const inner = nextNode(n.children, after);
      if (inner) return inner;
    }
  }
  return undefined;
}

export function collectSuppressions(raw: ConfigFile): Suppression[] {
  const out: Suppression[] = [];
  const source = raw.source;
  for (const c of raw.comments) {
    if (!c.text.includes("kalint")) continue;
    const m = directive.exec(c.text);
    if (!m) continue;
    const codes = m[2]!.split(",").map((s) => s.trim()).filter(Boolean);
    const line = source.lineOf(c.start);
    const lineStart = source.lineStarts[line]!;
    const alone = source.text.slice(lineStart, c.start).trim() === "";
    const base = { comment: c as Span, codes, file: source, used: false };
    if (m[1] === "disable-file") out.push(base);
    else if (m[1] === "disable-line" || (m[1] === "disable" && !alone)) out.push({ ...base, range: { start: lineStart, end: source.lineEnd(line) } });
    else {
      const node = nextNode(raw.children, c.end);
      if (node) out.push({ ...base, range: { start: node.start, end: node.end } });
      else out.push({ ...base, range: { start: c.end, end: c.end } });
    }
  }
  return out;
}

/** Drops suppressed diagnostics and adds `unused-suppression` for comments that matched nothing. */
export function applySuppressions(diagnostics: readonly Diagnostic[], suppressions: Suppression[]): Diagnostic[] {
  if (suppressions.length === 0) return [...diagnostics];
  const kept: Diagnostic[] = [];
  for (const d of diagnostics) {
    let hidden = false;
    for (const s of suppressions) {
      if (s.file !== d.file || !(s.codes.includes(d.code) || s.codes.includes("all"))) continue;
      if (s.range && (d.start < s.range.start || d.start > s.range.end)) continue;
      s.used = true;
      hidden = true;
    }
    if (!hidden) kept.push(d);
  }
  for (const s of suppressions) {
    if (s.used) continue;
    kept.push({
      file: s.file, start: s.comment.start, end: s.comment.end, code: "unused-suppression", severity: "warning",
      message: `this kalint comment suppresses nothing (${s.codes.join(", ")}); remove it`,
      fix: { description: "remove the comment", edits: [{ file: s.file, start: s.comment.start, end: s.comment.end, newText: "" }] },
    });
  }
  return kept;
}
