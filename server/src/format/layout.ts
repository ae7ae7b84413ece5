/**
 * The canonical layout of a keepalived configuration, built line by line from its tokens.
 *
 * keepalived splits every physical line at its braces before reading keywords, so
 * `a {` / `a` + `{` on the next line / `a { b }` all mean the same; the layout uses that
 * freedom and nothing more: every statement on its own line, `{` at the end of its keyword's
 * line, `}` alone on its line, words in their order with one blank between them. Words that
 * touch in the source keep touching (`abc"d e"` is one word to keepalived's script parser).
 * Lines that keepalived's preprocessor treats as a unit stay whole (see `mustStayWhole`).
 */
import type { IToken } from "chevrotain";
import { endOf, isClose, isComment, isDefinition, isOpen, braceMayFollow, mustStayWhole, type SourceLine } from "./tokens.js";

export type LineKind = "words" | "open" | "close" | "comment" | "blank" | "whole" | "definition";

export interface OutputLine {
  kind: LineKind;
  /** Nesting depth: the line is indented by this many levels. */
  depth: number;
  /** Words and braces with their spacing; for a definition, its text (continuation lines included). */
  text: string;
  /** A comment at the end of the line, or the whole line for kind "comment". */
  comment: string | undefined;
  /** Source offset of the line's first token, to point a diagnostic at it. */
  origin: number;
  /** A `{` from a later line may be appended (see `braceMayFollow`). */
  acceptsBrace: boolean;
}

/** Trailing blanks go: keepalived ignores them, and so does every reader. */
const trailingBlanks = /[ \t\f\v\r]+$/;

export function layoutLines(lines: readonly SourceLine[]): OutputLine[] {
  const b = new LayoutBuilder();
  for (const line of lines) b.addLine(line);
  return b.finish();
}

class LayoutBuilder {
  private readonly out: OutputLine[] = [];
  private depth = 0;
  /** A blank source line was seen since the last emitted line. */
  private blankPending = false;

  addLine(line: SourceLine): void {
    if (line.length === 0) {
      this.blankPending = true;
      return;
    }
    if (mustStayWhole(line)) this.addWhole(line);
    else this.addFree(line);
  }

  finish(): OutputLine[] {
    while (this.out.length > 0 && this.out[this.out.length - 1]!.kind === "blank") this.out.pop();
    return this.out;
  }

  /** A line re-laid out at its braces. */
  private addFree(line: SourceLine): void {
    /** The line receiving words, until a brace or the end of the source line closes it. */
    let current: OutputLine | undefined;
    let previous: IToken | undefined;
    /** The last output line this source line wrote to: a trailing comment belongs there. */
    let last: OutputLine | undefined;
    for (const t of line) {
      if (isComment(t)) {
        // A brace pulled onto the line above may find a comment there already; its own
        // comment then follows inside the block, so the order of comments is kept.
        if (last && last.comment === undefined) last.comment = clean(t.image);
        else this.push("comment", "", t, clean(t.image));
      } else if (isDefinition(t)) {
        last = this.push("definition", definitionText(t.image), t);
        current = undefined;
      } else if (isOpen(t)) {
        if (current) {
          current.text += " {";
          current.kind = "open";
          last = current;
          current = undefined;
        } else last = this.openBrace(t);
        this.depth++;
      } else if (isClose(t)) {
        current = undefined;
        this.depth = Math.max(0, this.depth - 1);
        last = this.push("close", "}", t);
      } else {
        if (!current) {
          current = last = this.push("words", t.image, t);
        } else {
          current.text += (previous && endOf(previous) === t.startOffset ? "" : " ") + t.image;
        }
        current.acceptsBrace = braceMayFollow(t);
      }
      previous = t;
    }
  }

  /** A line kept as one line: blanks collapsed, words that touched still touching. */
  private addWhole(line: SourceLine): void {
    let text = "";
    let comment: string | undefined;
    let depth = this.depth;
    let lowest = depth;
    let previous: IToken | undefined;
    for (const t of line) {
      if (isComment(t)) {
        comment = clean(t.image);
        continue;
      }
      if (previous) text += endOf(previous) === t.startOffset ? "" : " ";
      text += isDefinition(t) ? definitionText(t.image) : t.image;
      if (isOpen(t)) depth++;
      else if (isClose(t)) lowest = Math.min(lowest, --depth);
      previous = t;
    }
    // Indented like the block it stands in: a line that first closes blocks sits at their level.
    const out = this.push("whole", text, line[0]!, comment);
    out.depth = Math.max(0, lowest);
    this.depth = Math.max(0, depth);
  }

  /**
   * A `{` that starts its source line: it belongs at the end of the keyword line above it,
   * when that line is a plain statement. Comments between them move into the block, after
   * the brace, so the order of comments never changes; blank lines between them go.
   */
  private openBrace(t: IToken): OutputLine {
    let j = this.out.length - 1;
    while (j >= 0 && (this.out[j]!.kind === "comment" || this.out[j]!.kind === "blank")) j--;
    const target = this.out[j];
    if (!target || target.kind !== "words" || !target.acceptsBrace) {
      return this.push("open", "{", t);
    }
    target.text += " {";
    target.kind = "open";
    const between = this.out.splice(j + 1).filter((l) => l.kind === "comment");
    for (const l of between) l.depth = this.depth + 1;
    this.out.push(...between);
    this.blankPending = false;
    return target;
  }

  private push(kind: LineKind, text: string, origin: IToken, comment?: string): OutputLine {
    if (this.blankPending && this.out.length > 0) {
      this.out.push({ kind: "blank", depth: 0, text: "", comment: undefined, origin: origin.startOffset, acceptsBrace: false });
    }
    this.blankPending = false;
    const line: OutputLine = { kind, depth: this.depth, text, comment, origin: origin.startOffset, acceptsBrace: false };
    this.out.push(line);
    return line;
  }
}

function clean(comment: string): string {
  return comment.replace(trailingBlanks, "");
}

/**
 * A definition is kept as written: only trailing blanks of its continuation lines go (keepalived
 * drops them before it looks for the final `\`). Line breaks are rejoined by the renderer.
 */
function definitionText(image: string): string {
  return image
    .split(/\r?\n/)
    .map((l) => l.replace(trailingBlanks, ""))
    .join("\n");
}
