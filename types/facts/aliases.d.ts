/**
 * TCP ports with a listening socket: ListeningPorts under pyinfra's name.
 * `await host.getFact("Ports")`; no arguments.
 */
export declare const Ports: import("./fact.js").Fact<undefined, number[]>;
