/**
 * The effective configuration: what keepalived reads after its line preprocessor has applied
 * `@id` conditions, `$NAME` definitions and substitutions, `~SEQ`/`~LST` expansions and
 * includes. The result is parsed with the same grammar, and every span of that tree is mapped
 * back to the file and offset its text came from.
 */
import type { ConfigFile, Node, Word } from "./ast.js";
import { contentEnd, definitionParts, type DefinitionPart } from "./directive-tokens.js";
import type { Diagnostic } from "./diagnostic.js";
import { directoryOf, type FileHost } from "./file-host.js";
import { freshLine, mapColumn, replaceInLine, sliceLine, type MappedLine, type Segment } from "./line-map.js";
import { builtinValue, BUILTIN_NAMES, findReferences, PARAMETER_NAME, type ParameterValue } from "./parameters.js";
import { lineProblems, parse } from "./parse.js";
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
  /** Environment for `${_ENV NAME}`. */
  readonly env?: (name: string) => string | undefined;
  /** Lines preprocessing may read, expansions included, before it stops (default 2,000,000). */
  readonly maxLines?: number;
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
  /** Syntax and preprocessing diagnostics, in their own files. */
  readonly diagnostics: readonly Diagnostic[];
}

const MAX_INCLUDE_DEPTH = 32;
const MAX_SUBSTITUTION_ROUNDS = 32;
const MAX_LINES = 2_000_000;
const directiveLine = /^[ \t]*(?:@|~|include)/m;
/** `$NAME=` at the start of a line (with the blanks after `=`), and after an `@id` prefix. */
const DEFINITION = new RegExp(`^\\$(${PARAMETER_NAME})=`);
const DEFINITION_HEAD = new RegExp(`^\\$(${PARAMETER_NAME})=[ \\t]*`);
const CONDITIONAL_DEFINITION = new RegExp(`^@\\^?\\S+[ \\t]+\\$(${PARAMETER_NAME})=`);

/** Reads `path` (and what it includes) and returns both views of it. Never throws. */
export function preprocess(path: string, options: PreprocessOptions): EffectiveConfig {
  const text = options.text ?? options.host.readFile(path);
  const root = new SourceText(path, text ?? "");
  const raw = parse(root);
  if (text === undefined) {
    const d = diagnostic({ file: root, start: 0, end: 0 }, "include-not-found", `cannot read ${path}`);
    return { root, raw, file: raw, files: [root], includes: [], parameters: new Map(), diagnostics: [d] };
  }
  // Most files use none of the preprocessor: the file as written is then the effective file.
  // The character searches are far cheaper than the line-anchored expression over a large text.
  const mayHaveDirective = root.text.includes("@") || root.text.includes("~") || root.text.includes("include");
  const needsWork = root.text.includes("$") || (mayHaveDirective && directiveLine.test(root.text)) || raw.diagnostics.some((d) => d.code === "line-too-long" || /NUL/.test(d.message));
  if (!needsWork) {
    return { root, raw, file: raw, files: [root], includes: [], parameters: new Map(), diagnostics: raw.diagnostics };
  }
  return new Preprocessor(options, root).run(raw);
}

class Preprocessor {
  private readonly out: MappedLine[] = [];
  private readonly diagnostics: Diagnostic[] = [];
  private readonly parameters = new Map<string, ParameterValue>();
  private readonly files: SourceText[] = [];
  private readonly includes: IncludeLink[] = [];
  private readonly stack: string[] = [];
  private directory = "";
  /** Lines handed to processLine; bounds expansions that branch (a multi-line value naming itself twice). */
  private linesRead = 0;
  private overLimit = false;
  /** Set when a line's substitution ran away, so its pending expansions stop and it is reported once. */
  private runaway = false;

  constructor(
    private readonly options: PreprocessOptions,
    private readonly root: SourceText,
  ) {}

  run(raw: ConfigFile): EffectiveConfig {
    this.readFile(this.root);
    const effective = new SourceText(this.root.path, this.out.map((l) => l.text).join("\n"));
    const parsed = parseChunked(effective, true);
    const comments = parsed.comments;
    const lines = this.out;
    const map = (span: { start: number; end: number }): Span => mapSpan(effective, lines, span.start, span.end);
    const children = parsed.children.map((n) => remapNode(n, map));
    const file: ConfigFile = {
      kind: "file",
      source: this.root,
      children,
      comments: comments.map((t) => ({ kind: "comment", ...map({ start: t.startOffset, end: t.startOffset + t.image.length }), text: t.image })),
      diagnostics: parsed.diagnostics.map((d) => ({ ...d, ...map(d) })),
    };
    const diagnostics = [...this.diagnostics, ...file.diagnostics];
    return { root: this.root, raw, file, files: this.files, includes: this.includes, parameters: this.parameters, diagnostics };
  }

  private readFile(source: SourceText): void {
    this.files.push(source);
    this.stack.push(resolve(source.path));
    const savedDirectory = this.directory;
    this.directory = directoryOf(source.path);
    this.diagnostics.push(...lineProblems(source));
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
    const maxLines = this.options.maxLines ?? MAX_LINES;
    if (++this.linesRead > maxLines) {
      this.overLimit = true;
      this.reportAt(input, 0, input.text.length, "syntax-error", `preprocessing read over ${maxLines} lines; kalint stopped expanding here`);
      return;
    }
    let line = input;
    for (let round = 0; ; round++) {
      if (line.text === "") return;
      if (depth > MAX_SUBSTITUTION_ROUNDS || round > MAX_SUBSTITUTION_ROUNDS) {
        this.reportAt(line, 0, line.text.length, "syntax-error", "parameter substitution does not terminate (a definition refers to itself)");
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
      const substituted = this.substitute(line, depth);
      if (substituted === undefined) return; // a multi-line value was expanded into lines
      if (substituted === line) break;
      const lead = substituted.text.length - substituted.text.trimStart().length;
      line = lead ? sliceLine(substituted, lead) : substituted;
      if (line.text.charCodeAt(0) !== 64 && !line.text.includes("$")) break;
    }
    const first = /^(\S+)(?:[ \t]+(.*))?$/.exec(line.text);
    if (first && INCLUDE_DIRECTIVES.has(first[1]!) && first[2] !== undefined) {
      this.include(line, first[1]!.length, first[2]);
      return;
    }
    this.out.push(line);
  }

  /** One round of `$NAME` replacement; undefined when the line was handed on as several lines. */
  private substitute(line: MappedLine, depth: number): MappedLine | undefined {
    const refs = findReferences(line.text);
    if (refs.length === 0) return line;
    let result = line;
    const quoted = quotedRanges(line.text);
    for (let k = refs.length - 1; k >= 0; k--) {
      const ref = refs[k]!;
      const origin = spanOf(line, ref.from, ref.to);
      const defined = this.parameters.get(ref.name);
      let value: string | undefined;
      if (defined && ref.params.length === 0) {
        if (defined.multiline) {
          if (k !== refs.length - 1 || line.text.slice(ref.to).trim() !== "") continue; // only last on a line
          const lines = defined.value.split("\n");
          const head = replaceInLine(result, ref.from, ref.to, lines[0]!, origin);
          // Each expanded line is read again one level deeper, so a value that names itself stops.
          this.processLine(head, depth + 1);
          for (const more of lines.slice(1)) this.processLine({ text: more.trim(), segments: [{ at: 0, len: more.trim().length, file: origin.file, orig: origin.start, origLen: origin.end - origin.start }] }, depth + 1);
          return undefined;
        }
        value = defined.value;
      } else if (BUILTIN_NAMES.has(ref.name)) {
        const builtin = builtinValue(ref, { directory: this.directory, configId: this.options.configId, env: this.options.env ?? (() => undefined) });
        if (builtin && "error" in builtin) {
          this.report(origin.file, origin.start, origin.end, "invalid-value", builtin.error);
          continue;
        }
        value = builtin?.value;
      }
      if (value === undefined) {
        if (!quoted.some(([a, b]) => ref.from > a && ref.from < b)) {
          this.report(origin.file, origin.start, origin.end, "undefined-variable", `$${ref.name} is not defined here; keepalived keeps the text '${line.text.slice(ref.from, ref.to)}' as written`);
        }
        continue;
      }
      result = replaceInLine(result, ref.from, ref.to, value, origin);
    }
    return result.text === line.text ? line : result;
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
    for (const iteration of plan.iterations) {
      for (const [name, value] of iteration.values) this.parameters.set(name, { value, multiline: false });
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
    const files = this.options.host.glob(pattern, this.directory);
    this.includes.push({ pattern: span, files });
    if (files.length === 0) {
      this.report(span.file, span.start, span.end, "include-not-found", `no file matches include pattern '${pattern}'`);
      return;
    }
    for (const path of files) {
      const real = resolve(path);
      if (this.stack.includes(real)) {
        this.report(span.file, span.start, span.end, "include-cycle", `including ${path} here would read it again from inside itself (${this.stack.length} levels deep)`);
        continue;
      }
      if (this.stack.length >= MAX_INCLUDE_DEPTH) {
        this.report(span.file, span.start, span.end, "include-cycle", `includes nest more than ${MAX_INCLUDE_DEPTH} deep`);
        continue;
      }
      const text = this.options.host.readFile(path);
      if (text === undefined) {
        this.report(span.file, span.start, span.end, "include-not-found", `cannot read included file ${path}`);
        continue;
      }
      this.readFile(new SourceText(path, text));
    }
  }

  private report(file: SourceText, start: number, end: number, code: Code, message: string): void {
    this.diagnostics.push(diagnostic({ file, start, end }, code, message));
  }

  private reportAt(line: MappedLine, from: number, to: number, code: Code, message: string): void {
    const span = spanOf(line, from, to);
    this.report(span.file, span.start, span.end, code, message);
  }
}

function spanOf(line: MappedLine, from: number, to: number): Span {
  const a = mapColumn(line, from, false)!;
  const b = mapColumn(line, to, true)!;
  return { file: a.file, start: a.offset, end: b.file === a.file ? Math.max(a.offset, b.offset) : a.offset };
}

/** A multi-line definition as one line of text: its lines' text joined by line feeds, lines without text left out. */
function joinDefinition(source: SourceText, parts: readonly DefinitionPart[]): MappedLine {
  let text = "";
  const segments: Segment[] = [];
  for (const [i, p] of parts.entries()) {
    if (i > 0 && p.valueEnd === p.start) continue;
    if (i > 0) text += "\n";
    for (const s of freshLine(source, p.start, source.text.slice(p.start, p.valueEnd)).segments) segments.push({ ...s, at: s.at + text.length });
    text += source.text.slice(p.start, p.valueEnd);
  }
  return { text, segments };
}

function quotedRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 34) {
      if (open < 0) open = i;
      else {
        out.push([open, i]);
        open = -1;
      }
    }
  }
  if (open >= 0) out.push([open, text.length]);
  return out;
}

function mapSpan(effective: SourceText, lines: readonly MappedLine[], start: number, end: number): Span {
  const sLine = effective.lineOf(start);
  const eLine = effective.lineOf(Math.max(start, end - 1));
  const startCol = start - effective.lineStarts[sLine]!;
  const endCol = end - effective.lineStarts[eLine]!;
  const a = mapColumn(lines[sLine]!, startCol, false);
  const b = mapColumn(lines[eLine]!, endCol, true);
  if (!a) return { file: effective, start, end };
  if (!b || b.file !== a.file || b.offset < a.offset) return { file: a.file, start: a.offset, end: a.file.lineEnd(a.file.lineOf(a.offset)) };
  return { file: a.file, start: a.offset, end: b.offset };
}

type SpanMapper = (span: { start: number; end: number }) => Span;

function remapWord(w: Word, map: SpanMapper): Word {
  return { ...w, ...map(w) };
}

function remapNode(node: Node, map: SpanMapper): Node {
  const base = map(node);
  switch (node.kind) {
    case "statement":
      return { ...node, ...base, keyword: remapWord(node.keyword, map), args: node.args.map((w) => remapWord(w, map)) };
    case "value":
      return { ...node, ...base, words: node.words.map((w) => remapWord(w, map)) };
    case "block":
      return {
        ...node,
        ...base,
        keyword: remapWord(node.keyword, map),
        args: node.args.map((w) => remapWord(w, map)),
        open: map(node.open),
        close: node.close && map(node.close),
        children: node.children.map((c) => remapNode(c, map)),
      };
    case "anonymous-block":
      return { ...node, ...base, open: map(node.open), close: node.close && map(node.close), children: node.children.map((c) => remapNode(c, map)) };
    case "include":
      return { ...node, ...base, directive: remapWord(node.directive, map), pattern: node.pattern && remapWord(node.pattern, map), extra: node.extra.map((w) => remapWord(w, map)) };
    case "definition":
      return { ...node, ...base, nameSpan: map(node.nameSpan), valueSpan: map(node.valueSpan) };
  }
}
