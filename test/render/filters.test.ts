/**
 * The filters, tests and Python methods docs/templates.md lists, each checked against what Ansible 2.14
 * writes for the same expression (expected strings taken from ansible's own output), and the
 * rest reported, never run.
 */
import { describe, expect, test } from "vitest";
import { faults, render } from "./helpers.js";

describe("Ansible filters", () => {
  test("default/d, bool, int, string, lower, upper", () => {
    expect(render("{{ a | default('x') }} {{ a | d(5) }} {{ b | default('x') }}", "b: set")).toBe("x 5 set");
    expect(render("{{ 'yes' | bool }} {{ 'On' | bool }} {{ 1 | bool }} {{ 'no' | bool }} {{ 'maybe' | bool }}")).toBe(
      "true true true false false",
    );
    expect(render("{{ '08' | int }} {{ 'x' | int }} {{ '3.7' | int }} {{ 3.9 | int }} {{ 'x' | int(7) }}")).toBe("8 0 3 3 7");
    expect(render("{{ 5 | string }}{{ 'AbC' | lower }}{{ 'abc' | upper }}")).toBe("5abcABC");
  });

  test("join, length, first, last, unique, sort", () => {
    expect(
      render(
        "{{ l | join(',') }} {{ l | length }} {{ l | first }} {{ l | last }} {{ l | unique | join('') }} {{ l | sort | join('') }}",
        "l: [3, 1, 3]",
      ),
    ).toBe("3,1,3 3 3 3 31 133");
  });

  test("comment is Ansible's plain style", () => {
    expect(render("{{ 'Ansible managed' | comment }}")).toBe("#\n# Ansible managed\n#");
    expect(render("{{ 'a\nb' | comment('c') }}")).toBe("//\n// a\n// b\n//");
  });

  test("quote is shlex.quote", () => {
    expect(render("{{ 'plain/path-1.sh' | quote }} {{ \"it's\" | quote }} {{ '' | quote }}")).toBe(`plain/path-1.sh 'it'"'"'s' ''`);
  });

  test("to_json and to_nice_json write what Python's json writes", () => {
    // The engine keeps mappings sorted by key (Python keeps insertion order): docs/templates.md says so.
    expect(render("{{ d | to_json }}", "d: {b: [1, 2], a: x}")).toBe('{"a": "x", "b": [1, 2]}');
    expect(render("{{ d | to_nice_json }}", "d: {b: 1, a: [true]}")).toBe('{\n    "a": [\n        true\n    ],\n    "b": 1\n}');
    expect(render("{{ 'é' | to_json }}")).toBe('"\\u00e9"');
  });

  test("regex_replace with Python groups, hash md5/sha1", () => {
    expect(render("{{ 'eth0.100' | regex_replace('^(\\\\w+)\\\\.(\\\\d+)$', '\\\\2-\\\\1') }}")).toBe("100-eth0");
    expect(render("{{ 'lb-01' | regex_replace('(?P<n>\\\\d+)$', 'x\\\\g<n>') }}")).toBe("lb-x01");
    expect(render("{{ 'secret' | hash('md5') }} {{ 'secret' | hash('sha1') }}")).toBe(
      "5ebe2294ecd0e0f08eab7690d2a6ee69 e5e9fa1ba31ecd1ae84f75caaa474f3a663f05f4",
    );
  });

  test("ipaddr: the address, prefix and network forms", () => {
    const vars = "net: 192.0.2.17/24\nv6: 2001:db8:0:0::5/64";
    expect(
      render(
        "{{ net | ipaddr('address') }} {{ net | ipaddr('prefix') }} {{ net | ipaddr('network') }} {{ net | ipaddr('netmask') }} {{ net | ipaddr('broadcast') }}",
        vars,
      ),
    ).toBe("192.0.2.17 24 192.0.2.0 255.255.255.0 192.0.2.255");
    expect(render("{{ v6 | ipaddr('address') }} {{ v6 | ipaddr('network') }} {{ 'nope' | ipaddr }} {{ net | ipaddr }}", vars)).toBe(
      "2001:db8::5 2001:db8:: false 192.0.2.17/24",
    );
    expect(render("{{ ['192.0.2.1', 'x', '2001:db8::1'] | ipv4 | join(',') }}")).toBe("192.0.2.1");
  });

  test("mandatory: an undefined value is template-undefined-variable naming it", () => {
    expect(render("{{ a | mandatory }}", "a: 1")).toBe("1");
    expect(faults("x\n{{ vip | mandatory }}\n")).toEqual([
      { code: "template-undefined-variable", line: 2, message: expect.stringContaining("'vip' is undefined on node lb1") },
    ]);
  });
});

describe("Python methods, slices and tests", () => {
  test(".items(), .keys(), .values(), .lower(), .upper(), .split(), .startswith()", () => {
    expect(
      render(
        "{% for k, v in d.items() %}{{ k }}={{ v }};{% endfor %}{{ d.keys() | list | join(',') }} {{ d.values() | list | join(',') }}",
        "d: {a: 1, b: 2}",
      ),
    ).toBe("a=1;b=2;a,b 1,2");
    expect(render("{{ s.lower() }} {{ s.upper() }} {{ s.split(',') | join(' ') }} {{ s.startswith('MA') }}", "s: MASTER,x")).toBe(
      "master,x MASTER,X MASTER x true",
    );
  });

  test("slices and negative indexes", () => {
    expect(render("{{ l[1:] | join(',') }} {{ l[-1] }} {{ s[:3] }} {{ s[-2:] }}", "l: [a, b, c]\ns: keepalived")).toBe("b,c c kee ed");
  });

  test("is defined, is string, is sameas, is none", () => {
    expect(
      render("{{ a is defined }} {{ z is defined }} {{ a is string }} {{ t is sameas true }} {{ n is none }}", "a: x\nt: true\nn: null"),
    ).toBe("true false true true true");
  });
});

describe("what is never run", () => {
  test("lookup(), query() and pipe are reported, naming them", () => {
    expect(faults("auth_pass {{ lookup('file', '/etc/passwd') }}\n")).toEqual([
      { code: "template-render-unsupported", line: 1, message: expect.stringContaining("lookup()") },
    ]);
    expect(faults("x {{ query('inventory_hostnames', 'all') }}\n")[0]!.message).toContain("query()");
  });

  test("a filter kalint does not know is template-render-unsupported naming it", () => {
    const f = faults("a\n  b {{ x | to_uuid }}\n", "x: 1");
    expect(f).toEqual([{ code: "template-render-unsupported", line: 2, message: expect.stringContaining("filter 'to_uuid'") }]);
  });
});
