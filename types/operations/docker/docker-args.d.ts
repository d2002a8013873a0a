type Args = Record<string, unknown>;
export declare function dockerName(args: Args, key: string, kind: "container" | "network" | "volume"): string;
export declare function checkDockerName(value: string, key: string, kind: string): void;
export declare function imageReference(args: Args, key: string, required: true): string;
export declare function imageReference(args: Args, key: string, required: false): string | undefined;
export interface ImageReference {
    /** The tag, or null when none is given (Docker then means "latest"). */
    tag: string | null;
    /** The digest (`sha256:…`), or null. */
    digest: string | null;
}
export declare function parseImageReference(image: string): ImageReference;
export declare function optionList(args: Args, key: string, example: string): string[] | undefined;
export declare function wordArg(args: Args, key: string, example: string): string | undefined;
export declare function stringMap(args: Args, key: string, example: string): Array<[string, string]> | undefined;
export {};
