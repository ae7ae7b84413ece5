/**
 * The files every integration claims (docs/integrations.md, "File patterns"): sample paths that
 * each tool's patterns (pre-commit's regex, Neovim's filetype patterns, Helix's globs, …) must
 * accept, and paths they must leave alone.
 */
export const TEMPLATE_EXTENSIONS = [".j2", ".jinja", ".jinja2", ".tmpl", ".tpl", ".ctmpl", ".erb", ".epp", ".template", ".in"] as const;

export const KEEPALIVED_FILES = [
  "keepalived.conf",
  "etc/keepalived.conf",
  "nodes/lb1.keepalived.conf",
  "keepalived/lb1.conf",
  "roles/keepalived/files/conf.d/vrrp.conf",
] as const;

export const TEMPLATES = [
  "roles/keepalived/templates/keepalived.conf.j2",
  "templates/keepalived.conf.erb",
  "roles/lb/templates/lb.keepalived.conf.jinja2",
  "keepalived/conf.d/vrrp.conf.tmpl",
  "modules/keepalived/templates/vrrp.conf.epp",
] as const;

export const OTHER_FILES = [
  "nginx.conf",
  "etc/nginx/conf.d/default.conf",
  "keepalived.conf.bak",
  "roles/keepalived/tasks/main.yml",
  "roles/keepalived/templates/notify.sh.j2",
  "keepalived.yml",
  "docs/keepalived.md",
] as const;

/**
 * A glob as the globset crate reads it by default (Helix, Zed): the whole path must match; `*`
 * matches any characters, `/` included; two stars and a slash, any number of directories; `?`
 * one character;
 * `{a,b}` either.
 */
export function globRegExp(glob: string): RegExp {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*" && glob[i + 1] === "*" && glob[i + 2] === "/") {
      i += 2;
      re += "(?:.*/)?"; // any number of directories, none included
    } else if (c === "*") {
      while (glob[i + 1] === "*") i++;
      re += ".*";
    } else if (c === "?") re += "[^/]";
    else if (c === "{") re += "(?:";
    else if (c === "}") re += ")";
    else if (c === ",") re += glob.slice(0, i).lastIndexOf("{") > glob.slice(0, i).lastIndexOf("}") ? "|" : ",";
    else re += c.replace(/[.+^$()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

/** Every sample path and whether it is a keepalived file, a template of one, or neither. */
export const SAMPLES: readonly { path: string; kind: "keepalived" | "template" | "other" }[] = [
  ...KEEPALIVED_FILES.map((path) => ({ path, kind: "keepalived" as const })),
  ...TEMPLATES.map((path) => ({ path, kind: "template" as const })),
  ...OTHER_FILES.map((path) => ({ path, kind: "other" as const })),
];

/**
 * Editors open a backup (`.bak`, `~`, `.orig`, …) in the mode of the file it backs up: Vim and
 * Neovim through their ignored-suffix rule, Emacs through auto-mode-alist's suffix entries. A
 * linter run skips it, an editor does not.
 */
export const editorTakesAsOriginal = (path: string): boolean => /\.bak$/.test(path);
