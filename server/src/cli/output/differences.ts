/**
 * The structural differences as a text table (`kalint diff`, two nodes or a rendered template's
 * nodes): the path, a column per node, and whether each difference is expected between nodes.
 */
import type { Difference } from "../../cluster/differences.js";
import { paint } from "./text.js";

function fit(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

/** A column of the differences table: a node's name and its value in each difference. */
export interface DifferenceColumn<D> {
  readonly title: string;
  readonly value: (d: D) => string | null | undefined;
}

/** The differences side by side: path, a column per node, and whether each is expected; `between` names the nodes in the heading. */
export function differencesTable<D extends Pick<Difference, "path" | "expected">>(
  differences: readonly D[],
  columns: readonly DifferenceColumn<D>[],
  between: string,
  color: boolean,
): string {
  if (differences.length === 0) return `No structural differences between ${between}.`;
  const expected = differences.filter((d) => d.expected).length;
  const show = (v: string | null | undefined) => v ?? "(absent)";
  const pathWidth = Math.min(72, Math.max(4, ...differences.map((d) => d.path.length)));
  const widths = columns.map((c) => Math.min(36, Math.max(c.title.length, ...differences.map((d) => show(c.value(d)).length))));
  const row = (path: string, values: readonly string[]) =>
    `  ${fit(path, pathWidth)}  ${values.map((v, i) => fit(v, widths[i]!)).join("  ")}`;
  const lines = [
    `Differences between ${between}: ${differences.length} (${expected} expected between nodes)`,
    paint(
      color,
      "1",
      row(
        "path",
        columns.map((c) => c.title),
      ),
    ),
  ];
  for (const d of differences) {
    const r = row(
      d.path,
      columns.map((c) => show(c.value(d))),
    );
    lines.push(d.expected ? paint(color, "90", `${r}  expected`) : `${paint(color, "33", r)}  ${paint(color, "33", "differs")}`);
  }
  return lines.join("\n");
}
