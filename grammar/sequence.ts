/** `~SEQ(...)` and `~LST(...)` expansion: the values a header iterates over. */
import { isParameterName } from "./parameters.js";

/**
 * The repetitions of a line: each sets `names` to one row of values, in order. The rows of a
 * `~SEQ` are counted out as they are read, not listed beforehand: a nested `~SEQ` is planned
 * again for every repetition of the one around it, and the limits may stop it after a few rows.
 */
export type SequencePlan = { readonly names: readonly string[]; readonly rows: Iterable<readonly string[]> } | { readonly error: string };

/** keepalived reads numbers with strtol(…, 0): decimal, 0x hex, 0 octal. */
function cNumber(s: string): number | undefined {
  const t = s.trim();
  if (/^[-+]?0[xX][0-9a-fA-F]+$/.test(t)) return Number.parseInt(t.replace(/0[xX]/, ""), 16) * (t.startsWith("-") ? -1 : 1);
  if (/^[-+]?0[0-7]+$/.test(t)) return Number.parseInt(t, 8);
  if (/^[-+]?\d+$/.test(t)) return Number.parseInt(t, 10);
  return undefined;
}

/** Splits on top-level commas, keeping `{...}` groups whole. */
function splitTop(params: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < params.length; i++) {
    const c = params[i];
    if (c === "{") depth++;
    else if (c === "}") depth--;
    else if (c === "," && depth === 0) {
      out.push(params.slice(from, i).trim());
      from = i + 1;
    }
  }
  out.push(params.slice(from).trim());
  return out;
}

export const MAX_ITERATIONS = 100_000;

export function planSequence(form: "SEQ" | "SEQx" | "LST", params: string): SequencePlan {
  const parts = splitTop(params);
  if (form === "LST") return planList(parts);
  const [name, ...nums] = parts;
  if (!name || !isParameterName(name) || nums.length < 1 || nums.length > 3) {
    return { error: `~${form} needs (VAR, END), (VAR, START, END) or (VAR, START, STEP, END)` };
  }
  const values = nums.map(cNumber);
  if (values.some((v) => v === undefined)) return { error: `~${form} bounds must be whole numbers` };
  const v = values as number[];
  let start: number, step: number, end: number;
  if (v.length === 1) {
    end = v[0]!;
    start = end < 0 ? -1 : 1;
    step = end < 0 ? -1 : 1;
  } else if (v.length === 2) {
    [start, end] = v as [number, number];
    step = end < start ? -1 : 1;
  } else [start, step, end] = v as [number, number, number];
  if (step === 0 || (end - start) * step < 0) return { error: `~${form} step ${step} never reaches ${end} from ${start}` };
  if (form === "SEQx" && (start < 0 || end < 0)) return { error: "~SEQx counts only through positive numbers" };
  const count = Math.floor((end - start) / step) + 1;
  if (count > MAX_ITERATIONS) return { error: `~${form} would repeat the line ${count} times; kalint stops at ${MAX_ITERATIONS}` };
  return { names: [name], rows: counting(start, step, count, form === "SEQx" ? 16 : 10) };
}

function* counting(start: number, step: number, count: number, radix: number): Generator<readonly string[]> {
  for (let k = 0, x = start; k < count; k++, x += step) yield [x.toString(radix)];
}

function planList(parts: string[]): SequencePlan {
  const [head, ...rest] = parts;
  if (!head) return { error: "~LST needs a variable name and values" };
  const names = head.startsWith("{")
    ? head
        .replace(/^\{|\}$/g, "")
        .split(",")
        .map((s) => s.trim())
    : [head];
  if (!names.every(isParameterName)) return { error: "~LST variable names must be parameter names" };
  const rows: string[][] = [];
  for (const part of rest) {
    const values = part.startsWith("{")
      ? part
          .replace(/^\{|\}$/g, "")
          .split(",")
          .map((s) => s.trim())
      : [part];
    if (values.length > names.length) return { error: `~LST value set '${part}' has more values than names` };
    rows.push(names.map((_, i) => values[i] ?? ""));
  }
  return { names, rows };
}
