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
  return Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= span.file.text.length;
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
  for (const p of ps) if (p.kind === "trivia" && !/^[ \t\n\r\f\v\ufeff]+$/.test(text.slice(p.start, p.end))) throw new Error(`non-blank trivia at ${p.start}`);

  const raw = parse(new SourceText(ROOT, text));
  for (const d of raw.diagnostics) if (!insideItsFile(d) || d.file.text !== text) throw new Error(`raw diagnostic outside the file: ${describeBad(d)}`);
  for (const n of walk(raw.children)) {
    if (!insideItsFile(n)) throw new Error(`${n.kind} node outside the file: [${n.start}, ${n.end})`);
    const words = n.kind === "statement" || n.kind === "block" ? [n.keyword, ...n.args] : n.kind === "value" ? n.words : [];
    for (const w of words) if (text.slice(w.start, w.end) !== w.raw) throw new Error(`word ${JSON.stringify(w.raw)} does not match its range`);
  }

  // The included file exists, so include lines in the input lead somewhere; a cycle back to the root is possible.
  const effective = preprocess(ROOT, { host: memoryHost({ [ROOT]: text, "/etc/keepalived/x": "a 1\ninclude keepalived.conf\n" }), configId: "a" });
  const known = new Set(effective.files);
  for (const d of effective.diagnostics) if (!known.has(d.file) || !insideItsFile(d)) throw new Error(`effective diagnostic outside its file: ${describeBad(d)}`);
  for (const n of walk(effective.file.children)) if (!known.has(n.file) || !insideItsFile(n)) throw new Error(`effective ${n.kind} node outside its file`);
}

/** Pieces of keepalived syntax, so random text reaches the interesting paths of the grammar. */
const fragment = fc.constantFrom(
  "{", "}", "} }", '"', '"q w"', "#", "!", "\\", "\\#", "\n", "\r\n", "\r", " ", "\t", "\f", "\ufeff", "\0", "é", "😀", "\u00a0",
  "@a ", "@^a ", "@", "$A=", "$A=1 \\\n", "$A", "${A}", "${_RANDOM 1 3}", "~SEQ(i,2) ", "~SEQ(", "~LST(i,a,b) ", "~LST({a,b},{1,2}) ", ")", "(",
  "include x\n", "include ", "vrrp_instance V ", "virtual_ipaddress ", "state MASTER", "1.2.3.4/24", "global_defs", "group", "x",
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
  const repeated = fc.tuple(fc.array(fragment, { minLength: 1, maxLength: 4 }), fc.integer({ min: 50, max: 3000 }), keepalivedish).map(([parts, times, tail]) => parts.join("").repeat(times) + tail);
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
