/**
 * The effective configuration: what keepalived reads after its line preprocessor has applied
 * `@id` conditions, `$NAME` definitions and substitutions, `~SEQ`/`~LST` expansions and
 * includes. The result is parsed with the same grammar, and every span of that tree is mapped
 * back to the file and offset its text came from.
 */
import type { ConfigFile } from "./ast.js";
import { contentEnd, definitionParts, type DefinitionPart } from "./directive-tokens.js";
import { FindingLimiter, type Diagnostic } from "./diagnostic.js";
import { directoryOf, type FileHost, type FileStamp } from "./file-host.js";
import { glob } from "./glob.js";
import { Budget, checkDeadline, formatBytes, formatCount, limitsOf, type Limits } from "./limits.js";
import { freshLine, mapColumn, mapSpan, remapNode, replaceInLine, sliceLine, spanOf, type MappedLine, type Segment } from "./line-map.js";
import { builtinValue, BUILTIN_NAMES, findReferences, PARAMETER_NAME, type ParameterValue, type Reference } from "./parameters.js";
import { lineProblems, MAX_LINE_BYTES, parse } from "./parse.js";
import { parseChunked } from "./chunked-parse.js";
import { planSequence } from "./sequence.js";
import { diagnostic, type Code } from "./registry.js";
import { SourceText, type Span } from "./source.js";
import { INCLUDE_DIRECTIVES } from "./value-blocks.js";
import { resolve } from "node:path";

export interface PreprocessOptions {
  readonly host: FileHost;
  /** The `-i` config id; without it no `@id` line is kept and every `@^id` line is. */
  readonly configId?: string;
  /** Text to use for the root file instead of reading it (an editor's unsaved buffer). */
  readonly text?: string;
  /** The root file as the caller read it (with `text`), so --fix can tell it is the same file. */
  readonly stamp?: FileStamp;
  /** Environment for `${_ENV NAME}`. */
  readonly env?: (name: string) => string | undefined;
  /** Bounds on what one preprocessing reads and expands (grammar/limits.ts); defaults otherwise. */
  readonly limits?: Partial<Limits>;
}

export interface IncludeLink {
  /** The include pattern word in the file as written. */
  readonly pattern: Span;
  readonly files: readonly string[];
}

export interface EffectiveConfig {
  readonly root: SourceText;
  /** The root file as written. */
  readonly raw: ConfigFile;
  /** The configuration as keepalived reads it. */
  readonly file: ConfigFile;
  /** Every file read, the root first. */
  readonly files: readonly SourceText[];
  readonly includes: readonly IncludeLink[];
  /** Definitions in effect at the end of the file, by name. */
  readonly parameters: ReadonlyMap<string, ParameterValue>;
  /**
   * Text that substitution put into the configuration, with what it stands for ("the value of
   * environment variable X"), so output can leave it out (values from the environment always).
   */
  readonly substituted: readonly Substitution[];
  /** Syntax and preprocessing diagnostics, in their own files. */
  readonly diagnostics: readonly Diagnostic[];
}

export interface Substitution {
  readonly value: string;
  /** What to write instead of the value: "the value of environment variable X", "the value of $NAME". */
  readonly label: string;
  /** From `${_ENV ...}`: never shown. Others are shown unless output is redacted. */
  readonly secret: boolean;
}

const MAX_SUBSTITUTION_ROUNDS = 32;
const directiveLine = /^[ \t]*(?:@|~|include)/m;
/** `$NAME=` at the start of a line (with the blanks after `=`), and after an `@id` prefix. */
const DEFINITION = new RegExp(`^\\$(${PARAMETER_NAME})=`);
const DEFINITION_HEAD = new RegExp(`^\\$(${PARAMETER_NAME})=[ \\t]*`);
const CONDITIONAL_DEFINITION = new RegExp(`^@\\^?\\S+[ \\t]+\\$(${PARAMETER_NAME})=`);

/** Reads `path` (and what it includes) and returns both views of it. Never throws. */
export function preprocess(path: string, options: PreprocessOptions): EffectiveConfig {
  const budget = new Budget(limitsOf(options.limits));
  const limits = budget.limits;
  let text = options.text;
  let stamp = options.stamp;
  let refusal: { message: string; tooLarge: boolean } | undefined;
  if (text === undefined) {
    const read = options.host.readFile(path, limits.fileBytes);
    if ("refused" in read) refusal = { message: read.refused.message, tooLarge: read.refused.reason === "too-large" };
    else ({ text, stamp } = read);
  } else if (text.length > limits.fileBytes) {
    refusal = {
      message: `${path} is over ${formatBytes(limits.fileBytes)}; kalint analyses files of up to ${formatBytes(limits.fileBytes)}`,
      tooLarge: true,
    };
  }
  if (refusal) {
    const root = new SourceText(path, "", { truncated: text !== undefined, ...(stamp ? { stamp } : {}) });
    const raw = parse(root, { budget });
    const d = diagnostic({ file: root, start: 0, end: 0 }, refusal.tooLarge ? "resource-limit" : "include-not-found", refusal.message);
    return { root, raw, file: raw, files: [root], includes: [], parameters: new Map(), substituted: [], diagnostics: [d] };
  }
  budget.take("totalBytes", stamp?.size ?? text!.length);
  // Lines past the budget are not read at all: not even the raw tree is built for them.
  const cut = lineCut(text!, limits.lines);
  const root = new SourceText(path, cut === undefined ? text! : text!.slice(0, cut), {
    ...(stamp ? { stamp } : {}),
    ...(cut === undefined ? {} : { truncated: true }),
  });
  if (cut !== undefined) budget.take("lines", limits.lines);
  text = root.text;
  let raw = parse(root, { budget });
  if (cut !== undefined) {
    const end = root.text.length;
    const stop = diagnostic(
      { file: root, start: end, end },
      "resource-limit",
      `kalint reads ${formatCount(limits.lines)} lines per analysis; the rest of ${path} is not analysed`,
    );
    raw = { ...raw, diagnostics: [...raw.diagnostics, stop] };
  }
  // Most files use none of the preprocessor: the file as written is then the effective file.
  // The character searches are far cheaper than the line-anchored expression over a large text.
  const mayHaveDirective = root.text.includes("@") || root.text.includes("~") || root.text.includes("include");
  const needsWork =
    root.text.includes("$") ||
    (mayHaveDirective && directiveLine.test(root.text)) ||
    raw.diagnostics.some((d) => d.code === "line-too-long" || /NUL/.test(d.message));
  if (!needsWork) {
    return { root, raw, file: raw, files: [root], includes: [], parameters: new Map(), substituted: [], diagnostics: raw.diagnostics };
  }
  return new Preprocessor(options, root, budget).run(raw);
}

/** The offset where line `max` + 1 starts, when the text has more lines than `max`. */
function lineCut(text: string, max: number): number | undefined {
  let at = -1;
  for (let line = 0; line < max; line++) {
    at = text.indexOf("\n", at + 1);
    if (at === -1) return undefined;
  }
  return at + 1 < text.length ? at + 1 : undefined;
}

class Preprocessor {
  private readonly out: MappedLine[] = [];
  private readonly diagnostics: Diagnostic[] = [];
  private readonly limiter: FindingLimiter;
  private readonly parameters = new Map<string, ParameterValue>();
  private readonly files: SourceText[] = [];
  private readonly includes: IncludeLink[] = [];
  private readonly substituted = new Map<string, Substitution>();
  private readonly stack: string[] = [];
  private directory = "";
  /** Set once a budget of lines or bytes ran out: nothing more is read or expanded. */
  private overLimit = false;
  /** Set when a line's substitution ran away, so its pending expansions stop and it is reported once. */
  private runaway = false;
  /** Set when substitution stopped at the line length limit: the line is read as it stands. */
  private lineFull = false;
  /** The root's lines were already counted (the whole budget, when it was cut). */
  private readonly rootCounted: boolean;

  constructor(
    private readonly options: PreprocessOptions,
    private readonly root: SourceText,
    private readonly budget: Budget,
  ) {
    this.rootCounted = root.origin.truncated === true;
    this.limiter = new FindingLimiter(budget.limits.findingsKept);
  }

  run(raw: ConfigFile): EffectiveConfig {
    this.readFile(this.root);
    const effective = new SourceText(this.root.path, this.out.map((l) => l.text).join("\n"));
    const parsed = parseChunked(effective, true, { budget: this.budget, wordsCounted: true });
    const comments = parsed.comments;
    const lines = this.out;
    const map = (span: { start: number; end: number }): Span => mapSpan(effective, lines, span.start, span.end);
    const children = parsed.children;
    for (const n of children) remapNode(n, map);
    const file: ConfigFile = {
      kind: "file",
      source: this.root,
      children,
      comments: comments.map((t) => ({
        kind: "comment",
        ...map({ start: t.startOffset, end: t.startOffset + t.image.length }),
        text: t.image,
      })),
      diagnostics: parsed.diagnostics.map((d) => ({ ...d, ...map(d) })),
    };
    for (const d of this.limiter.summaries()) this.diagnostics.push(d);
    const diagnostics = [...this.diagnostics, ...file.diagnostics];
    if (this.root.origin.truncated) diagnostics.push(...raw.diagnostics.filter((d) => d.code === "resource-limit"));
    return {
      root: this.root,
      raw,
      file,
      files: this.files,
      includes: this.includes,
      parameters: this.parameters,
      substituted: [...this.substituted.values()],
      diagnostics,
    };
  }

  private readFile(source: SourceText): void {
    this.files.push(source);
    this.stack.push(resolve(source.path));
    const savedDirectory = this.directory;
    this.directory = directoryOf(source.path);
    for (const d of lineProblems(source, this.budget.limits.findingsKept)) this.diagnostics.push(d);
    const text = source.text;
    const starts = source.lineStarts;
    for (let line = 0; line < starts.length; line++) {
      const start = starts[line]!;
      const lineEnd = source.lineEnd(line);
      const physical = text.slice(start, lineEnd);
      if (physical.includes("\0") || (physical.length > 341 && Buffer.byteLength(physical) > 1023)) continue;
      const { end } = contentEnd(text, start);
      let content = freshLine(source, start, text.slice(start, Math.min(end, lineEnd)));
      const lead = content.text.length - content.text.trimStart().length;
      if (lead) content = sliceLine(content, lead);
      // A definition whose line ends in `\` goes on over the lines that follow (directive-tokens.ts reads them).
      if (DEFINITION.test(content.text) || CONDITIONAL_DEFINITION.test(content.text)) {
        const parts = definitionParts(text, start);
        const first = text.slice(parts[0]!.start, parts[0]!.valueEnd);
        // Only keepalived's blanks may lead a definition (JavaScript's trim also takes a no-break space).
        if (parts[0]!.continues && (DEFINITION.test(first) || CONDITIONAL_DEFINITION.test(first))) {
          line = source.lineOf(parts[parts.length - 1]!.start);
          this.processLine(joinDefinition(source, parts), 0);
          continue;
        }
      }
      this.processLine(content, 0);
      if (this.overLimit) break;
    }
    this.directory = savedDirectory;
    this.stack.pop();
  }

  /** keepalived's per-line pipeline, re-entered for lines that substitution or expansion produce. */
  private processLine(input: MappedLine, depth: number): void {
    if (depth === 0) this.runaway = false;
    if (this.overLimit || this.runaway) return;
    checkDeadline();
    // The root's own lines were counted before its raw parse when the budget cut it.
    if (!(this.rootCounted && depth === 0 && this.stack.length === 1) && !this.budget.take("lines")) {
      this.overLimit = true;
      const max = formatCount(this.budget.limits.lines);
      this.reportAt(
        input,
        0,
        input.text.length,
        "resource-limit",
        `preprocessing read ${max} lines (includes and expansions counted); kalint stopped reading here`,
      );
      return;
    }
    let line = input;
    for (let round = 0; ; round++) {
      if (line.text === "") return;
      if (depth > MAX_SUBSTITUTION_ROUNDS || round > MAX_SUBSTITUTION_ROUNDS) {
        this.reportAt(
          line,
          0,
          line.text.length,
          "syntax-error",
          "parameter substitution does not terminate (a definition refers to itself)",
        );
        this.runaway = true;
        return;
      }
      // One @id / @^id prefix a round: after it, a second `@word` is the line's keyword, unless
      // a substitution below brings a new `@` to the front (keepalived reads it so).
      if (line.text.charCodeAt(0) === 64) {
        const m = /^@(\^?)(\S*)[ \t]*/.exec(line.text)!;
        const negated = m[1] === "^";
        const matches = this.options.configId !== undefined && m[2] === this.options.configId;
        if (negated === matches) return;
        line = sliceLine(line, m[0].length);
        if (line.text === "") return;
      }
      // $NAME=value
      const def = DEFINITION_HEAD.exec(line.text);
      if (def) {
        const value = line.text.slice(def[0].length);
        const at = mapColumn(line, 1, false);
        const definedAt = at ? { file: at.file, start: at.offset, end: at.offset + def[1]!.length } : undefined;
        this.parameters.set(def[1]!, { value, multiline: value.includes("\n"), ...(definedAt ? { definedAt } : {}) });
        return;
      }
      // ~SEQ / ~LST
      const seq = /^~(SEQx|SEQ|LST)\(/.exec(line.text);
      if (seq) {
        this.expandSequence(line, seq[1] as "SEQ" | "SEQx" | "LST", depth);
        return;
      }
      if (line.text.charCodeAt(0) === 126) break; // other `~` lines pass through untouched
      this.lineFull = false;
      const substituted = this.substitute(line, depth);
      if (substituted === undefined) return; // a multi-line value was expanded into lines
      if (substituted === line) break;
      const lead = substituted.text.length - substituted.text.trimStart().length;
      line = lead ? sliceLine(substituted, lead) : substituted;
      // A line that reached the length limit is read as it stands: keepalived stops substituting.
      if (this.lineFull || (line.text.charCodeAt(0) !== 64 && !line.text.includes("$"))) break;
    }
    // Every include directive starts with `i`: other lines skip the expression (and its copy of the line).
    const first = line.text.charCodeAt(0) === 105 /* i */ ? /^(\S+)(?:[ \t]+(.*))?$/.exec(line.text) : null;
    if (first && INCLUDE_DIRECTIVES.has(first[1]!) && first[2] !== undefined) {
      this.include(line, first[1]!.length, first[2]);
      return;
    }
    if (!this.budget.take("expandedBytes", line.text.length + 1)) {
      this.overLimit = true;
      this.reportAt(
        line,
        0,
        line.text.length,
        "resource-limit",
        `preprocessing produced ${formatBytes(this.budget.limits.expandedBytes)} of configuration text; kalint stopped reading here`,
      );
      return;
    }
    // The words of the text keepalived reads are counted as it is produced, one more for each
    // line (a line of it, with its map back to the files, costs about what a word does): the
    // budget then stops an expansion before its lines pile up, not after.
    if (!this.budget.take("words", wordsIn(line.text) + 1)) {
      this.overLimit = true;
      this.reportAt(
        line,
        0,
        line.text.length,
        "resource-limit",
        `kalint parses ${formatCount(this.budget.limits.words)} words per analysis (includes and expansions counted); it stopped reading here`,
      );
      return;
    }
    this.out.push(line);
  }

  /** One round of `$NAME` replacement; undefined when the line was handed on as several lines. */
  private substitute(line: MappedLine, depth: number): MappedLine | undefined {
    const refs = findReferences(line.text);
    if (refs.length === 0) return line;
    // A multi-line value counts only last on a line; its first line takes the reference's place
    // and the whole is read again a level deeper (so a value that names itself stops).
    const last = refs[refs.length - 1]!;
    const multi = last.params.length === 0 ? this.parameters.get(last.name) : undefined;
    if (multi?.multiline && line.text.slice(last.to).trim() === "") {
      const origin = spanOf(line, last.from, last.to);
      const lines = multi.value.split("\n");
      this.processLine(replaceInLine(line, last.from, last.to, lines[0]!, origin), depth + 1);
      for (const more of lines.slice(1))
        this.processLine(
          {
            text: more.trim(),
            segments: [{ at: 0, len: more.trim().length, file: origin.file, orig: origin.start, origLen: origin.end - origin.start }],
          },
          depth + 1,
        );
      return undefined;
    }
    // keepalived replaces left to right in a 1024-byte buffer and stops at the first reference
    // whose value would not fit, leaving it and the rest of the line as written.
    const planned: { ref: Reference; value: string; origin: Span }[] = [];
    let bytes = Buffer.byteLength(line.text);
    for (const ref of refs) {
      const origin = spanOf(line, ref.from, ref.to);
      const value = this.valueOf(ref, line, origin);
      if (value === undefined) continue;
      const after = bytes - Buffer.byteLength(line.text.slice(ref.from, ref.to)) + Buffer.byteLength(value);
      if (after > MAX_LINE_BYTES) {
        this.lineFull = true;
        this.report(
          origin.file,
          origin.start,
          origin.end,
          "line-too-long",
          `substituting ${this.describe(ref)} here would make the line ${formatCount(after)} bytes long; keepalived stops substituting at this point (lines hold ${MAX_LINE_BYTES} bytes) and reads the rest as written`,
        );
        break;
      }
      bytes = after;
      planned.push({ ref, value, origin });
    }
    let result = line;
    for (let k = planned.length - 1; k >= 0; k--) {
      const { ref, value, origin } = planned[k]!;
      result = replaceInLine(result, ref.from, ref.to, value, origin);
    }
    return result.text === line.text ? line : result;
  }

  /** The value a reference stands for, undefined (reported where keepalived would complain) when none. */
  private valueOf(ref: Reference, line: MappedLine, origin: Span): string | undefined {
    const defined = this.parameters.get(ref.name);
    if (defined && ref.params.length === 0) {
      if (defined.multiline) return undefined; // not last on its line: keepalived leaves it
      this.remember(defined.value, ref, false);
      return defined.value;
    }
    if (BUILTIN_NAMES.has(ref.name)) {
      const builtin = builtinValue(ref, {
        directory: this.directory,
        configId: this.options.configId,
        env: this.options.env ?? (() => undefined),
      });
      if (builtin && "error" in builtin) {
        this.report(origin.file, origin.start, origin.end, "invalid-value", builtin.error);
        return undefined;
      }
      if (builtin && ref.name === "_ENV") this.remember(builtin.value, ref, true);
      if (builtin) return builtin.value;
    }
    if (!insideQuotes(line.text, ref.from)) {
      // Past the findings kept, one is only counted: no message to build.
      const full = this.limiter.isFull(origin.file, "undefined-variable");
      this.report(
        origin.file,
        origin.start,
        origin.end,
        "undefined-variable",
        full ? "" : `$${ref.name} is not defined here; keepalived keeps the text '${line.text.slice(ref.from, ref.to)}' as written`,
      );
    }
    return undefined;
  }

  /** How a message names a reference without its value. */
  private describe(ref: Reference): string {
    return ref.name === "_ENV" && ref.params.length === 1 ? `the value of environment variable ${ref.params[0]}` : `$${ref.name}`;
  }

  /** Notes a value substitution put in the text; its label is written only when it is kept. */
  private remember(value: string, ref: Reference, secret: boolean): void {
    if (value.trim() === "") return;
    const known = this.substituted.get(value);
    if (!known || (secret && !known.secret))
      this.substituted.set(value, { value, label: secret ? this.describe(ref) : `the value of $${ref.name}`, secret });
  }

  private expandSequence(line: MappedLine, form: "SEQ" | "SEQx" | "LST", depth: number): void {
    const open = line.text.indexOf("(");
    let d = 0;
    let close = -1;
    for (let i = open; i < line.text.length; i++) {
      if (line.text[i] === "(") d++;
      else if (line.text[i] === ")" && --d === 0) {
        close = i;
        break;
      }
    }
    if (close === -1) {
      this.reportAt(line, 0, line.text.length, "syntax-error", `'~${form}(' has no closing ')'`);
      return;
    }
    const params = this.substituteText(line.text.slice(open + 1, close));
    const plan = planSequence(form, params);
    if ("error" in plan) {
      this.reportAt(line, 0, close + 1, "invalid-value", plan.error);
      return;
    }
    const rest = sliceLine(line, close + 1);
    const lead = rest.text.length - rest.text.trimStart().length;
    const body = lead ? sliceLine(rest, lead) : rest;
    for (const row of plan.rows) {
      for (let i = 0; i < row.length; i++) this.parameters.set(plan.names[i]!, { value: row[i]!, multiline: false });
      this.processLine(body, depth + 1);
      if (this.overLimit) return;
    }
  }

  private substituteText(text: string): string {
    let result = text;
    for (const ref of findReferences(text).reverse()) {
      const v = this.parameters.get(ref.name);
      if (v && !v.multiline) result = result.slice(0, ref.from) + v.value + result.slice(ref.to);
    }
    return result;
  }

  private include(line: MappedLine, directiveLength: number, rest: string): void {
    const pattern = rest.trim().split(/[ \t]+/)[0]!;
    const patternAt = line.text.indexOf(pattern, directiveLength);
    const span = spanOf(line, patternAt, patternAt + pattern.length);
    const found = glob(pattern, this.directory, this.options.host, this.budget);
    for (const p of found.problems) this.report(span.file, span.start, span.end, p.code, p.message);
    const files = found.files;
    this.includes.push({ pattern: span, files });
    if (files.length === 0) {
      if (found.problems.length === 0)
        this.report(span.file, span.start, span.end, "include-not-found", `no file matches include pattern '${pattern}'`);
      return;
    }
    const limits = this.budget.limits;
    for (const path of files) {
      if (this.overLimit) return;
      const real = resolve(path);
      if (this.stack.includes(real)) {
        this.report(
          span.file,
          span.start,
          span.end,
          "include-cycle",
          `including ${path} here would read it again from inside itself (${this.stack.length} levels deep)`,
        );
        continue;
      }
      if (this.stack.length >= limits.includeDepth) {
        this.report(span.file, span.start, span.end, "include-cycle", `includes nest more than ${limits.includeDepth} deep`);
        continue;
      }
      if (!this.budget.take("files")) {
        if (this.budget.firstReport("files"))
          this.report(
            span.file,
            span.start,
            span.end,
            "resource-limit",
            `kalint reads ${formatCount(limits.files)} files per analysis; ${path} and the files after it are not read`,
          );
        return;
      }
      const read = this.options.host.readFile(path, limits.fileBytes);
      if ("refused" in read) {
        const tooLarge = read.refused.reason === "too-large";
        this.report(
          span.file,
          span.start,
          span.end,
          tooLarge ? "resource-limit" : "include-not-found",
          tooLarge
            ? read.refused.message
            : `cannot read included file ${path}${read.refused.reason === "missing" ? "" : `: ${read.refused.message.replace(/^cannot read [^:]*: /, "")}`}`,
        );
        continue;
      }
      if (!this.budget.take("totalBytes", read.stamp?.size ?? read.text.length)) {
        if (this.budget.firstReport("totalBytes"))
          this.report(
            span.file,
            span.start,
            span.end,
            "resource-limit",
            `kalint reads ${formatBytes(limits.totalBytes)} per analysis; ${path} and the files after it are not read`,
          );
        return;
      }
      checkDeadline();
      this.readFile(new SourceText(path, read.text, read.stamp ? { stamp: read.stamp } : {}));
    }
  }

  private report(file: SourceText, start: number, end: number, code: Code, message: string): void {
    const d = diagnostic({ file, start, end }, code, message);
    if (this.limiter.admit(d)) this.diagnostics.push(d);
  }

  private reportAt(line: MappedLine, from: number, to: number, code: Code, message: string): void {
    const span = spanOf(line, from, to);
    this.report(span.file, span.start, span.end, code, message);
  }
}

/** Runs of non-blank characters: about the number of tokens the line lexes to. */
function wordsIn(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const blank = c === 32 || c === 9;
    if (!blank && !inWord) n++;
    inWord = !blank;
  }
  return n;
}

/** A multi-line definition as one line of text: its lines' text joined by line feeds, lines without text left out. */
function joinDefinition(source: SourceText, parts: readonly DefinitionPart[]): MappedLine {
  let text = "";
  const segments: Segment[] = [];
  for (const [i, p] of parts.entries()) {
    if (i > 0 && p.valueEnd === p.start) continue;
    if (i > 0) text += "\n";
    for (const s of freshLine(source, p.start, source.text.slice(p.start, p.valueEnd)).segments)
      segments.push({ ...s, at: s.at + text.length });
    text += source.text.slice(p.start, p.valueEnd);
  }
  return { text, segments };
}

/** Whether column `at` lies between a pair of `"` (or after an unpaired one). */
function insideQuotes(text: string, at: number): boolean {
  let inside = false;
  for (let i = text.indexOf('"'); i !== -1 && i < at; i = text.indexOf('"', i + 1)) inside = !inside;
  return inside;
}
