/**
 * Include patterns, matched as keepalived asks glibc's glob(3) to match them (GLOB_MARK |
 * GLOB_BRACE, no GLOB_PERIOD, backslash escapes on): `{a,b}` alternatives expanded first, each
 * globbed and sorted on its own; `*`, `?` and `[...]` with ranges, negation by `!` or `^`, POSIX
 * classes (`[[:digit:]]`, C locale) within one path component; a name starting with `.` only
 * matched by a pattern that starts with a literal `.`. Only regular, non-executable files are
 * included, as keepalived skips anything else.
 *
 * Every step is bounded (grammar/limits.ts): brace alternatives are counted before they are
 * expanded, names are matched in time linear in their length (no backtracking), and directories
 * listed, entries looked at and matches are budgeted. A malformed pattern is a problem to report,
 * never an exception. Nothing here uses a Node API; the host lists directories and says what a
 * path is.
 */
import type { FileHost, FileStat } from "./file-host.js";
import { checkDeadline, formatCount, type Budget } from "./limits.js";

/** What a path is, links followed. */
export type PathKind =
  /** A regular file keepalived would read. */
  | "file"
  | "directory"
  /** A regular file with an execute bit, which keepalived skips. */
  | "executable"
  /** A device, FIFO or socket. */
  | "special"
  /** Anything under /proc, /sys or /dev (pseudo-files: never read, never listed). */
  | "system";

/** What glob needs of a FileHost: directory listings and what a path is. */
export type GlobHost = Pick<FileHost, "readDirectory" | "stat" | "nameOf">;

/** What keepalived's include makes of a path, from its stat; undefined when it does not exist. */
export function pathKind(st: FileStat | undefined): PathKind | undefined {
  if (!st) return undefined;
  if (st.system) return "system";
  if (st.kind === "dir") return "directory";
  if (st.kind === "other") return "special";
  // keepalived skips executable files as well as directories.
  return st.executable ? "executable" : "file";
}

export interface GlobProblem {
  readonly code: "resource-limit" | "invalid-value" | "include-not-found";
  readonly message: string;
}

export interface GlobResult {
  /** Matching regular files, in keepalived's order. */
  readonly files: readonly string[];
  readonly problems: readonly GlobProblem[];
}

/** Directories never listed, however a pattern reaches them: pseudo-files, and the whole tree. */
const NEVER_LISTED: ReadonlySet<string> = new Set(["/", "/proc", "/sys", "/dev"]);

/** Every regular file `pattern` matches, relative to `cwd` unless absolute. */
export function glob(pattern: string, cwd: string, host: GlobHost, budget: Budget): GlobResult {
  const problems: GlobProblem[] = [];
  const alternatives = expandBraces(pattern, budget.limits.braceAlternatives);
  if (alternatives === undefined) {
    problems.push({
      code: "resource-limit",
      message: `include pattern '${pattern}' expands to more than ${formatCount(budget.limits.braceAlternatives)} patterns ({a,b} groups); kalint does not expand it`,
    });
    return { files: [], problems };
  }
  const files: string[] = [];
  const reported = new Set<string>();
  const note = (p: GlobProblem) => {
    if (!reported.has(p.message)) problems.push(p);
    reported.add(p.message);
  };
  for (const alternative of alternatives) {
    const found = globOne(alternative, cwd, host, budget, budget.limits.includeMatches - files.length, note);
    for (const f of found) files.push(host.nameOf ? host.nameOf(f) : f);
    if (files.length >= budget.limits.includeMatches) break;
  }
  return { files, problems };
}

/** Splits `{a,b}` off and counts, as glibc's GLOB_BRACE does (see `parseBraces`). */
type BraceSeq = readonly (string | BraceGroup)[];
interface BraceGroup {
  readonly alternatives: readonly BraceSeq[];
}

/**
 * The brace structure of a pattern. glibc finds the first unescaped `{`; if it has no matching
 * `}` the pattern has no alternatives at all (every brace is literal). Otherwise each `{...}`
 * with a match is a group (one alternative too: `{x}` is `x`) and an unmatched one is text.
 */
export function parseBraces(pattern: string): BraceSeq {
  const first = firstUnescaped(pattern, "{");
  if (first === -1 || matchingBrace(pattern, first) === -1) return [pattern];
  return parseSeq(pattern, 0, pattern.length);
}

function firstUnescaped(s: string, c: string): number {
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "\\") i++;
    else if (s[i] === c) return i;
  }
  return -1;
}

/** The `}` closing the `{` at `open`, or -1. */
function matchingBrace(s: string, open: number, end = s.length): number {
  let depth = 0;
  for (let i = open; i < end; i++) {
    const c = s[i];
    if (c === "\\") i++;
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return i;
  }
  return -1;
}

function parseSeq(s: string, from: number, to: number): BraceSeq {
  const out: (string | BraceGroup)[] = [];
  let text = "";
  for (let i = from; i < to; i++) {
    const c = s[i]!;
    if (c === "\\" && i + 1 < to) {
      text += c + s[++i]!;
      continue;
    }
    if (c === "{") {
      const close = matchingBrace(s, i, to);
      if (close !== -1) {
        if (text) out.push(text);
        text = "";
        out.push({ alternatives: splitAlternatives(s, i + 1, close).map(([a, b]) => parseSeq(s, a, b)) });
        i = close;
        continue;
      }
    }
    text += c;
  }
  if (text || out.length === 0) out.push(text);
  return out;
}

/** [from, to) ranges of the alternatives between a group's braces (commas at its own level). */
function splitAlternatives(s: string, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    const c = s[i];
    if (c === "\\") i++;
    else if (c === "{") depth++;
    else if (c === "}") depth--;
    else if (c === "," && depth === 0) {
      out.push([start, i]);
      start = i + 1;
    }
  }
  out.push([start, to]);
  return out;
}

/** How many patterns the tree expands to, counting no further than `cap`. */
export function countAlternatives(seq: BraceSeq, cap: number): number {
  let n = 1;
  for (const part of seq) {
    if (typeof part === "string") continue;
    let sum = 0;
    for (const alt of part.alternatives) sum = Math.min(cap, sum + countAlternatives(alt, cap));
    n = Math.min(cap, n * sum);
  }
  return n;
}

/** The patterns in glibc's order: the first group's first alternative first, recursively. */
function* expandTree(seq: BraceSeq, at = 0, prefix = ""): Generator<string> {
  if (at === seq.length) {
    yield prefix;
    return;
  }
  const part = seq[at]!;
  if (typeof part === "string") {
    yield* expandTree(seq, at + 1, prefix + part);
    return;
  }
  for (const alt of part.alternatives) for (const head of expandTree(alt)) yield* expandTree(seq, at + 1, prefix + head);
}

/** The expansions of `pattern`'s braces, when there are no more than `max` of them. */
export function expandBraces(pattern: string, max = Infinity): string[] | undefined {
  const tree = parseBraces(pattern);
  if (countAlternatives(tree, max + 1) > max) return undefined;
  return [...expandTree(tree)];
}

function globOne(pattern: string, cwd: string, host: GlobHost, budget: Budget, room: number, note: (p: GlobProblem) => void): string[] {
  const absolute = pattern.startsWith("/") ? pattern : `${cwd.replace(/\/+$/, "")}/${pattern}`;
  const segments = absolute.split("/").filter((s) => s !== "");
  let paths = ["/"];
  let magic = false;
  for (const [i, segment] of segments.entries()) {
    const last = i === segments.length - 1;
    const compiled = compileSegment(segment);
    if (compiled.kind === "literal") {
      paths = paths.map((p) => joinLiteral(p, compiled.text));
      continue;
    }
    if (compiled.kind === "error") {
      note({ code: "invalid-value", message: `include pattern '${pattern}': ${compiled.message}; glob matches nothing with it` });
      return [];
    }
    magic = true;
    const next: string[] = [];
    for (const base of paths) {
      if (NEVER_LISTED.has(base)) {
        note(refusedDirectory(pattern, base));
        continue;
      }
      if (!budget.take("globDirectories")) {
        if (budget.firstReport("globDirectories"))
          note({
            code: "resource-limit",
            message: `include patterns listed ${formatCount(budget.limits.globDirectories)} directories; kalint stopped searching at '${pattern}'`,
          });
        break;
      }
      const listing = host.readDirectory(base);
      if ("error" in listing) {
        if (listing.system) note(refusedDirectory(pattern, base));
        continue;
      }
      const names = listing.map((e) => e.name);
      if (!budget.take("globEntries", names.length)) {
        if (budget.firstReport("globEntries"))
          note({
            code: "resource-limit",
            message: `include patterns looked at ${formatCount(budget.limits.globEntries)} directory entries; kalint stopped searching at '${pattern}'`,
          });
        break;
      }
      const matched = names.filter((n) => matches(compiled, n));
      for (const n of matched) next.push(joinLiteral(base, n));
      checkDeadline();
      if (last && next.length > room) break;
    }
    paths = next;
  }
  // glibc sorts each alternative's matches as whole paths, in byte order (the C locale).
  if (magic) paths.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const files: string[] = [];
  for (const p of paths) {
    const kind = pathKind(host.stat(p));
    if (kind === "file") {
      if (files.length >= room) {
        note({
          code: "resource-limit",
          message: `include pattern '${pattern}' matches more than ${formatCount(budget.limits.includeMatches)} files; kalint reads the first ${formatCount(budget.limits.includeMatches)}`,
        });
        break;
      }
      files.push(p);
    } else if (!magic && kind !== undefined) note({ code: "include-not-found", message: notIncluded(p, kind) });
    else if (kind === "system" && magic) note({ code: "include-not-found", message: notIncluded(p, kind) });
  }
  return files;
}

function refusedDirectory(pattern: string, dir: string): GlobProblem {
  const what = dir === "/" ? "the whole file system from /" : `${dir}, a system directory`;
  return { code: "resource-limit", message: `include pattern '${pattern}' searches ${what}; kalint does not list it` };
}

function notIncluded(path: string, kind: Exclude<PathKind, "file">): string {
  switch (kind) {
    case "directory":
      return `${path} is a directory; keepalived skips it`;
    case "executable":
      return `${path} is executable; keepalived skips executable files`;
    case "special":
      return `${path} is not a regular file (a device, FIFO or socket); keepalived skips it`;
    case "system":
      return `${path} is a system pseudo-file (under /proc, /sys or /dev); kalint does not read it`;
  }
}

/** `base/name`, with `.` and `..` taken lexically, as the path module does. */
function joinLiteral(base: string, name: string): string {
  if (name === ".") return base;
  if (name === "..") {
    const cut = base.lastIndexOf("/");
    return cut <= 0 ? "/" : base.slice(0, cut);
  }
  return base === "/" ? `/${name}` : `${base}/${name}`;
}

// --- one path component ----------------------------------------------------------------------

type Token =
  | { readonly t: "char"; readonly c: number }
  | { readonly t: "any" }
  | { readonly t: "star" }
  | { readonly t: "set"; readonly negated: boolean; readonly test: (c: number) => boolean };

type Segment =
  | { readonly kind: "literal"; readonly text: string }
  | { readonly kind: "pattern"; readonly tokens: readonly Token[]; readonly leadingDot: boolean }
  | { readonly kind: "error"; readonly message: string };

/** C-locale character classes, as `[[:name:]]` names them. */
const CLASSES: Readonly<Record<string, (c: number) => boolean>> = {
  alnum: (c) => isDigit(c) || isAlpha(c),
  alpha: (c) => isAlpha(c),
  blank: (c) => c === 32 || c === 9,
  cntrl: (c) => c < 32 || c === 127,
  digit: (c) => isDigit(c),
  graph: (c) => c > 32 && c < 127,
  lower: (c) => c >= 97 && c <= 122,
  print: (c) => c >= 32 && c < 127,
  punct: (c) => c > 32 && c < 127 && !isDigit(c) && !isAlpha(c),
  space: (c) => c === 32 || (c >= 9 && c <= 13),
  upper: (c) => c >= 65 && c <= 90,
  xdigit: (c) => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102),
};

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isAlpha(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Whether a component has glob magic: `*`, `?`, or a `[` with a `]` after it (else `[` is text). */
function hasMagic(s: string): boolean {
  let open = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "\\") i++;
    else if (c === "*" || c === "?") return true;
    else if (c === "[") open = true;
    else if (c === "]" && open) return true;
  }
  return false;
}

export function compileSegment(segment: string): Segment {
  if (!hasMagic(segment)) return { kind: "literal", text: segment.replace(/\\(.)/gs, "$1") };
  const cps = Array.from(segment, (ch) => ch.codePointAt(0)!);
  const tokens: Token[] = [];
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i]!;
    if (c === 42 /* * */) {
      if (tokens[tokens.length - 1]?.t !== "star") tokens.push({ t: "star" });
    } else if (c === 63 /* ? */) tokens.push({ t: "any" });
    else if (c === 92 /* \ */ && i + 1 < cps.length) tokens.push({ t: "char", c: cps[++i]! });
    else if (c === 91 /* [ */) {
      const set = parseBracket(cps, i + 1);
      if (set === undefined)
        tokens.push({ t: "char", c }); // no closing ]: a plain [
      else if ("error" in set) return { kind: "error", message: set.error };
      else {
        tokens.push(set.token);
        i = set.end;
      }
    } else tokens.push({ t: "char", c });
  }
  const first = tokens[0];
  return { kind: "pattern", tokens, leadingDot: first?.t === "char" && first.c === 46 };
}

/**
 * `[...]` from just after the `[`: the set and the index of its `]`, undefined when no `]`
 * closes it, or the reason it is malformed (glibc then matches nothing with the pattern).
 */
function parseBracket(cps: readonly number[], from: number): { token: Token; end: number } | { error: string } | undefined {
  let i = from;
  let negated = false;
  if (cps[i] === 33 /* ! */ || cps[i] === 94 /* ^ */) {
    negated = true;
    i++;
  }
  const tests: ((c: number) => boolean)[] = [];
  let first = true;
  for (; i < cps.length; first = false) {
    let c = cps[i]!;
    if (c === 93 /* ] */ && !first) return { token: { t: "set", negated, test: (x) => tests.some((t) => t(x)) }, end: i };
    let lo: number;
    if (c === 91 /* [ */ && (cps[i + 1] === 58 || cps[i + 1] === 61 || cps[i + 1] === 46) /* : = . */) {
      const kind = cps[i + 1]!;
      const close = findClose(cps, i + 2, kind);
      if (close === -1) return undefined;
      const inner = cps.slice(i + 2, close);
      const name = fromCodePoints(inner);
      i = close + 2;
      if (kind === 58) {
        const test = Object.hasOwn(CLASSES, name) ? CLASSES[name] : undefined;
        if (!test)
          return {
            error: `[:${name}:] is not a character class (alnum, alpha, blank, cntrl, digit, graph, lower, print, punct, space, upper, xdigit)`,
          };
        tests.push(test);
        continue;
      }
      // [=c=] and [.c.]: in the C locale, one character standing for itself.
      const mark = String.fromCodePoint(kind);
      if (inner.length !== 1) return { error: `[${mark}${name}${mark}] is not a single character` };
      lo = inner[0]!;
    } else {
      if (c === 92 /* \ */ && i + 1 < cps.length) c = cps[++i]!;
      lo = c;
      i++;
    }
    // A range `lo-hi`, unless the `-` is last in the set.
    if (cps[i] === 45 /* - */ && i + 1 < cps.length && cps[i + 1] !== 93) {
      let hi = cps[i + 1]!;
      i += 2;
      if (hi === 92 && i < cps.length) hi = cps[i++]!;
      else if (hi === 91 && cps[i] === 46) {
        const close = findClose(cps, i + 1, 46);
        if (close === -1) return undefined;
        hi = cps[i + 1]!;
        i = close + 2;
      }
      if (hi < lo)
        return {
          error: `the range '${String.fromCodePoint(lo)}-${String.fromCodePoint(hi)}' is empty ('${String.fromCodePoint(lo)}' comes after '${String.fromCodePoint(hi)}')`,
        };
      const a = lo;
      tests.push((x) => x >= a && x <= hi);
    } else {
      const a = lo;
      tests.push((x) => x === a);
    }
  }
  return undefined;
}

function fromCodePoints(cps: readonly number[]): string {
  let s = "";
  for (const c of cps) s += String.fromCodePoint(c);
  return s;
}

/** The index of `kind` `]` closing a `[:`, `[=` or `[.` item, or -1. */
function findClose(cps: readonly number[], from: number, kind: number): number {
  for (let i = from; i + 1 < cps.length; i++) if (cps[i] === kind && cps[i + 1] === 93) return i;
  return -1;
}

/**
 * Whether a file name matches a compiled component. Only `*` is variable, so on a mismatch
 * the match resumes after the last `*` one character further: each name position is tried
 * against each pattern position at most once, O(name × pattern) with no backtracking stack.
 */
export function matches(segment: Segment, name: string): boolean {
  if (segment.kind === "literal") return segment.text === name;
  if (segment.kind === "error") return false;
  if (name.charCodeAt(0) === 46 && !segment.leadingDot) return false;
  const p = segment.tokens;
  const n = Array.from(name, (ch) => ch.codePointAt(0)!);
  let px = 0;
  let nx = 0;
  let starPx = -1;
  let starNx = -1;
  while (px < p.length || nx < n.length) {
    if (px < p.length) {
      const t = p[px]!;
      if (t.t === "star") {
        starPx = px;
        starNx = nx;
        px++;
        continue;
      }
      if (nx < n.length && tokenMatches(t, n[nx]!)) {
        px++;
        nx++;
        continue;
      }
    }
    if (starPx >= 0 && starNx < n.length) {
      px = starPx + 1;
      nx = ++starNx;
      continue;
    }
    return false;
  }
  return true;
}

function tokenMatches(t: Token, c: number): boolean {
  switch (t.t) {
    case "char":
      return t.c === c;
    case "any":
      return true;
    case "set":
      return t.test(c) !== t.negated;
    case "star":
      return true;
  }
}
