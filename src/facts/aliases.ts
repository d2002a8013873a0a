// pyinfra's names for facts infra-action names otherwise: the same command and value under pyinfra's name.
import { defineFact } from "./fact.js";
import { ListeningPorts } from "./services.js";

/**
 * TCP ports with a listening socket: ListeningPorts under pyinfra's name.
 * `await host.getFact("Ports")`; no arguments.
 */
export const Ports = defineFact<undefined, number[]>({
  ...ListeningPorts,
  name: "Ports",
  description: "TCP ports with a listening socket (ListeningPorts)",
});
