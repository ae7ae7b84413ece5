/** Command-line parsing for kalint: small, strict, and with one clear line for every mistake. */
import { RULE_SEVERITIES } from "../../../grammar/index.js";
import { parseVersion } from "../schema/lookup.js";
import type { Version } from "../schema/types.js";
import { COMMAND_NAMES, type CommandName } from "./command-words.js";

// The command words (commands/index.ts holds what each runs).
export { COMMAND_NAMES, type CommandName };

export class UsageError extends Error {}

export interface CliOptions {
  command: CommandName;
  /** False for `kalint FILE...`, where check is implied. */
  commandGiven: boolean;
  files: string[];
  format: "text" | "json" | "sarif" | "github" | "html";
  targetVersion?: Version;
  failOn: (typeof RULE_SEVERITIES)[number];
  config?: string;
  noConfig: boolean;
  disable: string[];
  enable: string[];
  configId?: string;
  ids?: string[];
  fix: boolean;
  check: boolean;
  write: boolean;
  stdinFilename?: string;
  /** `--as NAME`: the one input is checked as if it were NAME (its reported name, rc file, includes). */
  as?: string;
  /** Colour in text output: on a terminal unless NO_COLOR is set; `--color`/`--no-color` force it. */
  color: boolean;
  /** Standard output is a terminal: text output then shows each finding's source line with a caret. */
  tty: boolean;
  /** How to tell templates (docs/templates.md). */
  template: "auto" | "jinja" | "go" | "erb" | "none";
  /** More folders to look for template partials in. */
  templatePath: string[];
  /** The files given are template fragments (partials): open blocks at their ends are not findings. */
  fragment: boolean;
  /** simulate/lab: `--scenario ID` (repeatable). */
  scenarios: string[];
  /** simulate/lab: `--address NODE=IP` (repeatable), a node's own address on the VRRP segment. */
  addresses: Record<string, string>;
  /** lab: `--keepalived PATH`. */
  keepalived?: string;
  /** lab: run the simulation too and report where the two disagree. */
  compare: boolean;
  /** Render mode (docs/templates.md): one node's vars files, merged in order on top of `defaults`. */
  vars: string[];
  /** Role defaults, under every node's own files. */
  defaults: string[];
  /** `--node NAME=FILE[,FILE]`, as written. */
  nodes: string[];
  /** `ansible-inventory --list` output, and the hosts or group that are the nodes. */
  inventory?: string;
  hosts?: string[];
  group?: string;
  /** render: write the rendering to this file instead of standard output. */
  output?: string;
  /** render: show the template line of each rendered line. */
  map: boolean;
  /** Findings shown per code and file before one summary stands for the rest; 0: all. */
  maxFindings: number;
  /** Leave substituted values out of messages; undefined: the format's default (on for github and sarif). */
  redact?: boolean;
  /** --fix and fmt --write also rewrite read-only files and files reached through a symbolic link. */
  force: boolean;
}

/** Findings of one code per file shown by default (`--max-findings`). */
export const DEFAULT_MAX_FINDINGS = 100;

/** Whether output leaves out every substituted value: asked for, or the default of a CI format. */
export function redacts(o: Pick<CliOptions, "redact" | "format">): boolean {
  return o.redact ?? (o.format === "github" || o.format === "sarif");
}

/** A comma-separated option value (`--disable a,b`, `--vars x.yml,y.yml`), blanks dropped. */
const commaList = (value: string): string[] =>
  value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/** Each option without a value and what it sets: the one list of their names. */
const FLAG_OPTIONS: Readonly<Record<string, (o: CliOptions) => void>> = {
  "--no-config": (o) => (o.noConfig = true),
  "--fix": (o) => (o.fix = true),
  "--check": (o) => (o.check = true),
  "--write": (o) => (o.write = true),
  "--help": (o) => (o.command = "help"),
  "-h": (o) => (o.command = "help"),
  "--version": (o) => (o.command = "version"),
  "-V": (o) => (o.command = "version"),
  "--color": (o) => (o.color = true),
  "--no-color": (o) => (o.color = false),
  "--fragment": (o) => (o.fragment = true),
  "--compare": (o) => (o.compare = true),
  "--map": (o) => (o.map = true),
  "--redact": (o) => (o.redact = true),
  "--no-redact": (o) => (o.redact = false),
  "--force": (o) => (o.force = true),
};

/** Each option that takes a value (`--name value` or `--name=value`), what it checks and sets: the one list of their names. */
const VALUE_OPTIONS: Readonly<Record<string, (o: CliOptions, value: string) => void>> = {
  "--format": (o, value) => {
    if (!["text", "json", "sarif", "github", "html"].includes(value))
      throw new UsageError(`--format must be text, json, sarif, github or html, not '${value}'`);
    o.format = value as CliOptions["format"];
  },
  "--fail-on": (o, value) => {
    if (!(RULE_SEVERITIES as readonly string[]).includes(value))
      throw new UsageError(`--fail-on must be ${RULE_SEVERITIES.join(", ").replace(/, ([^,]*)$/, " or $1")}, not '${value}'`);
    o.failOn = value as CliOptions["failOn"];
  },
  "--target-version": (o, value) => {
    o.targetVersion = parseVersion(value);
    if (!o.targetVersion) throw new UsageError(`--target-version must look like 2.2 or 2.2.7, not '${value}'`);
  },
  "--config": (o, value) => (o.config = value),
  "--disable": (o, value) => o.disable.push(...commaList(value)),
  "--enable": (o, value) => o.enable.push(...commaList(value)),
  "--config-id": (o, value) => (o.configId = value),
  "--ids": (o, value) => (o.ids = commaList(value)),
  "--stdin-filename": (o, value) => (o.stdinFilename = value),
  "--as": (o, value) => {
    if (value === "" || value === "-") throw new UsageError("--as needs the name of a file, e.g. --as /etc/keepalived/keepalived.conf");
    o.as = value;
  },
  "--template": (o, value) => {
    if (!["auto", "jinja", "go", "erb", "none"].includes(value))
      throw new UsageError(`--template must be auto, jinja, go, erb or none, not '${value}'`);
    o.template = value as CliOptions["template"];
  },
  "--template-path": (o, value) => o.templatePath.push(value),
  "--scenario": (o, value) => o.scenarios.push(value),
  "--address": (o, value) => {
    const eq = value.indexOf("=");
    if (eq <= 0 || eq === value.length - 1) throw new UsageError(`--address takes NODE=IP, not '${value}'`);
    o.addresses[value.slice(0, eq)] = value.slice(eq + 1);
  },
  "--keepalived": (o, value) => (o.keepalived = value),
  "--vars": (o, value) => o.vars.push(...commaList(value)),
  "--defaults": (o, value) => o.defaults.push(...commaList(value)),
  "--node": (o, value) => o.nodes.push(value),
  "--inventory": (o, value) => (o.inventory = value),
  "--hosts": (o, value) => (o.hosts = commaList(value)),
  "--group": (o, value) => (o.group = value),
  "-o": (o, value) => (o.output = value),
  "--output": (o, value) => (o.output = value),
  "--max-findings": (o, value) => {
    if (!/^\d{1,9}$/.test(value)) throw new UsageError(`--max-findings must be a whole number (0 shows every finding), not '${value}'`);
    o.maxFindings = Number(value);
  },
};

export function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv, isTTY: boolean): CliOptions {
  const o: CliOptions = {
    command: "check",
    commandGiven: false,
    files: [],
    format: "text",
    failOn: "error",
    noConfig: false,
    disable: [],
    enable: [],
    fix: false,
    check: false,
    write: false,
    tty: isTTY,
    template: "auto",
    templatePath: [],
    fragment: false,
    scenarios: [],
    addresses: {},
    compare: false,
    vars: [],
    defaults: [],
    nodes: [],
    map: false,
    maxFindings: DEFAULT_MAX_FINDINGS,
    force: false,
    // no-color.org: NO_COLOR set to anything but the empty string turns colour off.
    color: isTTY && !env["NO_COLOR"],
  };
  let i = 0;
  if (argv[0] !== undefined && (COMMAND_NAMES as readonly string[]).includes(argv[0])) {
    o.command = argv[0] as CommandName;
    o.commandGiven = true;
    i = 1;
  }
  for (; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      o.files.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith("--") && arg.includes("=")) {
      const [name, value] = [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)];
      const set = Object.hasOwn(VALUE_OPTIONS, name) ? VALUE_OPTIONS[name] : undefined;
      if (!set) throw new UsageError(`unknown option ${name}; 'kalint --help' lists the options`);
      set(o, value);
      continue;
    }
    if (Object.hasOwn(VALUE_OPTIONS, arg)) {
      const value = argv[++i];
      if (value === undefined) throw new UsageError(`${arg} needs a value`);
      VALUE_OPTIONS[arg]!(o, value);
      continue;
    }
    if (Object.hasOwn(FLAG_OPTIONS, arg)) {
      FLAG_OPTIONS[arg]!(o);
      continue;
    }
    if (arg.startsWith("-") && arg !== "-") throw new UsageError(`unknown option ${arg}; 'kalint --help' lists the options`);
    o.files.push(arg);
  }
  validate(o);
  return o;
}

function validate(o: CliOptions): void {
  if (o.config && o.noConfig) throw new UsageError("--config and --no-config cannot be used together");
  if (o.fix && o.command !== "check") throw new UsageError("--fix works only with check");
  if ((o.check || o.write) && o.command !== "fmt") throw new UsageError("--check and --write work only with fmt");
  if (o.check && o.write) throw new UsageError("fmt takes --check or --write, not both");
  if (o.stdinFilename !== undefined && !o.files.includes("-"))
    throw new UsageError("--stdin-filename goes with '-' (read the file from stdin)");
  if (o.as !== undefined) {
    if (o.command !== "check" && o.command !== "fmt") throw new UsageError("--as works only with check and fmt");
    if (o.stdinFilename !== undefined) throw new UsageError("--as and --stdin-filename both name the input; give one");
    if (o.files.length !== 1) throw new UsageError("--as names one input; give exactly one file (or '-')");
    if (o.fix)
      throw new UsageError("--fix rewrites the file it reads, and --as checks that file under another name; they cannot be combined");
  }
  if (o.files.filter((f) => f === "-").length > 1) throw new UsageError("'-' (standard input) can be given only once");
  if (o.fix && o.files.includes("-")) throw new UsageError("--fix rewrites files in place and cannot fix standard input");
  if (o.force && !o.fix && !o.write) throw new UsageError("--force goes with --fix or fmt --write");
  if (["check", "fmt"].includes(o.command) && o.files.length === 0)
    throw new UsageError(`${o.command} needs at least one file (or '-' for stdin)`);
  validateRender(o);
  if (o.command === "diff" && (o.nodes.length > 0 || o.inventory !== undefined)) return;
  if (o.command === "diff" && !(o.files.length === 2 || (o.files.length === 1 && o.ids))) {
    throw new UsageError("diff needs two files (MASTER BACKUP), or one file with --ids A,B");
  }
  if (o.command === "fleet" && o.files.length === 0) throw new UsageError("fleet needs files or directories");
  if (o.command === "explain" && o.files.length !== 1) throw new UsageError("explain needs exactly one rule code");
  const simulating = o.command === "simulate" || o.command === "lab";
  const rendering = o.nodes.length > 0 || o.inventory !== undefined;
  if (simulating && !rendering && !(o.files.length >= 2 || (o.files.length === 1 && o.ids && o.ids.length >= 2))) {
    throw new UsageError(`${o.command} needs two or more node files, or one file with --ids A,B`);
  }
  if (simulating && o.files.includes("-")) throw new UsageError(`${o.command} reads files, not standard input`);
  if (!simulating && (o.scenarios.length || Object.keys(o.addresses).length))
    throw new UsageError("--scenario and --address work only with simulate and lab");
  if (o.command !== "lab" && (o.compare || o.keepalived !== undefined))
    throw new UsageError("--compare and --keepalived work only with lab");
  if (o.format === "html" && !simulating) throw new UsageError("--format html works only with simulate and lab");
  if (simulating && (o.format === "sarif" || o.format === "github")) throw new UsageError(`${o.command} prints text, json or html`);
}

/** Render mode's options (docs/templates.md): which command takes which, and what each needs. */
function validateRender(o: CliOptions): void {
  const renderOptions = o.vars.length > 0 || o.defaults.length > 0 || o.nodes.length > 0 || o.inventory !== undefined;
  if (o.vars.length && !["check", "render"].includes(o.command))
    throw new UsageError("--vars works with check and render (diff takes --node NAME=FILE per node)");
  if (o.nodes.length && !["diff", "simulate"].includes(o.command))
    throw new UsageError("--node works with diff and simulate (check and render take --vars)");
  if (o.defaults.length && !["check", "diff", "render", "simulate"].includes(o.command))
    throw new UsageError("--defaults works with check, diff, render and simulate");
  if (o.inventory !== undefined && !["diff", "render", "simulate"].includes(o.command))
    throw new UsageError("--inventory works with diff, render and simulate");
  if ((o.hosts || o.group !== undefined) && o.inventory === undefined)
    throw new UsageError("--hosts and --group pick hosts of an --inventory");
  if (o.hosts && o.group !== undefined) throw new UsageError("give --hosts or --group, not both");
  if ((o.output !== undefined || o.map) && o.command !== "render") throw new UsageError("-o and --map work only with render");
  if (o.inventory !== undefined && o.nodes.length) throw new UsageError("--inventory and --node both name the nodes; give one");
  if (o.command === "render") {
    if (o.files.length !== 1) throw new UsageError("render needs exactly one template");
    if (o.inventory !== undefined && !(o.hosts?.length === 1))
      throw new UsageError("render --inventory renders one host: give --hosts NAME");
    if (o.inventory === undefined && !o.vars.length && !o.defaults.length)
      throw new UsageError("render needs the node's variables: --vars FILE (and --defaults FILE), or --inventory FILE --hosts NAME");
  }
  if (!renderOptions) return;
  if (o.files.includes("-")) throw new UsageError("render mode reads the template from a file, not standard input");
  if (o.command === "check" && o.files.length !== 1) throw new UsageError("check --vars renders one template: give exactly one file");
  if (o.command === "check" && o.fix) throw new UsageError("--fix never edits a template; render mode has nothing to fix in place");
  if (o.command === "diff" || o.command === "simulate") {
    if (o.files.length !== 1) throw new UsageError(`${o.command} TEMPLATE --node ... takes exactly one template`);
    if (o.inventory === undefined && o.nodes.length < 2)
      throw new UsageError(`${o.command} TEMPLATE needs two or more --node NAME=FILE (or --inventory with --hosts/--group)`);
  }
}

export const USAGE = `usage:
  kalint check FILE... [options]         lint files (also: kalint FILE...)
  kalint check - --stdin-filename NAME   lint standard input
  kalint diff MASTER BACKUP [options]    compare two nodes of one cluster
  kalint diff FILE --ids A,B [options]   compare the nodes of one file written with @A/@B lines
  kalint fleet FILE|DIR... [options]     group files into clusters and compare every pair
  kalint fmt FILE... [--check|--write]   canonical formatting (stdout by default)
  kalint render TEMPLATE --vars FILE...  one node's rendering of a Jinja2 template [-o OUT] [--map]
  kalint check TEMPLATE --vars FILE...   lint one node's rendering, at the template's lines
  kalint diff TEMPLATE --node NAME=FILE[,FILE] --node NAME=...
                                         render each node, lint each, compare them as one cluster
  kalint diff TEMPLATE --inventory INV.json --hosts H1,H2 | --group G
  kalint explain RULE                    a rule's documentation
  kalint rules [--format json]           every rule with its default severity
  kalint simulate NODE.conf NODE.conf... who holds each address now and after each failure (computed)
  kalint lab NODE.conf NODE.conf...      the same scenarios on real keepalived daemons (root, Linux)

options:
  --format text|json|sarif|github   output format (text; coloured on a terminal unless NO_COLOR)
  --color | --no-color              force colour in text output on or off
  --target-version X.Y[.Z]          keepalived version to check against (default: newest known)
  --fail-on error|warning|info      lowest severity that makes the exit code 1 (default error)
  --config FILE | --no-config       rule settings (default: nearest .kalintrc.json upward)
  --disable RULE[,RULE] / --enable RULE
  --config-id ID                    keep @ID lines as keepalived -i ID would
  --fix                             apply safe fixes in place (check only)
  --force                           with --fix or fmt --write: also rewrite read-only files and symbolic links
  --max-findings N                  findings shown per code and file before one summary (default 100; 0: all)
  --redact | --no-redact            leave substituted values out of messages (default: on for github, sarif)
  --stdin-filename NAME             the name to report standard input ('-') under
  --as NAME                         check the one FILE as if it were NAME: reported as NAME, with
                                    NAME's .kalintrc.json and includes (a rendered temp file)
  --template auto|jinja|go|erb|none read templates (default auto: by name and content; none: as plain files)
  --template-path DIR               another folder to find template partials in (repeatable)
  --fragment                        the files are template fragments (partials): no finding for blocks open at their ends
  --scenario ID                     simulate/lab: run only this scenario (repeatable)
  --address NODE=IP                 simulate/lab: a node's own address on the VRRP segment
  --format html                     simulate/lab: one self-contained page (scenarios x addresses)
  --keepalived PATH / --compare     lab: the daemon to run; also simulate and report disagreements
  --vars FILE[,FILE]                render mode: the node's vars files (YAML or JSON), merged in order
  --defaults FILE[,FILE]            render mode: role defaults, under every node's own files
  --node NAME=FILE[,FILE]           diff: one node of the cluster and its vars files (repeat per node)
  --inventory FILE                  ansible-inventory --list JSON; with --hosts H1,H2 or --group NAME
  -o FILE / --map                   render: write to FILE / prefix each line with its template line

exit codes: 0 nothing at or above the fail level, 1 findings, 2 usage or input error`;
