/**
 * A role-shaped folder for render mode in the editor (templates/, defaults/, host_vars/ and a
 * .kalintrc.json naming the template's two nodes). The role's defaults give both nodes the same
 * priority, so the rendered nodes tie (priority-tie on lb2 at the template's line 5).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const ROLE_TEMPLATE_PATH = "templates/keepalived.conf.j2";

export const ROLE_TEMPLATE = [
  "vrrp_instance VI_1 {",
  "    state {{ lb_state }}",
  "    interface eth0",
  "    virtual_router_id 51",
  "    priority {{ lb_priority }}",
  "    virtual_ipaddress {",
  "        192.0.2.100/24",
  "    }",
  "}",
  "",
].join("\n");

/** Writes the role into `dir` (which exists). */
export function writeRenderRole(dir: string): void {
  for (const d of ["templates", "defaults", "host_vars"]) mkdirSync(join(dir, d));
  writeFileSync(join(dir, ROLE_TEMPLATE_PATH), ROLE_TEMPLATE);
  writeFileSync(join(dir, "defaults/main.yml"), "lb_priority: 100\n");
  writeFileSync(join(dir, "host_vars/lb1.yml"), "lb_state: MASTER\n");
  writeFileSync(join(dir, "host_vars/lb2.yml"), "lb_state: BACKUP\n");
  writeFileSync(
    join(dir, ".kalintrc.json"),
    JSON.stringify({
      templates: {
        [ROLE_TEMPLATE_PATH]: { defaults: ["defaults/main.yml"], nodes: { lb1: ["host_vars/lb1.yml"], lb2: ["host_vars/lb2.yml"] } },
      },
    }),
  );
}
