// A large Jinja2 keepalived template for the bench (about 5,000 lines): a role-shaped template
// with global settings, scripts in a loop, and many literal instances with conditions, loops
// over addresses and expressions in values, as real roles write them. Deterministic.
export function templateText(lines = 5000) {
  const out = [
    "#jinja2: lstrip_blocks: True",
    "{{ ansible_managed | comment }}",
    "global_defs {",
    "    router_id {{ inventory_hostname }}",
    "    enable_script_security",
    "{% if keepalived_notification_email is defined %}",
    "    notification_email {",
    "{% for mail in keepalived_notification_email %}",
    "        {{ mail }}",
    "{% endfor %}",
    "    }",
    "{% endif %}",
    "}",
    "{% for name, script in keepalived_scripts.items() %}",
    "vrrp_script {{ name }} {",
    '    script "{{ script.command }}"',
    "    interval {{ script.interval | default(2) }}",
    "    weight {{ script.weight | default(-20) }}",
    "}",
    "{% endfor %}",
  ];
  for (let i = 1; out.length < lines; i++) {
    out.push(
      `vrrp_instance VI_${i} {`,
      `    state {{ 'MASTER' if inventory_hostname == keepalived_master else 'BACKUP' }}`,
      `    interface {{ keepalived_interface | default('eth0') }}`,
      `    virtual_router_id ${(i % 255) + 1}`,
      `    priority {% if inventory_hostname == keepalived_master %}150{% else %}100{% endif %}`,
      `    advert_int 1`,
      `{% if keepalived_auth_pass is defined %}`,
      `    authentication {`,
      `        auth_type PASS`,
      `        auth_pass {{ keepalived_auth_pass }}`,
      `    }`,
      `{% endif %}`,
      `    virtual_ipaddress {`,
      `{% for vip in keepalived_vips_${i} %}`,
      `        {{ vip }} dev {{ keepalived_interface }}`,
      `{% endfor %}`,
      `    }`,
      `    track_script {`,
      `        chk_${i % 7}`,
      `    }`,
      `}`,
    );
  }
  return out.join("\n") + "\n";
}

/**
 * The variables of node `name` for templateText's `text` (lb1 is the master): the interface and
 * password, the seven scripts its instances track, and each instance's addresses, one per
 * prefix of `prefixes` (a /24 such as "192.0.2"). As a vars file (YAML).
 */
export function templateVars(name, text, prefixes) {
  const instances = (text.match(/^vrrp_instance /gm) ?? []).length;
  const lines = [`keepalived_master: lb1`, `keepalived_interface: eth0`, `keepalived_auth_pass: s3cret`, `keepalived_scripts:`];
  for (let i = 0; i < 7; i++) lines.push(`  chk_${i}: { command: /usr/local/bin/check_${i}, interval: 2 }`);
  for (let i = 1; i <= instances; i++) lines.push(`keepalived_vips_${i}: [${prefixes.map((p) => `${p}.${i % 250}/24`).join(", ")}]`);
  return `# ${name}\n${lines.join("\n")}\n`;
}
