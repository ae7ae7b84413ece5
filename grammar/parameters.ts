/**
 * `$NAME` parameters: definitions, substitution and keepalived's built-in names.
 * Definitions are global and ordered: visible from the line that makes them onward.
 */
import type { Span } from "./source.js";

export interface ParameterValue {
  readonly value: string;
  readonly multiline: boolean;
  /** Where the definition was written (absent for built-ins). */
  readonly definedAt?: Span;
}

export interface Reference {
  /** Offsets in the line. */
  readonly from: number;
  readonly to: number;
  readonly name: string;
  /** Words inside `${NAME words}` (built-ins take parameters). */
  readonly params: readonly string[];
  readonly braced: boolean;
}

/**
 * A parameter name, as keepalived reads one: a letter or `_`, then letters, digits and `_`. The
 * one pattern every reader of names builds on (definitions, references, ~SEQ/~LST, rename).
 */
const NAME_START = "A-Za-z_";
const NAME_CHAR = "A-Za-z0-9_";
export const PARAMETER_NAME = `[${NAME_START}][${NAME_CHAR}]*`;
const wholeName = new RegExp(`^${PARAMETER_NAME}$`);

export function isParameterName(text: string): boolean {
  return wholeName.test(text);
}

const nameStart = new RegExp(`[${NAME_START}]`);
const nameChar = new RegExp(`[${NAME_CHAR}]`);

/**
 * References in a line. `$NAME` counts only when followed by the end, a blank, `,` or `)`;
 * elsewhere the braced form `${NAME}` is needed, as keepalived reads them.
 */
export function findReferences(text: string): Reference[] {
  const refs: Reference[] = [];
  let i = text.indexOf("$");
  // Once a `${` finds no `}`, none after it can: searching again for each would be quadratic.
  let closable = true;
  while (i !== -1 && i < text.length - 1) {
    if (text[i + 1] === "{" && closable) {
      const close = text.indexOf("}", i + 2);
      closable = close !== -1;
      if (close !== -1) {
        const inner = text
          .slice(i + 2, close)
          .trim()
          .split(/[ \t]+/);
        const name = inner[0] ?? "";
        if (isParameterName(name)) {
          refs.push({ from: i, to: close + 1, name, params: inner.slice(1), braced: true });
        }
        i = text.indexOf("$", close + 1);
        continue;
      }
    } else if (nameStart.test(text[i + 1]!)) {
      let j = i + 2;
      while (j < text.length && nameChar.test(text[j]!)) j++;
      const after = text[j];
      if (after === undefined || after === " " || after === "\t" || after === "," || after === ")") {
        refs.push({ from: i, to: j, name: text.slice(i + 1, j), params: [], braced: false });
      }
      i = text.indexOf("$", j);
      continue;
    }
    i = text.indexOf("$", i + 1);
  }
  return refs;
}

export const BUILTIN_NAMES: ReadonlySet<string> = new Set(["_PWD", "_INSTANCE", "_RANDOM", "_ENV", "_HASH", "_BANG"]);

export interface BuiltinContext {
  readonly directory: string;
  readonly configId: string | undefined;
  readonly env: (name: string) => string | undefined;
}

/** Value of a built-in, or an error text when its parameters are wrong. */
export function builtinValue(ref: Reference, ctx: BuiltinContext): { value: string } | { error: string } | undefined {
  switch (ref.name) {
    case "_PWD":
      return { value: ctx.directory };
    case "_INSTANCE":
      return { value: ctx.configId ?? "" };
    case "_HASH":
      return { value: "#" };
    case "_BANG":
      return { value: "!" };
    case "_ENV":
      if (ref.params.length !== 1) return { error: "${_ENV} takes exactly one parameter, the variable name" };
      return { value: ctx.env(ref.params[0]!) ?? "" };
    case "_RANDOM": {
      if (ref.params.length > 2) return { error: "${_RANDOM} takes at most two parameters, MIN and MAX" };
      if (!ref.params.every((p) => /^-?\d+$/.test(p))) return { error: "${_RANDOM} parameters must be numbers" };
      // Deterministic for linting: the lowest value of the range stands for any draw.
      return { value: ref.params[0] ?? "0" };
    }
    default:
      return undefined;
  }
}
