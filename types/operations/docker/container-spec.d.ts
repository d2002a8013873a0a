import type { DockerObject } from "../../facts/docker.js";
import type { Command } from "../operation.js";
type Args = Record<string, unknown>;
/** A container's configuration as asked; undefined fields were not given (and are not compared). */
export interface ContainerSpec {
    image?: string;
    ports?: string[];
    networks?: string[];
    volumes?: string[];
    /** `KEY=value` pairs, as [key, value]. */
    env?: Array<[string, string]>;
    envFiles?: string[];
    labels?: string[];
    pullAlways: boolean;
    restartPolicy?: string;
    autoRemove?: boolean;
    dns?: string[];
    /** The command's words (a string is split as a shell would, without expanding anything). */
    command?: string[];
}
export declare function readContainerSpec(args: Args): ContainerSpec;
export declare function splitWords(line: string): string[];
/** A published port, as docker's inspect shows its binding. */
interface PortBinding {
    /** `80/tcp` */
    container: string;
    /** `127.0.0.1:8080`, `:8080`, `:` (any address, a port docker picks) */
    host: string;
}
export declare function parsePort(port: string): PortBinding;
export declare function envFilePath(container: string): string;
export declare function createCommands(container: string, spec: ContainerSpec): Array<Command | string>;
export declare function specDifferences(spec: ContainerSpec, existing: DockerObject): string[];
export {};
