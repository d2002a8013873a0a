/** One object as `docker inspect` prints it (its fields as Docker names them: `Id`, `Name`, `Config`, …). */
export type DockerObject = Record<string, unknown>;
/** The kinds of Docker objects the facts inspect. */
export type DockerObjectKind = "container" | "image" | "network" | "volume" | "plugin";
/** The arguments of the one-object Docker facts. */
export interface DockerObjectArgs {
    /** The object's name (an image's reference, `nginx:1.25`); an id works too. */
    object_id: string;
}
/**
 * `docker system info` as JSON (`ServerVersion`, `Containers`, `Driver`, …).
 * `await host.getFact("DockerSystemInfo")`; no arguments.
 */
export declare const DockerSystemInfo: import("./fact.js").Fact<undefined, DockerObject>;
/**
 * The docker client's version line ("Docker version 27.3.1, build ce12230").
 * `await host.getFact("DockerVersion")`; no arguments.
 */
export declare const DockerVersion: import("./fact.js").Fact<undefined, string>;
/** Every container (running or not), as `docker container inspect` prints it. */
export declare const DockerContainers: import("./fact.js").Fact<undefined, DockerObject[]>;
/** Every image, as `docker image inspect` prints it. */
export declare const DockerImages: import("./fact.js").Fact<undefined, DockerObject[]>;
/** Every network, as `docker network inspect` prints it. */
export declare const DockerNetworks: import("./fact.js").Fact<undefined, DockerObject[]>;
/** Every volume, as `docker volume inspect` prints it. */
export declare const DockerVolumes: import("./fact.js").Fact<undefined, DockerObject[]>;
/** Every plugin, as `docker plugin inspect` prints it. */
export declare const DockerPlugins: import("./fact.js").Fact<undefined, DockerObject[]>;
/** One container by name: `docker container inspect`'s object, or null. `{ object_id: "web" }`. */
export declare const DockerContainer: import("./fact.js").Fact<DockerObjectArgs, DockerObject | null>;
/** One image by reference: `docker image inspect`'s object, or null. `{ object_id: "nginx:1.25" }`. */
export declare const DockerImage: import("./fact.js").Fact<DockerObjectArgs, DockerObject | null>;
/** One network by name: `docker network inspect`'s object, or null. */
export declare const DockerNetwork: import("./fact.js").Fact<DockerObjectArgs, DockerObject | null>;
/** One volume by name: `docker volume inspect`'s object, or null. */
export declare const DockerVolume: import("./fact.js").Fact<DockerObjectArgs, DockerObject | null>;
/** One plugin by name (or alias): `docker plugin inspect`'s object, or null. */
export declare const DockerPlugin: import("./fact.js").Fact<DockerObjectArgs, DockerObject | null>;
