import { expect, test } from "vitest";
import { findings, example, onlyFor } from "./helpers.js";

const code = "smtp-check-host-hang";

test("an SMTP_CHECK host block is reported for 2.3.0 to 2.3.3, at the block; other releases are silent", () => {
  for (const found of onlyFor(
    code,
    example(code, "wrong"),
    [
      [2, 3, 0],
      [2, 3, 3],
    ],
    [[2, 2, 8], [2, 3, 4], undefined],
  )) {
    expect([found.line, found.text, found.severity]).toEqual([9, "host", "info"]);
    expect(found.message).toContain("hang");
    expect(found.message).toContain("fixed in keepalived 2.3.4");
  }
});

test("an SMTP_CHECK without host blocks is silent", () => {
  expect(findings(code, example("smtp-check-host-hang", "right"), {}, { targetVersion: [2, 3, 3] })).toEqual([]);
});

test("each real server's SMTP_CHECK with host blocks is reported once", () => {
  const text = example("smtp-check-host-hang", "wrong").replace(
    "connect_port 25\n            }",
    "connect_port 25\n            }\n            host {\n                connect_ip 192.0.2.28\n            }",
  );
  expect(findings(code, text, {}, { targetVersion: [2, 3, 3] })).toHaveLength(1);
});
