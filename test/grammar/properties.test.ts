/**
 * Invariants of the grammar on any input: nothing throws, the token stream is lossless, and
 * every diagnostic and node range lies inside the file it names. 15,000 cases in all.
 */
import fc from "fast-check";
import { describe, test } from "vitest";
import { decodeBytes, parse, preprocess, SourceText, type Diagnostic, type Span } from "../../grammar/index.js";
import { lex } from "../../grammar/lexer.js";
import { memoryHost } from "../support/memory-host.js";
import { corpusFiles } from "./corpus.js";
import { pieces, walk } from "./helpers.js";

const ROOT = "/etc/keepalived/keepalived.conf";

function insideItsFile(span: Span): boolean {
  return (
    Number.isInteger(span.start) &&
    Number.isInteger(span.end) &&
    span.start >= 0 &&
    span.start <= span.end &&
    span.end <= span.file.text.length
  );
}

function describeBad(d: Diagnostic): string {
  return `${d.code} [${d.start}, ${d.end}) in ${d.file.path} of length ${d.file.text.length}: ${d.message}`;
}

/** Checks every invariant on one text; returns normally or fails the property with a reason. */
function holds(text: string): void {
  const { unmatched } = lex(text);
  if (unmatched.length) throw new Error(`lexer left characters unmatched at ${JSON.stringify(unmatched)}`);
  const ps = pieces(text);
  if (ps.map((p) => text.slice(p.start, p.end)).join("") !== text) throw new Error("pieces do not join to the text");
  for (const p of ps)
    if (p.kind === "trivia" && !/^[ \t\n\r\f\v\ufeff]+$/.test(text.slice(p.start, p.end)))
      throw new Error(`non-blank trivia at ${p.start}`);

  const raw = parse(new SourceText(ROOT, text));
  for (const d of raw.diagnostics)
    if (!insideItsFile(d) || d.file.text !== text) throw new Error(`raw diagnostic outside the file: ${describeBad(d)}`);
  for (const n of walk(raw.children)) {
    if (!insideItsFile(n)) throw new Error(`${n.kind} node outside the file: [${n.start}, ${n.end})`);
    const words = n.kind === "statement" || n.kind === "block" ? [n.keyword, ...n.args] : n.kind === "value" ? n.words : [];
    for (const w of words)
      if (text.slice(w.start, w.end) !== w.raw) throw new Error(`word ${JSON.stringify(w.raw)} does not match its range`);
  }

  // The included file exists, so include lines in the input lead somewhere; a cycle back to the root is possible.
  const effective = preprocess(ROOT, {
    host: memoryHost({ [ROOT]: text, "/etc/keepalived/x": "a 1\ninclude keepalived.conf\n" }),
    configId: "a",
  });
  const known = new Set(effective.files);
  for (const d of effective.diagnostics)
    if (!known.has(d.file) || !insideItsFile(d)) throw new Error(`effective diagnostic outside its file: ${describeBad(d)}`);
  for (const n of walk(effective.file.children))
    if (!known.has(n.file) || !insideItsFile(n)) throw new Error(`effective ${n.kind} node outside its file`);
}

/** Pieces of keepalived syntax, so random text reaches the interesting paths of the grammar. */
const fragment = fc.constantFrom(
  "{",
  "}",
  "} }",
  '"',
  '"q w"',
  "#",
  "!",
  "\\",
  "\\#",
  "\n",
  "\r\n",
  "\r",
  " ",
  "\t",
  "\f",
  "\ufeff",
  "\0",
  "é",
  "😀",
  "\u00a0",
  "@a ",
  "@^a ",
  "@",
  "$A=",
  "$A=1 \\\n",
  "$A",
  "${A}",
  "${_RANDOM 1 3}",
  "~SEQ(i,2) ",
  "~SEQ(",
  "~LST(i,a,b) ",
  "~LST({a,b},{1,2}) ",
  ")",
  "(",
  "include x\n",
  "include ",
  "vrrp_instance V ",
  "virtual_ipaddress ",
  "state MASTER",
  "1.2.3.4/24",
  "global_defs",
  "group",
  "x",
);
const keepalivedish = fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join(""));

const runs = (numRuns: number) => ({ numRuns, seed: Number(process.env["KALINT_FC_SEED"] ?? Date.now() % 2 ** 31) });

describe("grammar properties", () => {
  test("any string: 4000 cases", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 200 }), holds), runs(4000));
  });

  test("keepalived-like fragments: 5000 cases", () => {
    fc.assert(fc.property(keepalivedish, holds), runs(5000));
  });

  // Runs of a few fragments repeated thousands of times reach what short strings cannot: blocks
  // nested past the limit, long prefix chains, long runs of stray braces.
  const repeated = fc
    .tuple(fc.array(fragment, { minLength: 1, maxLength: 4 }), fc.integer({ min: 50, max: 3000 }), keepalivedish)
    .map(([parts, times, tail]) => parts.join("").repeat(times) + tail);
  test("fragments repeated thousands of times: 300 cases", () => {
    fc.assert(fc.property(repeated, holds), runs(300));
  });

  test("any bytes, decoded as the CLI decodes files: 3000 cases", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = decodeBytes(bytes);
        const back = Buffer.from(text, "utf8").equals(Buffer.from(bytes)) ? Buffer.from(text, "utf8") : Buffer.from(text, "latin1");
        if (!back.equals(Buffer.from(bytes))) throw new Error("decoding does not round-trip the bytes");
        holds(text);
      }),
      runs(3000),
    );
  });

  // Include patterns, definitions and sequences are code the preprocessor runs: trees of files
  // that include each other through every kind of pattern, definitions that double or name
  // themselves, sequences nested deep. Under small limits each case must end quickly, within
  // its budgets, each budget reported once, every diagnostic in its file.
  const HOSTILE_LIMITS = {
    lines: 20_000,
    words: 40_000,
    expandedBytes: 1 << 20,
    files: 100,
    includeMatches: 50,
    globDirectories: 50,
    globEntries: 1_000,
    braceAlternatives: 64,
  };
  const pattern = fc.constantFrom(
    "*.conf",
    "d/*.conf",
    "{a,b,c}.conf",
    "{a,{b,c}}.conf",
    "{x}.conf",
    "{a,b",
    "[a-c].conf",
    "[z-a].conf",
    "[[:alpha:]].conf",
    "[[:nosuch:]].conf",
    "[!a].conf",
    "[^a]*",
    "[]a].conf",
    "?.conf",
    "*",
    "d/../*.conf",
    "\\*.conf",
    "*/*.conf",
    "/*",
    "/proc/*",
    "/dev/zero",
    "{a,b}".repeat(8) + ".conf",
    ".*.conf",
    "d/*/../*.conf",
  );
  const name = fc.integer({ min: 0, max: 5 }).map((i) => `N${i}`);
  const hostileLine = fc.oneof(
    pattern.map((p) => `include ${p}`),
    fc.tuple(name, name).map(([a, b]) => `$${a}=$${b} $${b}`),
    fc.tuple(name, name, name).map(([a, b, c]) => `$${a}=$${b} \\\n$${c}`),
    name.map((a) => `$${a}=\${${a}}`),
    name.map((a) => `$${a}`),
    name.map((a) => `router_id x$${a}y \${${a}}`),
    fc
      .tuple(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 1_000 }))
      .map(([n, m]) => `~SEQ(i,1,${n}) ~SEQ(j,1,${m}) x $i $j`),
    fc.constantFrom("global_defs {", "}", "vrrp_instance V {", "@a x 1", "${_ENV HOME}", "${_RANDOM 1 9}", "~LST(v,a,b,c) y $v"),
  );
  const fileText = fc.array(hostileLine, { maxLength: 12 }).map((ls) => ls.join("\n") + "\n");
  const tree = fc.record({
    root: fileText,
    others: fc.dictionary(
      fc.constantFrom("a.conf", "b.conf", "c.conf", "x.conf", ".h.conf", "d/e.conf", "d/f.conf", "d/g/h.conf"),
      fileText,
      { maxKeys: 6 },
    ),
  });
  test("hostile include, definition and sequence structures, under small limits: 200 cases", () => {
    fc.assert(
      fc.property(tree, ({ root, others }) => {
        const files: Record<string, string> = { [ROOT]: root };
        for (const [n, t] of Object.entries(others)) files[`/etc/keepalived/${n}`] = t;
        const started = performance.now();
        const effective = preprocess(ROOT, { host: memoryHost(files), configId: "a", limits: HOSTILE_LIMITS });
        const seconds = (performance.now() - started) / 1000;
        if (seconds > 5) throw new Error(`took ${seconds.toFixed(1)} s`);
        const known = new Set(effective.files);
        for (const d of effective.diagnostics)
          if (!known.has(d.file) || !insideItsFile(d)) throw new Error(`diagnostic outside its file: ${describeBad(d)}`);
        for (const n of walk(effective.file.children))
          if (!known.has(n.file) || !insideItsFile(n)) throw new Error(`${n.kind} node outside its file`);
        if (effective.files.length > HOSTILE_LIMITS.files + 1) throw new Error(`${effective.files.length} files read`);
        const statements = [...walk(effective.file.children)].length;
        if (statements > HOSTILE_LIMITS.words) throw new Error(`${statements} statements from a budget of ${HOSTILE_LIMITS.words} words`);
        // Each budget of the analysis is reported once, where it ran out.
        for (const once of [
          /^preprocessing read/,
          /^kalint parses/,
          /^preprocessing produced/,
          /files per analysis/,
          /^include patterns listed/,
          /^include patterns looked at/,
        ]) {
          const n = effective.diagnostics.filter((d) => once.test(d.message)).length;
          if (n > 1) throw new Error(`${once} reported ${n} times`);
        }
      }),
      runs(200),
    );
  }, 600_000);

  const corpus = corpusFiles();
  test.skipIf(corpus.length === 0)("corpus files with tokens deleted, duplicated and inserted: 3000 cases", () => {
    const sources = corpus.map((f) => {
      const text = decodeBytes(f.bytes);
      return { text, pieces: pieces(text) };
    });
    const edit = fc.record({ kind: fc.constantFrom("delete", "duplicate", "insert"), at: fc.nat(), from: fc.nat() });
    fc.assert(
      fc.property(fc.nat({ max: sources.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 8 }), (which, edits) => {
        const { text, pieces: ps } = sources[which]!;
        const parts = ps.map((p) => text.slice(p.start, p.end));
        for (const e of edits) {
          const at = e.at % (parts.length + 1);
          const donor = parts[e.from % parts.length] ?? "";
          if (e.kind === "delete") parts.splice(at, 1);
          else if (e.kind === "duplicate") parts.splice(at, 0, parts[at] ?? donor);
          else parts.splice(at, 0, donor);
        }
        holds(parts.join(""));
      }),
      runs(3000),
    );
  });
});
