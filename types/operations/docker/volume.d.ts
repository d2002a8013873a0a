interface VolumeArgs {
    volume: string;
    driver?: string;
    labels: string[];
    present: boolean;
}
export declare const volume: import("../operation.js").Operation<VolumeArgs, undefined>;
export {};
