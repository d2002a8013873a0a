// pip.venv and pip.packages on a fresh container with no network: a wheel the test writes into /wheels is the
// only index (extra_install_args: --no-index --find-links), so pip installs a real package without PyPI. The
// first apply makes the virtualenv and installs the pinned version, a second plan finds nothing to change;
// present: false uninstalls it, then nothing again.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { operationStatuses, startTestContainer, type TestContainer } from "../helpers/container-deploys.js";

// Writes /wheels/ia_demo-1.0-py3-none-any.whl: a pure-Python wheel (a zip with its metadata and RECORD).
const writeWheel = `mkdir -p /wheels && python3 - <<'PY'
import base64, hashlib, zipfile
files = {
    "ia_demo/__init__.py": "VERSION = '1.0'\\n",
    "ia_demo-1.0.dist-info/METADATA": "Metadata-Version: 2.1\\nName: ia-demo\\nVersion: 1.0\\n",
    "ia_demo-1.0.dist-info/WHEEL": "Wheel-Version: 1.0\\nGenerator: infra-action-tests\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n",
}
record = []
with zipfile.ZipFile("/wheels/ia_demo-1.0-py3-none-any.whl", "w") as wheel:
    for path, text in files.items():
        wheel.writestr(path, text)
        digest = base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b"=").decode()
        record.append(f"{path},sha256={digest},{len(text)}")
    record.append("ia_demo-1.0.dist-info/RECORD,,")
    wheel.writestr("ia_demo-1.0.dist-info/RECORD", "\\n".join(record) + "\\n")
PY`;

let host: TestContainer;
beforeAll(() => {
  host = startTestContainer("pip");
  host.sh(writeWheel);
}, 300_000);
afterAll(() => host?.remove(), 120_000);

// A deploy making the virtualenv and installing (or removing) ia-demo from /wheels.
const deploy = (present: boolean) =>
  host.writeDeploy(
    `pip-${present}.ts`,
    `import { pip } from "infra-action";
pip.venv({ name: "venv", path: "/srv/venv" });
pip.packages({ name: "demo", packages: ["ia-demo==1.0"], virtualenv: "/srv/venv", present: ${present}, extra_install_args: ["--no-index", "--find-links", "/wheels", "--disable-pip-version-check"] });
`,
  );

describe("pip on a local wheel directory", () => {
  test("apply, then nothing to change; present: false uninstalls, then nothing", async () => {
    const first = await host.run("apply", deploy(true));
    expect(operationStatuses(first.report)).toEqual({ venv: "changed", demo: "changed" });
    expect(host.sh("/srv/venv/bin/python -c 'import ia_demo; print(ia_demo.VERSION)'")).toBe("1.0");
    expect(operationStatuses((await host.run("plan", deploy(true))).report)).toEqual({
      venv: "unchanged",
      demo: "unchanged",
    });

    const remove = await host.run("apply", deploy(false));
    expect(operationStatuses(remove.report)).toEqual({ venv: "unchanged", demo: "changed" });
    expect(host.sh("/srv/venv/bin/pip list --disable-pip-version-check 2>/dev/null | grep -c ia-demo || true")).toBe(
      "0",
    );
    expect(operationStatuses((await host.run("plan", deploy(false))).report)).toEqual({
      venv: "unchanged",
      demo: "unchanged",
    });
  }, 600_000);
});
