// Waits for an SSH server to answer on a loopback port (its "SSH-" banner), bounded in attempts and time.
import { connect } from "node:net";
import { sleep } from "../../scripts/lib/processes.mjs";
import { LOOPBACK, SECOND } from "./settings.mjs";

// Whether an SSH server answers with its banner on the port before the deadline (one attempt every 100 ms).
export async function waitForSshBanner(port, deadline) {
  for (let attempt = 0; attempt < 600 && Date.now() < deadline; attempt++) {
    const ok = await new Promise((resolve) => {
      const socket = connect({ host: LOOPBACK, port });
      const timer = setTimeout(() => finish(false), 2 * SECOND);
      let data = "";
      const finish = (result) => {
        clearTimeout(timer);
        socket.destroy();
        resolve(result);
      };
      socket.on("data", (chunk) => {
        data += chunk;
        if (data.startsWith("SSH-")) finish(true);
      });
      socket.on("error", () => finish(false));
      socket.on("close", () => finish(false));
    });
    if (ok) return true;
    await sleep(100);
  }
  return false;
}
