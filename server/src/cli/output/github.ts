/** GitHub Actions workflow commands: one annotation per finding. */
import type { Severity } from "../../../../grammar/index.js";
import { lineColumns, type Report } from "./report.js";

const LEVEL: Record<Severity, string> = { error: "error", warning: "warning", info: "notice", hint: "notice" };

// Workflow command values escape %, CR and LF; property values also escape : and ,.
const escapeData = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

export function renderGithub(report: Report): string {
  return report.diagnostics
    .map((d) => {
      const p = lineColumns(d);
      const props = [
        `file=${escapeProperty(d.file.path)}`,
        `line=${p.line}`,
        `col=${p.column}`,
        `endLine=${p.endLine}`,
        `endColumn=${p.endColumn}`,
        `title=${escapeProperty(`kalint ${d.code}`)}`,
      ];
      return `::${LEVEL[d.severity]} ${props.join(",")}::${escapeData(d.node !== undefined ? `(${d.node}) ${d.message}` : d.message)}`;
    })
    .join("\n");
}
