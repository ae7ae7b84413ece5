/**
 * The template layer's vocabulary. A template (Jinja2, Go text/template, ERB/EPP) is read as
 * keepalived text with template tags in it: each tag keeps its exact source range, control
 * tags form a tree of constructs (branches of an `if`, bodies of loops), and every expression
 * becomes one opaque stretch of the keepalived text. See grammar/template/index.ts.
 */

export type TemplateEngine = "jinja" | "go" | "erb" | "subst";

/**
 * What the user asks for on the command line (`--template`). `subst` (`${NAME}` placeholders, as
 * envsubst and shell here-documents fill them) is only ever detected: a file named as a template
 * whose only template syntax is `${...}`.
 */
export type TemplateMode = Exclude<TemplateEngine, "subst"> | "auto" | "none";

export type TagKind = "expression" | "statement" | "comment";

/** One template tag as written: `{{ x }}`, `{% if y %}`, `<%# note %>`, ... */
export interface TemplateTag {
  readonly kind: TagKind;
  /** Offset of the opening delimiter. */
  readonly start: number;
  /** Offset just past the closing delimiter (or where an unclosed tag was cut). */
  readonly end: number;
  /** The code between the delimiters and their whitespace-control marks. */
  readonly bodyStart: number;
  readonly bodyEnd: number;
  /** False when no closing delimiter was found; the tag then ends at its line's end. */
  readonly closed: boolean;
}

/** Kinds of control constructs: what a static reader must know about each. */
export type ConstructKind =
  /** Branches are alternatives: exactly one is rendered (an `if` without `else` may render none). */
  | "if"
  /** The body is rendered any number of times, zero included (`for`, `range`, `each`). */
  | "loop"
  /** Rendered once, in place (`with`, `block`, `filter`, `call`, `autoescape`, a block `set`). */
  | "scope"
  /** Not rendered where written: a macro or `define` body, rendered where it is called. */
  | "definition";

/** What a statement tag does to the construct tree. */
export type TagRole =
  | { readonly role: "open"; readonly construct: ConstructKind; readonly keyword: string }
  | { readonly role: "branch"; readonly keyword: string }
  | {
      readonly role: "close";
      readonly keyword: string;
      /** The opening keyword it must match (Jinja); undefined: any. */ readonly closes?: string;
    }
  | {
      readonly role: "include";
      readonly keyword: string;
      /** The partial's name when written as a literal string. */ readonly name?: string;
    }
  | { readonly role: "single" };

/** One arm of a construct: an `if`/`elif`/`else` branch, a loop body, a macro body. */
export interface TemplateBranch {
  readonly id: number;
  readonly construct: TemplateConstruct;
  /** How it starts: the construct's keyword for the first branch, then `elif` (any conditional continuation) or `else`. */
  readonly keyword: string;
  /** The tag that starts it (`{% if %}`, `{% else %}`, ...). */
  readonly tag: TemplateTag;
  /** The text of the branch: from the end of its tag to the start of the next tag of the construct. */
  readonly start: number;
  readonly end: number;
  /** The branch that holds the construct; undefined at the top of the file. */
  readonly parent: TemplateBranch | undefined;
  readonly children: TemplateConstruct[];
}

export interface TemplateConstruct {
  readonly kind: ConstructKind;
  readonly keyword: string;
  /** Opening tag, branch tags, and the closing tag when there is one. */
  readonly tags: TemplateTag[];
  readonly branches: TemplateBranch[];
  readonly close: TemplateTag | undefined;
  readonly parent: TemplateBranch | undefined;
  /**
   * Written inside keepalived lines (a tag shares a line with keepalived text): the whole
   * construct is then one opaque stretch of text, like an expression.
   */
  inline: boolean;
}

/** A partial the template pulls in: `{% include "x.j2" %}`, `{{ template "x" }}`, `<%= render "x" %>`. */
export interface TemplateInclude {
  readonly tag: TemplateTag;
  readonly keyword: string;
  /** The literal name, when the template writes one. */
  readonly name: string | undefined;
}

/** A problem of the template itself (`template-syntax`). */
export interface TemplateProblem {
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

/** An opaque stretch of the keepalived text (an expression or an inline construct). */
export interface OpaqueRange {
  readonly start: number;
  readonly end: number;
  /** Every way the template can write this text, when each is literal (`'A' if x else 'B'`). */
  readonly alternatives?: readonly string[];
}
