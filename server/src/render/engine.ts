/**
 * The Jinja2 engine: minijinja (Armin Ronacher's Rust implementation of Jinja2, as WebAssembly)
 * in its Python-compatible mode, configured as Ansible's template module configures Jinja2:
 * trim_blocks on, lstrip_blocks off, the `#jinja2:` header line read and removed, undefined
 * variables an error (Ansible's default). Chosen by measurement over nunjucks and
 * @huggingface/jinja on public keepalived roles (docs/templates.md, "Render mode").
 *
 * Nothing outside the given templates and variables is reachable: no loader touches the disk,
 * and lookup(), query(), pipe and every other plugin are unknown names to the engine, so a
 * template that calls one is reported, never run.
 */
import { initSync, Environment } from "minijinja-js/dist/web/minijinja_js.js";
import { formatBytes, formatCount } from "../../../grammar/index.js";
import { ANSIBLE_FILTERS, ANSIBLE_TESTS, guarded, plain, type JinjaValue } from "./filters.js";
import { ENGINE_MEMORY_PAGES, RENDER_FUEL } from "./bounds.js";
import { METHOD_FILTERS, methodsInCode, methodsInTemplate } from "./methods.js";
import { EngineUnavailable } from "./unavailable.js";
import { readEngineWasm } from "./wasm.js";

export type FaultKind = "undefined" | "unsupported" | "error" | "include" | "limit";

/** Why a template did not render, and where. */
export interface RenderFault {
  readonly kind: FaultKind;
  /** The engine's words, first line. */
  readonly message: string;
  /** The registered template name the fault is in, and its 1-based line there (the file's own numbering). */
  readonly template?: string;
  readonly line?: number;
  /** 0-based column and width in that line, markers removed. */
  readonly column?: number;
  readonly width?: number;
  /** What is unsupported (`filter ipaddr`, `lookup()`), or the partial that failed (`include`). */
  readonly name?: string;
}

export type ValueOutcome =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string; readonly undefined: boolean };

export type RenderOutcome = { readonly ok: true; readonly output: string } | { readonly ok: false; readonly fault: RenderFault };

/** Options the `#jinja2:` first line may set, as Ansible reads it. */
export interface HeaderOptions {
  trimBlocks?: boolean;
  lstripBlocks?: boolean;
  keepTrailingNewline?: boolean;
}

/** Ansible's per-template options line: its settings, and the text without it. */
export function readHeader(text: string): { options: HeaderOptions; body: string; lines: number } {
  const m = /^#jinja2:(.*)\r?\n?/.exec(text);
  if (!m) return { options: {}, body: text, lines: 0 };
  const options: HeaderOptions = {};
  for (const part of m[1]!.split(",")) {
    const kv = /^\s*(\w+)\s*:\s*(\S+)\s*$/.exec(part);
    if (!kv) continue;
    const on = /^true$/i.test(kv[2]!);
    if (kv[1] === "trim_blocks") options.trimBlocks = on;
    else if (kv[1] === "lstrip_blocks") options.lstripBlocks = on;
    else if (kv[1] === "keep_trailing_newline") options.keepTrailingNewline = on;
  }
  return { options, body: text.slice(m[0].length), lines: 1 };
}

/** How many newlines `text` ends with (a scan from the end: `/\n*$/` tries every position of a rendering). */
function trailingNewlines(text: string): number {
  let n = 0;
  while (n < text.length && text.charCodeAt(text.length - 1 - n) === 10) n++;
  return n;
}

let ready: boolean | undefined;
/** The trap that stopped the engine in this process, if one did (TemplateSet.call). */
let stoppedBy: string | undefined;

class EngineStopped extends Error {}

/** A WebAssembly trap: the runtime's own error type, which the TypeScript libraries used here do not declare. */
const TRAP = (globalThis as unknown as { WebAssembly: { RuntimeError: abstract new (...args: never[]) => Error } }).WebAssembly
  .RuntimeError;

let unavailable = "the Jinja2 engine (minijinja.wasm) is missing beside kalint; reinstall kalint";

/** Loads the engine once; false when its WebAssembly cannot be found or loaded. */
export function engineAvailable(): boolean {
  if (ready !== undefined) return ready;
  const bytes = readEngineWasm();
  if (!bytes) return (ready = false);
  try {
    initSync({ module: bytes });
  } catch (e) {
    // Node 20 reserves ~10 GB of address space for a WebAssembly memory (its trap handler): an
    // address-space limit refuses it before the engine runs.
    unavailable = `the Jinja2 engine cannot load here (${e instanceof Error ? e.message : String(e)}); under an address-space limit (ulimit -v) run node with --disable-wasm-trap-handler`;
    return (ready = false);
  }
  return (ready = true);
}

/** A set of templates (the entry and its partials) ready to render for any number of nodes. */
export class TemplateSet {
  private readonly env: Environment;
  private readonly headerLines = new Map<string, number>();
  /** Newlines the entry template ends with: Ansible's rendering ends with as many. */
  private readonly finalNewlines: number;
  /** Templates the engine refused to read, kept for render(): a syntax error is a fault of rendering, reported where it is. */
  private readonly pending: { name: string; error: unknown }[] = [];

  constructor(
    templates: ReadonlyMap<string, string>,
    readonly entry: string,
  ) {
    if (!engineAvailable()) throw new EngineUnavailable(unavailable);
    this.env = new Environment();
    this.env.enablePyCompat();
    this.env.undefinedBehavior = "strict";
    this.env.debug = true;
    this.env.fuel = RENDER_FUEL;
    const head = readHeader(templates.get(entry) ?? "");
    this.finalNewlines = trailingNewlines(head.body);
    this.env.trimBlocks = head.options.trimBlocks ?? true;
    this.env.lstripBlocks = head.options.lstripBlocks ?? false;
    // Ansible keeps the rendered file's last newline (preserve_trailing_newlines); partials lose theirs as in Jinja2.
    this.env.keepTrailingNewline = false;
    for (const [name, f] of Object.entries(ANSIBLE_FILTERS)) this.env.addFilter(name, guarded(name, f, name === "mandatory"));
    for (const [name, t] of Object.entries(ANSIBLE_TESTS)) this.env.addTest(name, guarded(name, t, true));
    for (const [name, f] of Object.entries(METHOD_FILTERS)) this.env.addFilter(name, guarded(name, f));
    for (const [name, text] of templates) {
      const h = name === entry ? head : readHeader(text);
      this.headerLines.set(name, h.lines);
      try {
        this.env.addTemplate(name, h.body);
      } catch (e) {
        // The engine folds constants as it reads a template, so `{{ 'x' * 1000000000 }}` traps here.
        if (e instanceof TRAP) stoppedBy = e.message;
        this.pending.push({ name, error: e });
      }
    }
  }

  /**
   * Runs one call into the engine. A WebAssembly trap (the engine out of memory, or failing
   * inside) leaves the whole engine unusable for the rest of the process, in any environment:
   * its Rust side stays marked busy, and the bindings cannot load it again. Every later call
   * reports that at once instead of trapping again (in the editor, until the server restarts).
   */
  private call<T>(run: (env: Environment) => T): T {
    if (stoppedBy !== undefined) throw new EngineStopped(stoppedBy);
    try {
      return run(this.env);
    } catch (e) {
      if (e instanceof TRAP) stoppedBy = e.message;
      throw e;
    }
  }

  render(context: Readonly<Record<string, unknown>>): RenderOutcome {
    const broken = this.pending.find((p) => p.name === this.entry) ?? this.pending[0];
    if (broken) return { ok: false, fault: this.fault(broken.error) };
    try {
      let out = this.call((env) => env.renderTemplate(this.entry, context));
      // Jinja2 drops the template's final newline; Ansible's template module puts back as many as the file ends with.
      const have = trailingNewlines(out);
      if (this.finalNewlines > have) out += "\n".repeat(this.finalNewlines - have);
      return { ok: true, output: out };
    } catch (e) {
      return { ok: false, fault: this.fault(e) };
    }
  }

  /** One expression's value (a variable whose value is `{{ expr }}` keeps the expression's type). */
  evaluate(expression: string, context: Readonly<Record<string, unknown>>): ValueOutcome {
    try {
      return { ok: true, value: plain(this.call((env) => env.evalExpr(methodsInCode(expression), context)) as JinjaValue) };
    } catch (e) {
      return this.valueFault(e);
    }
  }

  /** Text rendered as a template of its own (a variable whose value holds template syntax). */
  renderString(text: string, context: Readonly<Record<string, unknown>>): ValueOutcome {
    try {
      return { ok: true, value: this.call((env) => env.renderStr(methodsInTemplate(text), context)) };
    } catch (e) {
      return this.valueFault(e);
    }
  }

  private valueFault(e: unknown): ValueOutcome {
    const f = this.fault(e);
    const shown = f.kind === "unsupported" && f.name ? `${f.name} is not supported` : f.message;
    return { ok: false, message: shown, undefined: f.kind === "undefined" };
  }

  free(): void {
    this.env.free();
  }

  /** The engine's error as a fault: its kind, the unsupported name, the place from its debug view. */
  private fault(e: unknown): RenderFault {
    if (e instanceof EngineStopped)
      return {
        kind: "limit",
        message: `the Jinja2 engine stopped on an earlier rendering in this run (${e.message}) and cannot render again until kalint restarts`,
      };
    // A trap has no place. An allocation past the bound is refused before memory grows, so the
    // memory's size cannot tell it from the engine failing inside (both trap as `unreachable`).
    if (e instanceof TRAP)
      return {
        kind: "limit",
        message: `the Jinja2 engine stopped (${e.message}): it needs more than the ${formatBytes(ENGINE_MEMORY_PAGES * 65536)} of memory kalint gives it, or failed inside`,
      };
    const text = e instanceof Error ? e.message : String(e);
    const first = text.split("\n")[0]!;
    const where = /\(in (.+):(\d+)\)\s*$/.exec(first);
    const template = where?.[1];
    const lines = text.split("\n");
    let line = where ? Number(where[2]) : undefined;
    let column: number | undefined;
    let width: number | undefined;
    for (let i = 0; i < lines.length - 1; i++) {
      const src = /^\s*(\d+) > (.*)$/.exec(lines[i]!);
      const caret = src ? /^\s*i (\s*)(\^+)/.exec(lines[i + 1]!) : undefined;
      if (!src || !caret) continue;
      line = Number(src[1]);
      // Columns in the line as registered; markers before the caret are not the file's text.
      const before = src[2]!.slice(0, caret[1]!.length);
      const marks = (before.match(/\uE001[^\uE002]*\uE002/g) ?? []).join("").length;
      column = caret[1]!.length - marks;
      width = caret[2]!.length;
      break;
    }
    const shift = template ? (this.headerLines.get(template) ?? 0) : 0;
    const place = {
      ...(template ? { template } : {}),
      ...(line !== undefined ? { line: line + shift } : {}),
      ...(column !== undefined ? { column, width: width! } : {}),
    };
    const message = first.replace(/\s*\(in .+:\d+\)\s*$/, "");
    if (/^engine ran out of fuel/.test(message))
      return { kind: "limit", message: `it takes more than kalint's ${formatCount(RENDER_FUEL)} steps to render`, ...place };
    let m: RegExpExecArray | null;
    if (/^undefined value/.test(message) || /^invalid operation: .*undefined/.test(message))
      return { kind: "undefined", message, ...place };
    if ((m = /unknown filter: filter (\S+) is unknown/.exec(message)))
      return { kind: "unsupported", message, name: `filter '${m[1]}'`, ...place };
    if ((m = /unknown test: test (\S+) is unknown/.exec(message)))
      return { kind: "unsupported", message, name: `test '${m[1]}'`, ...place };
    if ((m = /unknown function: (\S+) is unknown/.exec(message))) return { kind: "unsupported", message, name: `${m[1]}()`, ...place };
    if ((m = /unknown method: .* has no method named (\S+)/.exec(message)))
      return { kind: "unsupported", message, name: `method .${m[1]}()`, ...place };
    if (/^unknown method/.test(message)) return { kind: "unsupported", message, name: "method", ...place };
    if ((m = /could not render include: error in "([^"]+)"/.exec(message))) return { kind: "include", message, name: m[1]!, ...place };
    if ((m = /template not found: tried to (?:include|import) non-existing template "([^"]*)"/.exec(message)))
      return { kind: "unsupported", message, name: `partial '${m[1]}'`, ...place };
    if (/^syntax error/.test(message)) return { kind: "unsupported", message, name: "syntax", ...place };
    return { kind: "error", message, ...place };
  }
}
