/**
 * Is a file a template, and of which engine (docs/templates.md): by name (`.j2`, `.erb`, ...) or, whatever
 * the name, by template syntax outside keepalived comments and quotes; the engine is decided by
 * the content, since `.tmpl` files hold Go templates, Terraform templates or plain placeholders.
 */
import type { TemplateEngine, TemplateMode } from "./types.js";

const TEMPLATE_NAME = /\.(?:j2|jinja2?|tmpl|tpl|ctmpl|erb|epp|template|in)$/i;

/** Whether the file's name says it is a template. */
export function isTemplateName(path: string): boolean {
  return TEMPLATE_NAME.test(path);
}

/** The engine a name suggests, for a template whose content does not say. */
function engineOfName(path: string): TemplateEngine {
  if (/\.(?:erb|epp)$/i.test(path)) return "erb";
  if (/\.(?:tmpl|ctmpl|tpl)$/i.test(path)) return "go";
  return "jinja";
}

const GO_ACTION = /\{\{-?\s*(?:\.|\$|\/\*|(?:if|range|with|end|define|template|block|else)\b)/;

/** The engine whose syntax the text holds outside keepalived comments and quotes, if any. */
export function engineOfContent(text: string): TemplateEngine | undefined {
  // Cheap screen: a plain configuration holds none of these pairs.
  const curly = text.includes("{{") || text.includes("{%") || text.includes("{#");
  const angle = text.includes("<%");
  if (!curly && !angle) return undefined;
  let jinja = false;
  let go = false;
  let erb = false;
  for (let from = 0; from < text.length;) {
    const nl = text.indexOf("\n", from);
    const to = nl === -1 ? text.length : nl;
    const raw = text.slice(from, to);
    from = to + 1;
    // Only lines that hold a delimiter need the careful reading.
    if (!raw.includes("{") && !raw.includes("<%")) continue;
    const line = codeOf(raw);
    if (line === "") continue;
    // A whole tag on one line, with code in it: a plain file's doubled brace (`{{`) is a typo,
    // not template syntax.
    if (/\{%[-+]?\s*[A-Za-z_][^%]*%\}|\{#.*?#\}/.test(line)) jinja = true;
    else if (/\{\{[-+]?\s*[^\s{}][^}]*\}\}/.test(line)) {
      if (GO_ACTION.test(line)) go = true;
      else jinja = true;
    }
    if (/<%[-=#]?\s*\S.*?%>/.test(line)) erb = true;
    // A Jinja statement or comment tag decides it: nothing later can change the answer.
    if (jinja && /\{%[-+]?\s*[A-Za-z_]|\{#/.test(line)) return "jinja";
  }
  if (text.startsWith("#jinja2:")) jinja = true;
  if (jinja && !/\{%|\{#/.test(text) && go) return "go";
  if (jinja) return "jinja";
  if (go) return "go";
  if (erb) return "erb";
  return undefined;
}

/** The line without its keepalived comment and quoted strings (a template tag may hold `#`). */
function codeOf(line: string): string {
  let out = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "#" || c === "!") && line[i - 1] !== "{" && line[i + 1] !== "}" && !line.startsWith("#jinja2:")) break;
    if (!quoted) out += c;
  }
  return out.trim();
}

/**
 * The engine to read `path` with, or undefined for a plain keepalived file. `none` reads every
 * file as plain keepalived (kalint's behaviour before templates).
 */
export function detectTemplate(path: string, text: string, mode: TemplateMode = "auto"): TemplateEngine | undefined {
  if (mode === "none") return undefined;
  if (mode !== "auto") return mode;
  const byContent = engineOfContent(text);
  // `{{ name }}` alone could be either: consul-template's `{{ key "x" }}` in a .ctmpl is Go.
  if (byContent === "jinja" && engineOfName(path) === "go" && isTemplateName(path) && !/\{%|\{#/.test(text)) return "go";
  if (byContent) return byContent;
  if (!isTemplateName(path)) return undefined;
  // keepalived reads `${NAME}` itself, so only a file named as a template is taken to be filled by envsubst.
  return /\$\{[A-Za-z_]/.test(text) ? "subst" : engineOfName(path);
}

/** Words that only keepalived configurations (and their partials) hold at the start of a line. */
const KEEPALIVED_WORDS =
  /^[ \t]*(?:global_defs|vrrp_instance|vrrp_script|vrrp_sync_group|vrrp_track_process|vrrp_track_file|virtual_server_group|virtual_server|real_server|static_ipaddress|static_routes|virtual_ipaddress|track_script|track_file|track_process|track_interface|unicast_peer|authentication|notification_email|(?:TCP|MISC|SSL|HTTP|DNS|SMTP|PING|UDP|FILE|BFD)_(?:CHECK|GET))\b/m;

/**
 * Whether a template's name (and folder) may be a keepalived template: its name without the
 * template extension ends in `.conf` or starts with `keepalived` (`keepalived.conf.j2`,
 * `keepalived-checks.j2`), or it sits under a `templates/` or `keepalived/` folder (a Puppet
 * module's `vrrp_instance.erb`). Its text decides the rest (`looksLikeKeepalivedText`), so
 * `keepalived.service.j2` is not one.
 */
export function isKeepalivedTemplateName(name: string, path = name): boolean {
  if (!isTemplateName(name)) return false;
  const stem = name.replace(/(?:\.(?:j2|jinja2?|tmpl|tpl|ctmpl|erb|epp|template|in))+$/i, "");
  return stem.endsWith(".conf") || /^keepalived/i.test(stem) || /(?:^|[\\/])(?:templates|keepalived)[\\/]/.test(path);
}

export function looksLikeKeepalivedText(text: string): boolean {
  return KEEPALIVED_WORDS.test(text.length > 65536 ? text.slice(0, 65536) : text);
}

/** Partials pulled in by name: a `keepalived.conf.j2` may be nothing but includes of them. */
const INCLUDES = /\{%-?\s*(?:include|import|from)\s|\{\{-?\s*template\s|<%=?-?\s*(?:render|scope\.function_template)\b/;

/**
 * Whether a template's text reads as keepalived: keepalived blocks in it, or, for a file named
 * `keepalived*`, partials it includes (a role's main template that only includes its parts).
 */
export function looksLikeKeepalivedTemplate(name: string, text: string): boolean {
  return looksLikeKeepalivedText(text) || (/^keepalived/i.test(name) && INCLUDES.test(text));
}
