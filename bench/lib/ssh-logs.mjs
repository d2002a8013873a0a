// Remote execution counts read from each container's sshd log (DEBUG1): logins and exec/subsystem
// channel requests since the last snapshot.
import { MINUTE } from "../../scripts/lib/processes.mjs";
import { eachLimit } from "./each-limit.mjs";
import { spread } from "./figures.mjs";
import { run } from "./output.mjs";
import { POOL } from "./settings.mjs";

// Counts, per container, the logins and the exec/subsystem requests in its sshd log since the last snapshot.
export async function snapshotLogs(fleet) {
  const counts = await eachLimit(fleet.hosts, POOL, async (host) => {
    const result = await run("docker", ["logs", host.container], { timeoutMs: MINUTE });
    const text = `${result.stdout}${result.stderr}`;
    return {
      logins: (text.match(/Accepted publickey for deploy/g) ?? []).length,
      channels: (text.match(/server_input_channel_req: channel \d+ request (exec|subsystem) /g) ?? []).length,
    };
  });
  const delta = { logins: [], channels: [] };
  fleet.hosts.forEach((host, i) => {
    const before = fleet.logCounts.get(host.container) ?? { logins: 0, channels: 0 };
    delta.logins.push(counts[i].logins - before.logins);
    delta.channels.push(counts[i].channels - before.channels);
    fleet.logCounts.set(host.container, counts[i]);
  });
  return { logins: spread(delta.logins), channels: spread(delta.channels) };
}
