/**
 * One node's analysis: preprocess, build the model, run the schema validator and every file rule,
 * then apply severity settings and disable comments. The CLI and the language server both call this.
 */
import {
  checkDeadline,
  detectTemplate,
  diagnostic,
  FindingLimiter,
  isOpaque,
  limitsOf,
  OPAQUE,
  parse,
  parseTemplate,
  pathKind,
  preprocess,
  ruleInfo,
  SourceText,
  withDeadline,
  type ConfigFile,
  type Diagnostic,
  type EffectiveConfig,
  type FileHost,
  type FileStamp,
  type Limits,
  type RuleSetting,
  type TemplateEngine,
  type TemplateMode,
} from "../../../grammar/index.js";
import { protect, withoutForeignContent } from "./disclosure.js";
import { buildModel } from "../model/build.js";
import type { ConfigModel } from "../model/types.js";
import { FILE_RULES } from "../rules/index.js";
import { runIsolated } from "../rules/types.js";
import type { Version } from "../schema/types.js";
import { keywordAt, NEWEST_VERSION, placesOf } from "../schema/lookup.js";
import { validateSchema } from "../validate/schema-check.js";
import { applySuppressions, collectSuppressions, type SuppressionJudge } from "./suppress.js";
import { resolvePartials } from "./partials.js";
import { resolve } from "node:path";

export interface AnalyzeOptions {
  readonly host: FileHost;
  readonly configId?: string;
  readonly targetVersion?: Version;
  /** Editor buffer to use instead of the file on disk. */
  readonly text?: string;
  /** The file `text` was read from (the CLI's read of an operand), so --fix can tell it is the same file. */
  readonly stamp?: FileStamp;
  /** Bounds on what the analysis reads and expands (grammar/limits.ts); the defaults otherwise. */
  readonly limits?: Partial<Limits>;
  /**
   * The analysis stops after this many milliseconds with DeadlineExceeded (the language server
   * sets it; the CLI does not, so its reports never depend on the machine's speed).
   */
  readonly budgetMs?: number;
  /**
   * The root's text is the user's own (an editor buffer): its findings are shown even when it
   * does not look like keepalived configuration. Included files are judged either way.
   */
  readonly rootShown?: boolean;
  /** Per-code settings: rc file, then command line. */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  /**
   * True when no cluster rule will look at this node (`kalint check`): a disable comment for a
   * cluster code is then not reported as suppressing nothing, since its rule never ran.
   */
  readonly standalone?: boolean;
  /** How to tell templates (docs/templates.md): `auto` (default) by name and content, an engine, or `none`. */
  readonly template?: TemplateMode;
  /** A template fragment: blocks open at its end or closed at its start are not findings. */
  readonly fragment?: boolean;
  /** Keywords of the blocks a partial is included in, outermost first. */
  readonly parents?: readonly string[];
  /** More folders to look for template partials in (`--template-path`). */
  readonly templatePath?: readonly string[];
  /** Partials being read, to stop a template that includes itself (internal). */
  readonly visiting?: ReadonlySet<string>;
}

export interface Analysis {
  readonly config: EffectiveConfig;
  readonly model: ConfigModel;
  readonly diagnostics: readonly Diagnostic[];
  /** Template partials read as fragments of this file (their findings are among `diagnostics`). */
  readonly partials: readonly string[];
}

export function analyze(path: string, options: AnalyzeOptions): Analysis {
  return withDeadline(options.budgetMs, () => analyzeNow(path, options));
}

/**
 * The configuration and its model, unchecked: for a reader that shows no findings (`kalint
 * simulate` and `kalint lab` read only the model), which so skips the schema check and the rules.
 */
export function readModel(path: string, options: AnalyzeOptions): Pick<Analysis, "config" | "model"> {
  return withDeadline(options.budgetMs, () => {
    const { config } = read(path, options);
    return { config, model: buildModel(config.file) };
  });
}

function analyzeNow(path: string, options: AnalyzeOptions): Analysis {
  const { config, parents } = read(path, options);
  checkDeadline();
  const model = buildModel(config.file);
  checkDeadline();
  const targetVersion = options.targetVersion ?? NEWEST_VERSION;
  const { findingsKept } = limitsOf(options.limits);
  const found: Diagnostic[] = [
    ...config.diagnostics,
    ...validateSchema(config.file, { targetVersion, findingsKept, ...(parents ? { parents } : {}) }),
  ];
  const context = { model, targetVersion, reading: [...found], ...(options.fragment ? { fragment: true } : {}) };
  const start = { file: config.root, start: 0, end: 0 };
  const limiter = new FindingLimiter(findingsKept);
  const add = (d: Diagnostic) => {
    if (limiter.admit(d)) found.push(d);
  };
  for (const rule of FILE_RULES) {
    if (options.rules?.[rule.code] === "off") continue;
    checkDeadline();
    runIsolated(rule.code, start, add, (report) => rule.check(context, report));
  }
  for (const d of limiter.summaries()) found.push(d);
  const partials = config.raw.template ? readPartials(path, config, options, found) : [];
  if (config.raw.template) nameTemplateOutput(found, config.raw.template.engine);
  const shown = withoutForeignContent(found, config, options.rootShown ? { rootShown: true } : {}).map((d) =>
    protect(d, config.substituted),
  );
  const diagnostics = finish(
    shown,
    config,
    options.rules ?? {},
    options.standalone ? (code) => ruleInfo(code)?.scope !== "cluster" : undefined,
  );
  return { config, model, diagnostics, partials };
}

/** Messages quote words as read; template output in them is shown as the engine writes an expression. */
function nameTemplateOutput(found: Diagnostic[], engine: TemplateEngine): void {
  const marker = engine === "erb" ? "<%= … %>" : engine === "subst" ? "${…}" : "{{ … }}";
  for (let i = 0; i < found.length; i++) {
    const d = found[i]!;
    if (d.message.includes(OPAQUE)) found[i] = { ...d, message: d.message.replace(/\uE000+/g, marker) };
  }
}

/** Each partial the template names, checked as a fragment in the block that includes it. */
function readPartials(path: string, config: EffectiveConfig, options: AnalyzeOptions, found: Diagnostic[]): string[] {
  const exists = (p: string) => pathKind(options.host.stat(p)) === "file";
  const visiting = new Set(options.visiting ?? []);
  visiting.add(resolve(path));
  const read: string[] = [];
  for (const partial of resolvePartials(config.raw, path, options.templatePath ?? [], exists)) {
    const tag = partial.include.tag;
    if (partial.path === undefined) {
      // An import brings macros, whose bodies are checked where they are called, not here:
      // one kalint cannot find costs nothing, and Salt names them from its file root.
      if (partial.include.keyword !== "include" && partial.include.keyword !== "template" && partial.include.keyword !== "render") continue;
      found.push(
        diagnostic(
          { file: config.root, start: tag.start, end: tag.end },
          "include-not-found",
          `no template '${partial.include.name}' in ${partial.searched.join(", ")}; kalint could not check it where it is included (add its folder with --template-path)`,
        ),
      );
      continue;
    }
    if (partial.parents === undefined || visiting.has(resolve(partial.path))) continue;
    const sub = analyze(partial.path, {
      ...options,
      text: undefined,
      stamp: undefined,
      rootShown: false,
      parents: partial.parents,
      fragment: true,
      template: options.template === "none" ? "auto" : (options.template ?? "auto"),
      visiting,
    } as AnalyzeOptions);
    read.push(partial.path, ...sub.partials);
    for (const d of sub.diagnostics) found.push(d);
  }
  return read;
}

/**
 * The configuration to analyse: a template read through its template layer (no keepalived
 * preprocessing: its `include` paths and `$VAR`s are the rendered file's, read on the target
 * host), anything else as keepalived reads it.
 */
function read(path: string, options: AnalyzeOptions): { config: EffectiveConfig; parents?: readonly string[] } {
  const mode = options.template ?? "auto";
  const read = mode === "none" || options.text !== undefined ? undefined : options.host.readFile(path, limitsOf(options.limits).fileBytes);
  const text = mode === "none" ? undefined : (options.text ?? (read && "text" in read ? read.text : undefined));
  const engine: TemplateEngine | undefined = text === undefined ? undefined : detectTemplate(path, text, mode);
  if (engine === undefined || text === undefined) {
    return {
      config: preprocess(path, {
        host: options.host,
        ...(options.configId !== undefined ? { configId: options.configId } : {}),
        ...(options.text !== undefined ? { text: options.text } : {}),
        ...(options.stamp !== undefined ? { stamp: options.stamp } : {}),
        ...(options.limits !== undefined ? { limits: options.limits } : {}),
        env: (name) => process.env[name],
      }),
    };
  }
  const root = new SourceText(path, text);
  const parse = (parents: readonly string[] | undefined) =>
    parseTemplate(root, engine, { ...(parents ? { parents } : {}), ...(options.fragment ? { fragment: true } : {}) });
  let raw = parse(options.parents);
  // A fragment named on its own (`--fragment`, rc fragments) has no include site to say which
  // block it is read in: when its first literal keyword belongs to exactly one block, that one.
  const guessed = options.fragment && !options.parents ? fragmentBlock(raw) : undefined;
  if (guessed) raw = parse(guessed);
  const parents = guessed ?? options.parents;
  return {
    config: { root, raw, file: raw, files: [root], includes: [], parameters: new Map(), substituted: [], diagnostics: raw.diagnostics },
    ...(parents ? { parents } : {}),
  };
}

/** The block path a fragment's first literal top-level keyword belongs to, when it is not the top level and is one path. */
function fragmentBlock(file: ConfigFile): readonly string[] | undefined {
  for (const n of file.children) {
    if (n.kind !== "statement" && n.kind !== "block") continue;
    if (isOpaque(n.keyword.text)) continue;
    if (keywordAt([], n.keyword.text)) return undefined;
    const places = placesOf(n.keyword.text);
    return places.length === 1 ? places[0] : undefined;
  }
  return undefined;
}

/**
 * Severity settings and suppressions, shared with the cluster analysis. `ran` narrows the codes
 * whose silence makes a disable comment stale (default: every code that is not "off").
 */
export function finish(
  found: readonly Diagnostic[],
  config: EffectiveConfig,
  rules: Readonly<Record<string, RuleSetting>>,
  ran?: (code: string) => boolean,
): Diagnostic[] {
  const suppressions = config.files.flatMap((f) => collectSuppressions(f === config.root ? config.raw : rawOf(f)));
  const judge: SuppressionJudge = {
    known: (code) => ruleInfo(code) !== undefined,
    ran: (code) => rules[code] !== "off" && (ran?.(code) ?? true),
  };
  // Suppression first, then settings, so `unused-suppression` itself obeys the rc file.
  const kept: Diagnostic[] = [];
  for (const d of applySuppressions(found, suppressions, judge)) {
    const setting = rules[d.code];
    if (setting === "off") continue;
    kept.push(setting && setting !== d.severity ? { ...d, severity: setting } : d);
  }
  return sortDiagnostics(kept);
}

function rawOf(file: SourceText) {
  return file.text.includes("kalint") ? parse(file) : { kind: "file" as const, source: file, children: [], comments: [], diagnostics: [] };
}

export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return list.sort((a, b) =>
    a.file.path < b.file.path ? -1 : a.file.path > b.file.path ? 1 : a.start - b.start || a.end - b.end || (a.code < b.code ? -1 : 1),
  );
}
