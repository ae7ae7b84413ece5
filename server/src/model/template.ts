/**
 * What a rule may conclude about a template (docs/templates.md). Words an expression writes hold the
 * OPAQUE character; a block holding a line an expression writes (or a partial) is open, so
 * nothing is missing or duplicated there; two statements in different branches, or one under
 * a condition and one not, may never be rendered together. For a plain file every answer is
 * the plain one (nothing open, everything together), so rules call these unconditionally.
 */
export { hasOpaqueLine };
import {
  hasOpaqueLine,
  isOpaque,
  type AnonymousBlock,
  type Block,
  type ConfigFile,
  type Node,
  type Span,
  type TemplateBranch,
} from "../../../grammar/index.js";

/** A block whose contents the template writes in part: statements there may exist unseen. */
export function isOpenBlock(file: ConfigFile, block: Block | AnonymousBlock): boolean {
  const layer = file.template;
  if (!layer) return false;
  // A fragment's block left open goes on in the file that includes the fragment.
  if (hasOpaqueLine(block.children) || (file.fragment && block.close === undefined)) return true;
  const end = block.close ? block.close.start : Number.POSITIVE_INFINITY;
  return layer.includes.some((i) => i.tag.start >= block.open.end && i.tag.start < end);
}

/**
 * The top level may hold blocks nobody can see: lines an expression writes, or a partial
 * included there. (Such a line never opens global_defs: docs/templates.md takes it to write whole blocks.)
 */
export function isOpenTopLevel(file: ConfigFile): boolean {
  const layer = file.template;
  if (!layer) return false;
  return hasOpaqueLine(file.children) || layer.includes.length > 0;
}

function branchOf(file: ConfigFile, span: Span): TemplateBranch | undefined {
  return file.template?.branchAt(span.start);
}

function encloses(outer: TemplateBranch | undefined, inner: TemplateBranch | undefined): boolean {
  for (let b = inner; b; b = b.parent) if (b === outer) return true;
  return outer === undefined;
}

/**
 * Whether two places are rendered together whenever the later-nested one is: the same branch,
 * or one in a branch that holds the other. Two branches of one `if`, or two separate `if`s,
 * may exclude each other.
 */
export function renderedTogether(file: ConfigFile, a: Span, b: Span): boolean {
  if (!file.template) return true;
  const ba = branchOf(file, a);
  const bb = branchOf(file, b);
  return encloses(ba, bb) || encloses(bb, ba);
}

/** Whether two places stand under exactly the same conditions (both unconditional, or in one branch). */
export function sameConditions(file: ConfigFile, a: Span, b: Span): boolean {
  if (!file.template) return true;
  return branchOf(file, a) === branchOf(file, b);
}

/** Whether `inner` may be rendered a number of times other than once where `outer` is rendered (a loop, or a condition, between them). */
export function variesWithin(file: ConfigFile, inner: Span, outer: Span): boolean {
  if (!file.template) return false;
  const stop = branchOf(file, outer);
  for (let b = branchOf(file, inner); b && b !== stop; b = b.parent)
    if (b.construct.kind === "loop" || b.construct.kind === "if") return true;
  return false;
}

/** Whether any word of the node (keyword, arguments, data words) holds template output. */
export function hasOpaqueWord(node: Node): boolean {
  switch (node.kind) {
    case "statement":
    case "block":
      return (
        isOpaque(node.keyword.text) ||
        node.args.some((w) => isOpaque(w.text)) ||
        (node.kind === "block" && node.children.some(hasOpaqueWord))
      );
    case "value":
      return node.words.some((w) => isOpaque(w.text));
    case "anonymous-block":
      return node.children.some(hasOpaqueWord);
    default:
      return false;
  }
}

/**
 * Whether a template writes the block wholly and unconditionally as it stands: no word of it is
 * template output, nothing in it is open, and no `if` or loop decides whether (or how often) it
 * is rendered. Cluster rules pair only such instances of templates (`kalint fleet` on templates
 * pairs nothing it cannot see literally). Always true in a plain file.
 */
export function isLiteralBlock(file: ConfigFile, block: Block): boolean {
  if (!file.template) return true;
  if (hasOpaqueWord(block) || isOpenBlock(file, block) || file.template.branchAt(block.start) !== undefined) return false;
  const open = (nodes: readonly Node[]): boolean =>
    nodes.some((n) => (n.kind === "block" || n.kind === "anonymous-block") && (isOpenBlock(file, n) || open(n.children)));
  if (open(block.children)) return false;
  // A construct inside the block makes some of its lines conditional.
  const end = block.close ? block.close.end : block.end;
  return !file.template.tags.some((t) => t.kind === "statement" && t.start > block.start && t.start < end);
}
