/** One-line argument syntax of a keyword for hover and completion, e.g. `priority NUMBER (1..255)`. */
import type { ArgKind, ArgSpec, BlockKind } from "./types.js";

export function formatSyntax(name: string, args: readonly ArgSpec[] | undefined, block: BlockKind | undefined): string {
  const parts = [name];
  for (const a of args ?? []) {
    const word = `${a.name}${describeKind(a.kind)}${a.repeat ? "..." : ""}`;
    parts.push(a.optional ? `[${word}]` : word);
  }
  if (args === undefined && !block) parts.push("...");
  if (block) parts.push("{ ... }");
  return parts.join(" ");
}

function describeKind(kind: ArgKind): string {
  switch (kind.type) {
    case "integer":
    case "decimal":
    case "real":
      return kind.min !== undefined || kind.max !== undefined ? ` (${rangeText(kind.min, kind.max)})` : "";
    case "enum":
      return ` (${kind.values.join("|")})`;
    case "boolean":
      return " (true|false|on|off|yes|no)";
    default:
      return "";
  }
}

export function rangeText(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `${min}..${max}`;
  if (min !== undefined) return `>= ${min}`;
  return `<= ${max}`;
}
