// The benchmark's settings: sizes and repetitions (BENCH_SIZES, BENCH_RUNS, BENCH_SCALES for a quicker
// run), time limits, the names it gives Docker, and the steps each tool runs.
import { MINUTE } from "../../scripts/lib/processes.mjs";
import { LOOPBACK, IMAGE as TEST_IMAGE } from "../../scripts/test-env/paths.mjs";

// A comma-separated list of positive integers from the environment, or the default.
function listSetting(name, fallback) {
  const raw = process.env[name];
  if (!raw) return fallback;
  const values = raw.split(",").map((v) => Number(v.trim()));
  if (values.some((v) => !Number.isInteger(v) || v < 1)) {
    console.error(`bench: ${name}=${raw} must be positive integers separated by commas`);
    process.exit(2);
  }
  return values;
}

// The image made by scripts/test-env.mjs (and the only address servers listen on), and the bench image.
export { LOOPBACK, TEST_IMAGE };
export const BENCH_IMAGE_REPO = "infra-action-bench/debian";
// The bench containers' name prefix and label.
export const CONTAINER_PREFIX = "infra-action-bench-";
export const LABEL = "infra-action-bench";
// Where each container sees its host key (bind-mounted read-only).
export const HOST_KEY_IN_CONTAINER = "/etc/ssh/infra-action-bench/ssh_host_ed25519_key";
// Ansible's apt module needs python3-apt on the host (and would try to download it when missing): the
// bench image is the test image plus these packages, used for both tools.
export const ANSIBLE_APT_DEBS = ["python3-apt", "python-apt-common", "distro-info-data"];

// Fleet sizes measured, and repetitions of each.
export const SIZES = listSetting("BENCH_SIZES", [1, 10, 30, 100]);
export const RUNS = listSetting("BENCH_RUNS", [3])[0];
// The fleet of the scaling measurement, and how many times it repeats the workload.
export const SCALE_HOSTS = 10;
export const SCALES = listSetting("BENCH_SCALES", [1, 2, 5]);
// The parts of the benchmark that run (BENCH_PHASES, comma-separated; all by default): the comparison
// with Ansible, the scaling with operations, one runner with many hosts, and the apply's overhead.
const ALL_PHASES = ["compare", "scaling", "many", "overhead"];
export const PHASES = new Set((process.env.BENCH_PHASES ?? ALL_PHASES.join(",")).split(",").map((p) => p.trim()));
for (const phase of PHASES) {
  if (!ALL_PHASES.includes(phase)) {
    console.error(`bench: BENCH_PHASES names "${phase}"; the phases are ${ALL_PHASES.join(", ")}`);
    process.exit(2);
  }
}
// One runner, many hosts: the fleet sizes infra-action runs alone on.
export const MANY_SIZES = listSetting("BENCH_MANY", [100, 250, 500]);
// Hosts at once in those runs (`--parallel`). The containers share the controller's two cores, so
// more at once only queue for the same CPU (a no-op plan of 100 hosts takes the same time at 20, 50
// and 100 at once), and a handshake queued behind hundreds of running scripts passes
// ssh_connect_timeout (21 of 250 hosts did at 250 at once).
export const MANY_PARALLEL = listSetting("BENCH_MANY_PARALLEL", [50])[0];
// The fleet of the apply-overhead measurement (infra-action against the same commands run bare).
export const OVERHEAD_HOSTS = listSetting("BENCH_OVERHEAD_HOSTS", [30])[0];
// Samples of the action's cold start.
export const COLD_START_SAMPLES = 10;

// One second, in milliseconds.
export const SECOND = 1000;
// One tool run longer than this stops it (and, at 100 hosts, skips that size).
export const RUN_TIMEOUT_MS = 10 * MINUTE;
// The many-hosts runs may take this long per host when that is longer (20 min at 500 hosts: this
// machine's first apply of 500 hosts took 9.9 min one day and more than 10 the next).
export const MANY_RUN_MS_PER_HOST = 2400;
// Repetitions of one size stop early once this much time went into that size (at least one run is made).
export const SIZE_BUDGET_MS = 25 * MINUTE;
// Concurrency of the bench's own small jobs.
export const POOL = 6;
// A machine busier than this (fraction of CPU time) is waited for before each measurement.
export const QUIET_BUSY = 0.2;

// The tools compared, the steps each runs in order, and the steps' titles.
export const TOOLS = ["infra-action", "ansible"];
export const STEPS = { "infra-action": ["apply", "noop", "plan"], ansible: ["apply", "noop", "check"] };
export const STEP_TITLES = { apply: "first apply", noop: "no-op re-run", plan: "plan", check: "check (its plan)" };
