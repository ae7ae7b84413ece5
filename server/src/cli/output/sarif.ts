/** SARIF 2.1.0: one rule entry per code, with a helpUri to its docs page. */
import { isAbsolute } from "node:path";
import { pathToFileURL } from "node:url";
import { allRuleInfo, docsUrl, type Severity, type TextEdit } from "../../../../grammar/index.js";
import { VERSION } from "../../version.js";
import { lineColumns, type Report } from "./report.js";

const LEVEL: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note", hint: "note" };

/**
 * An artifact URI: absolute paths as file: URLs, relative ones as relative references with each
 * segment percent-encoded (a `#` or `?` in a file name would otherwise cut the URI short).
 */
export function artifactUri(path: string): string {
  if (isAbsolute(path)) return pathToFileURL(path).href;
  return path.split("/").map(encodeURIComponent).join("/");
}

function byFile(edits: readonly TextEdit[]): TextEdit[][] {
  const groups = new Map<string, TextEdit[]>();
  for (const e of edits) (groups.get(e.file.path) ?? groups.set(e.file.path, []).get(e.file.path)!).push(e);
  return [...groups.values()];
}

export function renderSarif(report: Report): string {
  const rules = allRuleInfo();
  const index = new Map<string, number>(rules.map((r, i) => [r.code, i]));
  const results = report.diagnostics.map((d) => {
    const p = lineColumns(d);
    return {
      ruleId: d.code,
      ...(index.has(d.code) ? { ruleIndex: index.get(d.code) } : {}),
      level: LEVEL[d.severity],
      message: { text: d.node !== undefined ? `(${d.node}) ${d.message}` : d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: artifactUri(d.file.path) },
            region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn },
          },
        },
      ],
      ...(d.related?.length
        ? {
            relatedLocations: d.related.map((r, i) => {
              const q = lineColumns(r);
              return {
                id: i,
                message: { text: r.message },
                physicalLocation: {
                  artifactLocation: { uri: artifactUri(r.file.path) },
                  region: { startLine: q.line, startColumn: q.column },
                },
              };
            }),
          }
        : {}),
      ...(d.fix
        ? {
            fixes: [
              {
                description: { text: d.fix.description },
                artifactChanges: byFile(d.fix.edits).map((edits) => ({
                  artifactLocation: { uri: artifactUri(edits[0]!.file.path) },
                  replacements: edits.map((e) => {
                    const q = lineColumns(e);
                    return {
                      deletedRegion: { startLine: q.line, startColumn: q.column, endLine: q.endLine, endColumn: q.endColumn },
                      insertedContent: { text: e.newText },
                    };
                  }),
                })),
              },
            ],
          }
        : {}),
    };
  });
  return JSON.stringify(
    {
      $schema: "https://json.schemastore.org/sarif-2.1.0.json",
      version: "2.1.0",
      runs: [
        {
          tool: {
            driver: {
              name: "kalint",
              version: VERSION,
              informationUri: "https://github.com/kalint/kalint",
              rules: rules.map((r) => ({
                id: r.code,
                name: r.code.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
                shortDescription: { text: r.summary },
                helpUri: docsUrl(r.code),
                defaultConfiguration: { level: LEVEL[r.severity] },
                properties: { category: r.category },
              })),
            },
          },
          artifacts: report.files.map((f) => ({ location: { uri: artifactUri(f) } })),
          results,
        },
      ],
    },
    null,
    2,
  );
}
