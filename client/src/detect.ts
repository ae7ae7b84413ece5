/**
 * Recognises a keepalived configuration by its content. VS Code's `firstLine` association only
 * applies to files no extension claims, and the built-in Properties language claims every
 * `.conf`, so `master.conf` or `lb1.conf` would otherwise never open as keepalived.
 * No vscode import, so it is unit-tested.
 */
import { detectTemplate, looksLikeKeepalivedTemplate } from "../../grammar/template/detect.js";

/** Top-level blocks that no other common `.conf` dialect starts a statement with. */
const TOP_LEVEL = new Set([
  "global_defs",
  "vrrp_instance",
  "vrrp_sync_group",
  "vrrp_script",
  "vrrp_track_process",
  "vrrp_track_file",
  "virtual_server",
  "virtual_server_group",
  "static_ipaddress",
  "static_routes",
  "static_rules",
  "garp_group",
  "bfd_instance",
  "linkbeat_interfaces",
]);

/** How far to look: the statements that matter come right after a header comment. */
const MAX_LINES = 200;

/**
 * True when the first statement of the text opens a keepalived top-level block, or a comment
 * before it names keepalived. Definitions (`$X=`), conditionals (`@id`) and includes before
 * that first statement are skipped, as they say nothing about the dialect on their own.
 */
export function looksLikeKeepalived(text: string): boolean {
  const lines = text.split(/\r?\n/, MAX_LINES);
  for (const raw of lines) {
    const line = raw.trim();
    if (line === "") continue;
    if (line.startsWith("#") || line.startsWith("!")) {
      if (/\bkeepalived\b/i.test(line)) return true;
      continue;
    }
    const statement = line.replace(/^@\^?\S*\s*/, "");
    if (statement === "" || statement.startsWith("$") || /^include[rmwba]?\s/.test(statement)) continue;
    const word = /^[^\s{#!]+/.exec(statement)?.[0] ?? "";
    return TOP_LEVEL.has(word);
  }
  return false;
}

/** The file names the extension may claim as keepalived templates (docs/templates.md). */
const TEMPLATE_FILE = /\.conf\.(?:j2|jinja2?|tmpl|ctmpl|erb|epp)$/;

/** The languages of keepalived templates, by engine. */
export const TEMPLATE_LANGUAGES = { jinja: "keepalived-jinja", go: "keepalived-go", erb: "keepalived-erb" } as const;

/**
 * The language to open a file as when it is a keepalived template: a `*.conf.j2` (`.jinja`,
 * `.jinja2`, `.tmpl`, `.ctmpl`, `.erb`, `.epp`) whose name starts with `keepalived` or that lives
 * under a `keepalived/` or `templates/` folder, and whose text reads as keepalived; never any
 * other `.j2` file. The engine comes from the content, as kalint decides it.
 */
export function templateLanguage(path: string, text: string): string | undefined {
  const slashed = path.replace(/\\/g, "/");
  const name = slashed.slice(slashed.lastIndexOf("/") + 1);
  if (!TEMPLATE_FILE.test(name)) return undefined;
  if (!/^keepalived/i.test(name) && !/\/(?:keepalived|templates)\//.test(slashed)) return undefined;
  if (!looksLikeKeepalivedTemplate(name, text)) return undefined;
  const engine = detectTemplate(name, text);
  // `${NAME}` placeholders have no tags to colour: plain keepalived colouring fits them.
  return engine === undefined || engine === "subst" ? "keepalived" : TEMPLATE_LANGUAGES[engine];
}
