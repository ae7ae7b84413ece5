/**
 * The schema validator: walks the effective tree with the path of enclosing block keywords and
 * checks every statement against the keyword schema (is it valid here, in this version, with
 * these arguments, once) and every line of a value block against that block's line grammar.
 *
 * Cost is linear in the tree: each node costs a constant number of map lookups (a block path's
 * keywords are found through its scope, never through a joined path string); the candidate
 * lists for did-you-mean are built once per block path, and only for unknown keywords.
 */
import {
  hasOpaqueLine,
  isOpaque,
  type AnonymousBlock,
  type Block,
  type ConfigFile,
  type Node,
  type Statement,
  type TemplateLayer,
  type Word,
} from "../../../grammar/index.js";
import { rootScope, type KeywordScope } from "../schema/lookup.js";
import { literalVariants } from "./template-words.js";
import type { Version } from "../schema/types.js";
import { argsFor, checkArguments } from "./arguments.js";
import { checkKeyword } from "./keywords.js";
import { lineCheckerFor } from "./lines/index.js";
import { Reporter } from "./report.js";
import { compoundChecker } from "./compound.js";
import { checkServerArgs, SERVER_KEYWORDS } from "./servers.js";
import { UnknownKeywords } from "./unknown.js";
import { isValueBlock } from "../../../grammar/value-blocks.js";
import type { Diagnostic } from "../../../grammar/index.js";

export interface ValidateOptions {
  /** The keepalived version to validate against (keyword-too-new). */
  readonly targetVersion: Version;
  /** Keywords of the blocks the file sits in (a template partial), outermost first. */
  readonly parents?: readonly string[];
  /** Findings of one code kept per file (grammar/limits.ts); the rest are counted in a summary. */
  readonly findingsKept?: number;
}

export function validateSchema(file: ConfigFile, options: ValidateOptions): Diagnostic[] {
  return new SchemaWalk(file, options).run();
}

class SchemaWalk {
  private readonly reporter: Reporter;
  private readonly unknown: UnknownKeywords;
  /** `{` offsets the parser already reported, so an anonymous block is not reported twice. */
  private readonly reportedBraces: ReadonlySet<number>;
  private depth = 0;
  private readonly seenByDepth: Map<string, Statement | Block>[] = [];

  constructor(
    private readonly file: ConfigFile,
    private readonly options: ValidateOptions,
  ) {
    this.reporter = new Reporter(options.findingsKept);
    this.unknown = new UnknownKeywords(this.reporter);
    this.reportedBraces = new Set(file.diagnostics.filter((d) => d.code === "syntax-error").map((d) => d.start));
  }

  private get layer(): TemplateLayer | undefined {
    return this.file.template;
  }

  run(): Diagnostic[] {
    let scope = rootScope();
    for (const p of this.options.parents ?? []) scope = scope.child(p);
    const parents = this.options.parents;
    const inValues = parents && parents.length > 0 && this.file.children.length > 0 && isValueBlockPath(parents);
    if (inValues) this.walkValueLines(parents[parents.length - 1]!, this.file.children);
    else this.walkKeywords(this.file.children, scope);
    if (!this.layer) return this.reporter.diagnostics;
    // Alternatives of one statement may say the same thing twice.
    const seen = new Set<string>();
    return this.reporter.diagnostics.filter((d) => {
      const key = `${d.start}\0${d.end}\0${d.code}\0${d.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  /** Children of a block whose lines are keywords. */
  private walkKeywords(children: readonly Node[], scope: KeywordScope, parent?: Block): void {
    // One map of single-valued keywords per nesting depth, cleared for each block: a large file
    // has tens of thousands of blocks, and a fresh map for each is most of the walk's garbage.
    const depth = this.depth++;
    const seen = (this.seenByDepth[depth] ??= new Map<string, Statement | Block>());
    seen.clear();
    // A block with statements an expression writes is open: nothing there is a duplicate.
    const open = this.layer !== undefined && hasOpaqueLine(children);
    for (const node of children) {
      switch (node.kind) {
        case "statement":
        case "block":
          if (this.layer && isOpaque(node.keyword.text)) break;
          this.keyword(node, scope, open ? undefined : seen, parent);
          break;
        case "anonymous-block":
          this.anonymous(node, scope);
          break;
        case "value":
          // A data line where keywords are expected: its first word is read as a keyword.
          if (!(this.layer && isOpaque(node.words[0]!.text))) this.unknown.report(node.words[0]!, scope.parents);
          break;
        case "include":
          // keepalived takes an include line only with a pattern; alone the word is an unknown keyword.
          if (!node.pattern)
            this.reporter.report(
              node.directive,
              "unknown-keyword",
              `${node.directive.text} needs a file pattern; without one keepalived reads it as an unknown keyword`,
            );
          break;
        case "definition":
          break;
      }
    }
    seen.clear();
    this.depth--;
  }

  private keyword(
    node: Statement | Block,
    scope: KeywordScope,
    seen: Map<string, Statement | Block> | undefined,
    parent: Block | undefined,
  ): void {
    const spec = checkKeyword(node, scope, seen, this.options.targetVersion, this.reporter, this.layer);
    if (!spec) {
      // Unknown: keepalived skips the line and reads a following block at the current level,
      // so whatever we said about its contents would be noise.
      this.unknown.report(node.keyword, scope.parents);
      return;
    }
    const name = node.keyword.text;
    // A keyword whose arguments the target release read differently is checked by that list (schema/dated.ts).
    const older = spec.earlierArgs !== undefined && argsFor(spec, this.options.targetVersion).changedIn !== undefined;
    const compound = older ? undefined : SERVER_KEYWORDS.has(name) ? checkServerArgs : compoundChecker(scope.parents, name);
    // A plain file's statement is checked as it is (this runs for every statement: no arrays).
    if (this.layer === undefined) {
      if (compound) compound(node.keyword, node.args, this.reporter, parent);
      else checkArguments(spec, node, this.reporter, this.options.targetVersion);
    } else {
      for (const args of literalVariants(node.args, this.layer)) {
        const variant = args === node.args ? node : { ...node, args };
        if (compound) compound(variant.keyword, variant.args, this.reporter, parent);
        else checkArguments(spec, variant, this.reporter, this.options.targetVersion);
      }
    }

    if (spec.block && node.kind === "statement") {
      this.reporter.report(node.keyword, "syntax-error", `${name} opens a block: write '${name} ${node.args.length ? "... " : ""}{ ... }'`);
      return;
    }
    if (!spec.block && node.kind === "block") {
      this.reporter.report(
        node.open,
        "syntax-error",
        `${name} takes no block; keepalived would read the lines inside it as if they were outside`,
      );
      return;
    }
    if (node.kind !== "block") return;
    if (spec.block === "values") this.walkValues(node);
    else this.walkKeywords(node.children, scope.child(name), node);
  }

  /** Lines of a value block: each is one entry, read by the block's own line checker. */
  private walkValues(block: Block): void {
    this.walkValueLines(block.keyword.text, block.children);
  }

  private walkValueLines(keyword: string, children: readonly Node[]): void {
    const checker = lineCheckerFor(keyword);
    const context = { reporter: this.reporter, block: keyword, target: this.options.targetVersion };
    for (const child of children) {
      let words: readonly Word[] | undefined;
      if (child.kind === "value") words = child.words;
      else if (child.kind === "statement") words = [child.keyword, ...child.args];
      else if (child.kind === "block" || child.kind === "anonymous-block") {
        this.reporter.report(child.open, "syntax-error", `${keyword} holds a list of entries, not blocks`);
        continue;
      }
      if (!words || words.length === 0 || !checker) continue;
      if (this.layer === undefined) checker(words, context);
      else for (const variant of literalVariants(words, this.layer)) if (variant.length > 0) checker(variant, context);
    }
  }

  private anonymous(node: AnonymousBlock, scope: KeywordScope): void {
    if (!this.reportedBraces.has(node.open.start)) {
      this.reporter.report(
        node.open,
        "syntax-error",
        `a '{' with no keyword before it; keepalived ignores the brace and reads the lines inside at this level`,
      );
    }
    this.walkKeywords(node.children, scope, undefined);
  }
}

/** Whether the innermost of `parents` holds data lines (a partial included inside virtual_ipaddress). */
function isValueBlockPath(parents: readonly string[]): boolean {
  return isValueBlock(parents[parents.length - 2] ?? "", parents[parents.length - 1]!);
}
