/**
 * `# kalint disable=...` comments (docs/usage.md, Suppression): on a line of its own for the next statement or
 * block (the whole block), `disable-line=` (or `disable=` after code) for its line,
 * `disable-file=` for the whole file. Codes are separated by commas; `all` stands for every code;
 * an optional `-- reason` follows. A comment that suppresses nothing is itself reported, as is
 * one that names an unknown code or is written wrong, so a stale or mistyped comment never
 * silently hides nothing.
 */
import {
  diagnostic,
  isBlockLike,
  type ConfigFile,
  type Diagnostic,
  type Node,
  type SourceText,
  type Span,
  type TextEdit,
} from "../../../grammar/index.js";

export interface Suppression {
  readonly comment: Span;
  readonly codes: readonly string[];
  readonly file: SourceText;
  /** Offsets covered (a diagnostic starting in it is suppressed); undefined = the whole file. */
  readonly range?: { readonly start: number; readonly end: number };
  /** Set when the comment mentions kalint but cannot be read: what to write instead. */
  readonly malformed?: string;
  /** Codes that suppressed at least one finding. */
  readonly used: Set<string>;
}

/** How applySuppressions reports comments that suppressed nothing. */
export interface SuppressionJudge {
  /** Whether `code` names a rule at all. */
  readonly known: (code: string) => boolean;
  /** Whether `code` ran in this analysis, so that its silence means the comment is stale. */
  readonly ran: (code: string) => boolean;
}

const EVERYTHING: SuppressionJudge = { known: () => true, ran: () => true };
const mentions = /^[#!]\s*kalint\b/;
// The codes run up to the first `--` (no code contains two dashes in a row); the reason follows.
const directive = /^[#!]\s*kalint\s+(disable|disable-line|disable-file)\s*=\s*(.*?)\s*(?:--.*)?$/;
const CODE = /^[a-z0-9][a-z0-9-]*$/;
const USAGE = "write '# kalint disable=CODE[,CODE] -- reason' (or disable-line=, disable-file=)";

/** The first statement or block after `at` in the container that holds `at`. */
function nextNode(children: readonly Node[], at: number): Node | undefined {
  for (const n of children) {
    if (n.end <= at) continue;
    if (n.start >= at) return n;
    // `at` is inside n: the comment sits in this block, so it governs the block's next child only.
    return isBlockLike(n) ? nextNode(n.children, at) : undefined;
  }
  return undefined;
}

export function collectSuppressions(raw: ConfigFile): Suppression[] {
  const out: Suppression[] = [];
  const source = raw.source;
  for (const c of raw.comments) {
    if (!mentions.test(c.text)) continue;
    const base = { comment: c as Span, file: source, used: new Set<string>() };
    const m = directive.exec(c.text);
    const codes = m ? m[2]!.split(/[\s,]+/).filter(Boolean) : [];
    if (!m || codes.length === 0 || !codes.every((code) => CODE.test(code))) {
      if (/^[#!]\s*kalint\s*:?\s*(disable|enable)/.test(c.text)) out.push({ ...base, codes, malformed: USAGE });
      continue;
    }
    const line = source.lineOf(c.start);
    const lineStart = source.lineStarts[line]!;
    const alone = source.text.slice(lineStart, c.start).trim() === "";
    if (m[1] === "disable-file") out.push({ ...base, codes });
    else if (m[1] === "disable-line" || !alone) out.push({ ...base, codes, range: { start: lineStart, end: source.lineEnd(line) } });
    else {
      const node = nextNode(raw.children, c.end);
      out.push({ ...base, codes, range: node ? { start: node.start, end: node.end } : { start: c.end, end: c.end } });
    }
  }
  return out;
}

/** Removes the comment, and its whole line when it stands alone, or the blanks before it. */
function removal(s: Suppression): TextEdit {
  const { file, comment } = s;
  const line = file.lineOf(comment.start);
  const lineStart = file.lineStarts[line]!;
  const before = file.text.slice(lineStart, comment.start);
  if (before.trim() === "" && file.lineEnd(line) === comment.end) {
    const next = line + 1 < file.lineCount ? file.lineStarts[line + 1]! : comment.end;
    return { file, start: lineStart, end: next, newText: "" };
  }
  return { file, start: lineStart + before.trimEnd().length, end: comment.end, newText: "" };
}

function unusedDiagnostic(s: Suppression, message: string, whole: boolean): Diagnostic {
  const at = { file: s.file, start: s.comment.start, end: s.comment.end };
  return diagnostic(at, "unused-suppression", message, whole ? { fix: { description: "remove the comment", edits: [removal(s)] } } : {});
}

/**
 * Drops suppressed diagnostics and adds `unused-suppression` for comments (or codes in them)
 * that matched nothing although their rule ran, named an unknown code, or could not be read.
 */
export function applySuppressions(
  diagnostics: readonly Diagnostic[],
  suppressions: readonly Suppression[],
  judge: SuppressionJudge = EVERYTHING,
): Diagnostic[] {
  if (suppressions.length === 0) return [...diagnostics];
  const readable = suppressions.filter((s) => !s.malformed);
  const kept: Diagnostic[] = [];
  for (const d of diagnostics) {
    let hidden = false;
    for (const s of readable) {
      if (s.file !== d.file) continue;
      const code = s.codes.includes(d.code) ? d.code : s.codes.includes("all") ? "all" : undefined;
      if (code === undefined) continue;
      if (s.range && (d.start < s.range.start || d.start > s.range.end)) continue;
      s.used.add(code);
      hidden = true;
    }
    if (!hidden) kept.push(d);
  }
  for (const s of suppressions) {
    if (s.malformed) {
      kept.push(unusedDiagnostic(s, `this kalint comment cannot be read; ${s.malformed}`, false));
      continue;
    }
    const unknown = s.codes.filter((c) => c !== "all" && !judge.known(c));
    if (unknown.length) {
      kept.push(
        unusedDiagnostic(
          s,
          `unknown rule ${unknown.map((c) => `'${c}'`).join(", ")} in this kalint comment; 'kalint rules' lists them`,
          unknown.length === s.codes.length,
        ),
      );
      continue;
    }
    const stale = s.codes.filter((c) => !s.used.has(c) && (c === "all" || judge.ran(c)));
    if (stale.length === 0) continue;
    const whole = s.used.size === 0 && stale.length === s.codes.length;
    kept.push(
      unusedDiagnostic(
        s,
        whole
          ? `this kalint comment suppresses nothing (${stale.join(", ")}); remove it`
          : `${stale.join(", ")} in this kalint comment suppresses nothing; remove ${stale.length === 1 ? "it" : "them"}`,
        whole,
      ),
    );
  }
  return kept;
}
