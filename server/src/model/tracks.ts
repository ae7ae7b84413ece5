/** The kinds of track line: the block that lists them, and the block that defines what they name. */
import type { DefinitionKind, TrackKind } from "./types.js";

export interface TrackKindInfo {
  /** `track_script`, `track_interface`, ...: the block of an instance or sync group that lists them. */
  readonly keyword: string;
  /** The block that defines the tracked object; none for interfaces, which are the host's. */
  readonly definedBy?: DefinitionKind;
}

export const TRACK_KINDS: Readonly<Record<TrackKind, TrackKindInfo>> = {
  script: { keyword: "track_script", definedBy: "vrrp_script" },
  process: { keyword: "track_process", definedBy: "vrrp_track_process" },
  file: { keyword: "track_file", definedBy: "vrrp_track_file" },
  bfd: { keyword: "track_bfd", definedBy: "bfd_instance" },
  interface: { keyword: "track_interface" },
};

const BY_KEYWORD: ReadonlyMap<string, TrackKind> = new Map(
  Object.entries(TRACK_KINDS).map(([kind, info]) => [info.keyword, kind as TrackKind]),
);

/** The kind of track line a block keyword lists (`track_file` → file), if it is one. */
export function trackKindOf(keyword: string): TrackKind | undefined {
  return BY_KEYWORD.get(keyword);
}
