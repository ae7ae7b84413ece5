/**
 * Settings for one document: the nearest `.kalintrc.json` (as `kalint check` finds it), then the
 * editor's `kalint.*` settings on top, as command-line options go on top for the CLI.
 */
import { dirname, isAbsolute, resolve } from "node:path";
import { RULE_SETTINGS, type RuleSetting } from "../../../grammar/index.js";
import { ConfigError, EMPTY_CONFIG, findLintConfig, loadLintConfig, type LintConfig } from "../analysis/lint-config.js";
import { parseVersion } from "../schema/lookup.js";
import type { Version } from "../schema/types.js";
import { folderOf, type DocumentSettings } from "../service/workspace.js";

/** What the editor may set under `kalint`. */
export interface ClientSettings {
  readonly targetVersion?: string;
  /** Groups of files that are nodes of one cluster; relative paths are from the workspace folder. */
  readonly peers?: readonly (readonly string[])[];
  readonly rules?: Readonly<Record<string, RuleSetting>>;
}

/** Keeps only well-formed values from whatever JSON the client sent. */
export function readClientSettings(value: unknown): ClientSettings {
  if (typeof value !== "object" || value === null) return {};
  const o = value as Record<string, unknown>;
  const out: { targetVersion?: string; peers?: string[][]; rules?: Record<string, RuleSetting> } = {};
  if (typeof o["targetVersion"] === "string" && o["targetVersion"].trim() !== "") out.targetVersion = o["targetVersion"];
  if (Array.isArray(o["peers"]))
    out.peers = o["peers"].filter((g): g is string[] => Array.isArray(g) && g.every((p) => typeof p === "string"));
  if (typeof o["rules"] === "object" && o["rules"] !== null) {
    out.rules = {};
    for (const [code, v] of Object.entries(o["rules"] as Record<string, unknown>))
      if (typeof v === "string" && (RULE_SETTINGS as readonly string[]).includes(v)) out.rules[code] = v as RuleSetting;
  }
  return out;
}

export class SettingsStore {
  private client: ClientSettings = {};
  private readonly rcByDir = new Map<string, LintConfig>();
  private readonly reported = new Set<string>();

  constructor(
    private readonly warn: (message: string) => void,
    private readonly folders: () => readonly string[],
  ) {}

  /** Takes the editor's settings; false when they are what we had (nothing to re-analyse). */
  setClient(settings: ClientSettings): boolean {
    const changed = JSON.stringify(settings) !== JSON.stringify(this.client);
    this.client = settings;
    return changed;
  }

  /** Forgets cached rc files (one changed on disk). */
  forgetRcFiles(): void {
    this.rcByDir.clear();
  }

  for(path: string): DocumentSettings {
    const rc = isAbsolute(path) ? this.rcFor(path) : EMPTY_CONFIG;
    const rules = { ...rc.rules, ...this.client.rules };
    const versionText = this.client.targetVersion ?? rc.targetVersion;
    let targetVersion: Version | undefined;
    if (versionText !== undefined) {
      targetVersion = parseVersion(versionText);
      if (!targetVersion) this.warnOnce(`kalint: target version '${versionText}' is not a version like 2.2.7; using the newest known`);
    }
    const folder = folderOf(this.folders(), path) ?? this.folders()[0] ?? dirname(path);
    const peers = [...rc.peers, ...(this.client.peers ?? []).map((g) => g.map((p) => resolve(folder, p)))];
    return {
      rules,
      peers,
      renders: rc.renders ?? [],
      ...(targetVersion ? { targetVersion } : {}),
      ...(rc.path ? { rcPath: rc.path } : {}),
    };
  }

  private rcFor(file: string): LintConfig {
    return findLintConfig(file, this.rcByDir, (path) => {
      try {
        return loadLintConfig(path);
      } catch (e) {
        if (!(e instanceof ConfigError)) throw e;
        this.warnOnce(`kalint: ${e.message}; using default settings`);
        return EMPTY_CONFIG;
      }
    });
  }

  private warnOnce(message: string): void {
    if (this.reported.has(message)) return;
    this.reported.add(message);
    this.warn(message);
  }
}
