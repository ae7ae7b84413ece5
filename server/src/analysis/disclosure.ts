/**
 * What output may show of the input. kalint runs in CI on configurations from pull requests and
 * its output is published (annotations, SARIF), so a configuration must not be able to copy
 * secrets into it:
 *
 * - a value from `${_ENV NAME}` is never shown: messages say "the value of environment
 *   variable NAME" instead (and a fix that would write it is dropped);
 * - with redaction (the default for the CI formats), no value substitution put into a line is
 *   shown either: "the value of $NAME";
 * - a file that is not keepalived configuration (`include /etc/shadow`, a private key) gets one
 *   finding that names it, and none that quotes it;
 * - every message is one line of printable text: control characters, bidirectional overrides
 *   and lone surrogates are escaped, and a quoted excerpt of the input is cut short.
 */
import {
  diagnostic,
  firstAtOrAfter,
  isOpaque,
  type Diagnostic,
  type EffectiveConfig,
  type Node,
  type SourceText,
  type Substitution,
} from "../../../grammar/index.js";
import { keywordsNamed, removedKeyword } from "../schema/lookup.js";

/** A keyword keepalived knows, or one a template expression writes (a template is configuration). */
const isKnownKeyword = (name: string): boolean => keywordsNamed(name).length > 0 || removedKeyword(name) !== undefined || isOpaque(name);

/** Longest quoted excerpt of the input a message keeps, in characters. */
const MAX_EXCERPT = 64;
/** Longest run of non-blank characters a message keeps, quoted or not (a long path fits). */
const MAX_WORD = 512;
/** Values shorter than this are replaced only where they stand alone, not inside other words. */
const SHORT_VALUE = 4;

/** Files whose content output never shows (also not as the source line under a finding). */
const confidential = new WeakSet<SourceText>();

export function isConfidential(file: SourceText): boolean {
  return confidential.has(file);
}

export interface DisclosureOptions {
  /** Leave out every substituted value, not only those from the environment. */
  readonly redact?: boolean;
}

/** Replaces the values output must not show with what they stand for, in one message. */
export function scrubText(text: string, substitutions: readonly Substitution[], options: DisclosureOptions = {}): string {
  let out = text;
  // Secrets first, then longer values first, so a value that contains another is replaced
  // whole. A message may quote part of a value (the 8 characters of a password keepalived
  // keeps): every long enough piece of one goes too.
  const hidden = substitutions
    .filter((s) => s.secret || options.redact)
    .sort((a, b) => Number(b.secret) - Number(a.secret) || b.value.length - a.value.length);
  for (const s of hidden) {
    const value = s.value.trim();
    out = value.length >= PIECE ? replacePieces(out, value, s.label) : replaceValue(out, value, s.label);
  }
  return out;
}

/** Every run of at least PIECE characters of `text` that also occurs in `secret`, replaced. */
const PIECE = 5;
function replacePieces(text: string, secret: string, label: string): string {
  if (secret.length < PIECE) return text;
  let out = "";
  let i = 0;
  while (i < text.length) {
    let k = 0;
    while (i + k < text.length && secret.includes(text.slice(i, i + k + 1))) k++;
    if (k >= PIECE) {
      out += label;
      i += k;
    } else {
      out += text[i];
      i++;
    }
  }
  return out;
}

function replaceValue(text: string, value: string, label: string): string {
  if (value === "" || !text.includes(value)) return text;
  if (value.length >= SHORT_VALUE) return text.split(value).join(label);
  let out = "";
  let from = 0;
  for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + value.length)) {
    const before = text[at - 1];
    const after = text[at + value.length];
    if ((before === undefined || !/[\w.]/.test(before)) && (after === undefined || !/[\w.]/.test(after))) {
      out += text.slice(from, at) + label;
      from = at + value.length;
    }
  }
  return out + text.slice(from);
}

/** Control characters, bidirectional controls and lone surrogates, which a terminal or a web page would act on. */
const UNPRINTABLE =
  /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const LONG_WORD = new RegExp(`\\S{${MAX_WORD + 1},}`, "g");

/** A message as one line of printable text, with excerpts of the input cut short. */
export function printable(message: string): string {
  let out = message.replace(UNPRINTABLE, (c) => {
    const code = c.charCodeAt(0);
    if (code === 10) return "\\n";
    if (code === 13) return "\\r";
    if (code === 9) return "\\t";
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
  if (out.length > MAX_EXCERPT) {
    // A quote opens after a blank or punctuation and closes before one: the apostrophe of
    // "peer's" in kalint's own words is no quote.
    out = out.replace(/(^|[^\p{L}\p{N}_])'([^'\n]*)'(?=$|[^\p{L}\p{N}_])/gu, (whole, before: string, inner: string) =>
      inner.length > MAX_EXCERPT ? `${before}'${inner.slice(0, MAX_EXCERPT - 4)}…'` : whole,
    );
  }
  // Only a message longer than a word may be can hold one too long: the scan below retries at
  // every character of every word, and ran for each of the ~100 findings of every keystroke.
  if (out.length > MAX_WORD) out = out.replace(LONG_WORD, (word) => `${word.slice(0, MAX_WORD - 1)}…`);
  return out;
}

/** A diagnostic with its message, related messages and fix made safe to print. */
export function protect(d: Diagnostic, substitutions: readonly Substitution[], options: DisclosureOptions = {}): Diagnostic {
  const clean = (s: string) => printable(scrubText(s, substitutions, options));
  const message = clean(d.message);
  const related = d.related?.map((r) => {
    const m = clean(r.message);
    return m === r.message ? r : { ...r, message: m };
  });
  const relatedChanged = related !== undefined && related.some((r, i) => r !== d.related![i]);
  let fix = d.fix;
  if (fix) {
    const shown = [fix.description, ...fix.edits.map((e) => e.newText)];
    // A fix that would write a hidden value is dropped: its text cannot be shown or reviewed.
    if (shown.some((s) => scrubText(s, substitutions, options) !== s)) fix = undefined;
    else if (printable(fix.description) !== fix.description) fix = { ...fix, description: printable(fix.description) };
  }
  if (message === d.message && !relatedChanged && fix === d.fix) return d;
  const { fix: _old, ...rest } = d;
  return { ...rest, message, ...(relatedChanged ? { related } : {}), ...(fix ? { fix } : {}) };
}

/**
 * Files the analysis read that are not keepalived configuration: they hold statements, and not
 * one of them is keepalived's: no keyword keepalived knows (in any block, removed ones too), no
 * value line that passed its check (an included list of addresses is configuration). For
 * `/etc/shadow`, a private key or a YAML file every line would be a finding that quotes it.
 */
export function foreignFiles(config: EffectiveConfig, diagnostics: readonly Diagnostic[]): Set<SourceText> {
  const errorsAt = new Map<SourceText, number[]>();
  // Past a summary of findings that were only counted, a line without a finding proves nothing.
  const countedFrom = new Map<SourceText, number>();
  for (const d of diagnostics) {
    if (d.severity !== "error") continue;
    (errorsAt.get(d.file) ?? errorsAt.set(d.file, []).get(d.file)!).push(d.start);
    if (d.omitted !== undefined) countedFrom.set(d.file, Math.min(countedFrom.get(d.file) ?? Infinity, d.start));
  }
  for (const starts of errorsAt.values()) starts.sort((a, b) => a - b);
  /** Whether an error starts in [start, end) of `file`. */
  const errorIn = (file: SourceText, start: number, end: number): boolean => {
    const starts = errorsAt.get(file);
    if (!starts) return false;
    const at = starts[firstAtOrAfter(starts, (s) => s, start)];
    return at !== undefined && at < end;
  };
  const seen = new Set<SourceText>();
  const evidence = new Set<SourceText>();
  const visit = (nodes: readonly Node[]) => {
    for (const n of nodes) {
      if (n.kind === "statement" || n.kind === "block") {
        seen.add(n.keyword.file);
        if (!evidence.has(n.keyword.file) && isKnownKeyword(n.keyword.text)) evidence.add(n.keyword.file);
      } else if (n.kind === "value") {
        seen.add(n.file);
        if (!evidence.has(n.file) && n.start < (countedFrom.get(n.file) ?? Infinity) && !errorIn(n.file, n.start, n.end))
          evidence.add(n.file);
      }
      if (n.kind === "block" || n.kind === "anonymous-block") visit(n.children);
    }
  };
  visit(config.file.children);
  return new Set([...seen].filter((f) => !evidence.has(f)));
}

/**
 * The diagnostics with nothing in them from foreign files (see `foreignFiles`): each such file
 * gets one finding instead, at the include that read it (or at the start of the file when it is
 * the one checked), and its content is marked confidential so no output quotes it.
 */
export function withoutForeignContent(
  diagnostics: readonly Diagnostic[],
  config: EffectiveConfig,
  options: { readonly rootShown?: boolean } = {},
): Diagnostic[] {
  const foreign = foreignFiles(config, diagnostics);
  if (options.rootShown) foreign.delete(config.root);
  if (foreign.size === 0) return [...diagnostics];
  // A limit met in such a file is still reported: its message names only the file and the limit.
  const out = diagnostics.filter(
    (d) =>
      (!foreign.has(d.file) || (d.code === "resource-limit" && d.omitted === undefined)) &&
      !(d.fix?.edits.some((e) => foreign.has(e.file)) ?? false),
  );
  for (const file of foreign) {
    confidential.add(file);
    const message = `${file.path} does not look like keepalived configuration (no line of it starts with a keepalived keyword); kalint shows nothing of its content`;
    const include = file === config.root ? undefined : config.includes.find((i) => i.files.includes(file.path));
    const at = include ? include.pattern : { file, start: 0, end: 0 };
    out.push(diagnostic(at, "not-keepalived-config", message));
  }
  return out;
}
