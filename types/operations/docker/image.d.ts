interface ImageArgs {
    image: string;
    present: boolean;
    force: boolean;
}
export declare const image: import("../operation.js").Operation<ImageArgs, undefined>;
export {};
