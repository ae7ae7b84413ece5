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
