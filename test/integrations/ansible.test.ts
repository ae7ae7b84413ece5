/**
 * Ansible (Debian's package) renders a role's keepalived template with docs/integrations.md's
 * task, whose `validate:` runs kalint as installed from a release of this checkout: once with
 * variables that give a clean file (installed), once with a VRID out of range (the task fails,
 * Ansible's output carries kalint's finding, the installed file stays as it was).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { built } from "../cli/run-kalint.js";
import { has, installRelease, releaseRepo, removeScratch, scratchDir } from "./release.js";
import { snippet } from "./snippets.js";

const ready = built && has("ansible-playbook") && has("git");
if (!ready)
  console.warn(
    `ansible.test.ts SKIPPED: ${!built ? "dist/ is not built" : "ansible-playbook is not installed (apt-get install -y ansible-core)"}`,
  );
afterAll(removeScratch);

const TEMPLATE = `# {{ ansible_managed | default("managed by Ansible") }}
global_defs {
    router_id {{ inventory_hostname }}
}

vrrp_instance VI_1 {
    state {{ keepalived_state }}
    interface {{ keepalived_interface }}
    virtual_router_id {{ keepalived_vrid }}
    priority {{ keepalived_priority }}
    advert_int 1
    virtual_ipaddress {
{% for vip in keepalived_vips %}
        {{ vip }}
{% endfor %}
    }
}
`;

const PLAYBOOK = `- hosts: all
  connection: local
  gather_facts: false
  roles:
    - keepalived
`;

describe.runIf(ready)("Ansible's template validate: runs kalint on the rendered file", () => {
  test("a clean rendering is installed; a faulty one fails the task with kalint's finding in Ansible's output", () => {
    const bin = installRelease(releaseRepo());
    const dir = scratchDir("kalint-ansible-");
    const dest = join(dir, "etc/keepalived/keepalived.conf");
    mkdirSync(dirname(dest), { recursive: true });
    const task = snippet("docs/integrations.md", "ansible-task");
    expect(task).toContain("validate: kalint check --template none --as /etc/keepalived/keepalived.conf");
    const files: Record<string, string> = {
      "site.yml": PLAYBOOK,
      "roles/keepalived/templates/keepalived.conf.j2": TEMPLATE,
      // the docs' task, with its destination moved into the scratch directory
      "roles/keepalived/tasks/main.yml": task.replaceAll("/etc/keepalived/keepalived.conf", dest),
      "roles/keepalived/handlers/main.yml": "- name: reload keepalived\n  ansible.builtin.debug:\n    msg: reload\n",
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const env = {
      ...process.env,
      PATH: `${bin}:${process.env["PATH"]}`,
      ANSIBLE_NOCOLOR: "1",
      ANSIBLE_FORCE_COLOR: "0",
      ANSIBLE_HOME: join(dir, ".ansible"),
      ANSIBLE_LOCAL_TEMP: join(dir, ".ansible/tmp"),
      ANSIBLE_REMOTE_TEMP: join(dir, ".ansible/remote"),
      ANSIBLE_PYTHON_INTERPRETER: "auto_silent",
      ANSIBLE_RETRY_FILES_ENABLED: "0",
    };
    const play = (vars: object) => {
      writeFileSync(join(dir, "vars.json"), JSON.stringify(vars));
      return spawnSync("ansible-playbook", ["-i", "lb1,", "-e", "@vars.json", "site.yml"], {
        cwd: dir,
        env,
        encoding: "utf8",
        timeout: 180_000,
      });
    };
    const vars = {
      keepalived_state: "MASTER",
      keepalived_interface: "eth0",
      keepalived_vrid: 51,
      keepalived_priority: 150,
      keepalived_vips: ["192.0.2.10/24", "192.0.2.11/24"],
    };

    const good = play(vars);
    expect(good.status, good.stdout + good.stderr).toBe(0);
    expect(good.stdout).toMatch(/^lb1 +: ok=\d+ +changed=[12] .* failed=0/m);
    const installed = readFileSync(dest, "utf8");
    expect(installed).toContain("virtual_router_id 51");

    const bad = play({ ...vars, keepalived_vrid: 300 });
    expect(bad.status, bad.stdout + bad.stderr).toBe(2);
    expect(bad.stdout).toMatch(/^fatal: \[lb1\]: FAILED! => .*"msg": "failed to validate"/m);
    expect(bad.stdout).toContain(`${dest}:9:23: error [out-of-range] virtual_router_id: 300 is out of range; allowed: 1..255`);
    expect(bad.stdout).toContain('"exit_status": 1');
    expect(bad.stdout).not.toContain("/source:"); // reported under --as, not the temporary name
    expect(readFileSync(dest, "utf8")).toBe(installed);
    expect(existsSync(join(dir, ".ansible/remote"))).toBe(true); // the rendered file went where we said, not to ~/.ansible
  }, 300_000);
});
