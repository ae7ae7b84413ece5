/**
 * `template-brace-imbalance`: a loop body must open as many keepalived blocks as it closes, and
 * the branches of one `if` must leave the same depth; otherwise the rendered file nests or ends
 * blocks differently with each iteration or condition. Each construct is judged with its inner
 * constructs counted as they are written (once, every branch), so one fault gives one finding,
 * at the construct's opening tag: a loop that opens a block its caller closes is the loop's
 * fault, not also that of the `if` around both.
 */
import { firstAtOrAfter } from "./search.js";
import type { TemplateConstruct } from "./types.js";

export interface BraceFault {
  readonly construct: TemplateConstruct;
  readonly message: string;
}

export interface BraceAnalysis {
  readonly faults: readonly BraceFault[];
  /**
   * Branches to leave out of the keepalived text: when every branch of an `if` opens (or
   * closes) the same blocks (`if fwmark` → `virtual_server fwmark N {`, else `virtual_server
   * IP PORT {`), they are alternatives of one header, and reading all of them in a row would
   * nest them. The first branch stands for the others.
   */
  readonly shadowed: readonly { readonly start: number; readonly end: number }[];
}

/** `braces`: offsets of keepalived `{` (+1) and `}` (-1) in the keepalived text, in order. */
export function braceFaults(
  roots: readonly TemplateConstruct[],
  braces: readonly { readonly offset: number; readonly delta: 1 | -1 }[],
): BraceAnalysis {
  const faults: BraceFault[] = [];
  const shadowed: { start: number; end: number }[] = [];
  /** Net delta of braces in [start, end) outside the given inner constructs, whose own nets are given. */
  const net = (start: number, end: number, inner: readonly TemplateConstruct[]): number => {
    let sum = 0;
    let k = lowerBound(braces, start);
    for (const c of inner) {
      const cs = c.tags[0]!.start;
      for (; k < braces.length && braces[k]!.offset < cs; k++) sum += braces[k]!.delta;
      sum += judge(c);
      const ce = c.close ? c.close.end : end;
      k = lowerBound(braces, ce);
    }
    for (; k < braces.length && braces[k]!.offset < end; k++) sum += braces[k]!.delta;
    return sum;
  };
  /**
   * The net a construct contributes to the text around it: a balanced `if` one branch's, a
   * loop its body's as written once, a faulted construct its braces as written.
   */
  const judge = (c: TemplateConstruct): number => {
    if (c.inline || c.kind === "definition") return 0;
    const nets = c.branches.map((b) => net(b.start, b.end, b.children));
    if (c.kind === "loop") {
      const body = nets[0] ?? 0;
      if (body !== 0) {
        faults.push({
          construct: c,
          message: `this ${c.keyword} loop's body ${opensOrCloses(body)}: each iteration ${body > 0 ? "nests the next one inside it" : "ends blocks around the loop"}, so the rendered file is well formed for at most one iteration`,
        });
      } else {
        const other = nets.slice(1).find((n) => n !== 0);
        if (other !== undefined)
          faults.push({
            construct: c,
            message: `the else branch of this ${c.keyword} loop ${opensOrCloses(other)}: rendered when the loop is empty, it leaves the file at another depth than the loop does`,
          });
      }
      return nets.reduce((a, b) => a + b, 0);
    }
    if (c.kind === "if") {
      const all = withImplicitElse(c, nets);
      const first = all[0] ?? 0;
      if (all.some((n) => n !== first)) {
        faults.push({
          construct: c,
          message: `the branches of this ${c.keyword} leave different block depths (${describeNets(c, all)}): rendering nests or ends keepalived blocks differently depending on the condition`,
        });
        // Read on with one branch, the one that moves the depth most (usually the one the
        // text around it was written for); the others would nest into it.
        let keep = 0;
        nets.forEach((n, i) => {
          if (Math.abs(n) > Math.abs(nets[keep]!)) keep = i;
        });
        c.branches.forEach((b, i) => {
          if (i !== keep) shadowed.push({ start: b.tag.start, end: b.end });
        });
        return nets[keep]!;
      }
      if (first !== 0) for (const b of c.branches.slice(1)) shadowed.push({ start: b.tag.start, end: b.end });
      return first;
    }
    // Rendered once in place: its braces count as if written here.
    return nets.reduce((a, b) => a + b, 0);
  };
  for (const c of roots) judge(c);
  return { faults, shadowed };
}

/** An `if` without `else` renders nothing when no condition holds: an empty, balanced branch. */
function withImplicitElse(c: TemplateConstruct, nets: number[]): number[] {
  return c.branches.some((b) => b.keyword === "else") ? nets : [...nets, 0];
}

function describeNets(c: TemplateConstruct, nets: readonly number[]): string {
  return nets
    .map((n, i) => `${i < c.branches.length ? (i === 0 ? c.keyword : "branch " + (i + 1)) : "no branch taken"} ${n > 0 ? `+${n}` : n}`)
    .join(", ");
}

function opensOrCloses(n: number): string {
  const count = Math.abs(n);
  return n > 0
    ? `opens ${count} more block${count === 1 ? "" : "s"} than it closes`
    : `closes ${count} more block${count === 1 ? "" : "s"} than it opens`;
}

const offsetOf = (b: { readonly offset: number }): number => b.offset;

function lowerBound(braces: readonly { readonly offset: number }[], offset: number): number {
  return firstAtOrAfter(braces, offsetOf, offset);
}
