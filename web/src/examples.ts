/** The examples one click away: the repository's own example pairs (examples/), as shipped. */
import brokenBackup from "../../examples/lvs-dr-broken/backup.conf";
import brokenMaster from "../../examples/lvs-dr-broken/master.conf";
import backup from "../../examples/lvs-dr/backup.conf";
import master from "../../examples/lvs-dr/master.conf";
import type { PageState } from "./share.js";

export interface Example {
  readonly id: string;
  readonly title: string;
  readonly state: PageState;
}

export const EXAMPLES: readonly Example[] = [
  {
    id: "lvs-dr",
    title: "LVS-DR pair",
    state: {
      files: [
        { name: "master.conf", text: master },
        { name: "backup.conf", text: backup },
      ],
    },
  },
  {
    id: "broken",
    title: "Broken pair",
    state: {
      files: [
        { name: "master.conf", text: brokenMaster },
        { name: "backup.conf", text: brokenBackup },
      ],
    },
  },
];
