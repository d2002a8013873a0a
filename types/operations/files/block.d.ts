export declare const block: import("../operation.js").Operation<{
    path: string;
    content: string[];
    present: boolean;
    line: RegExp | undefined;
    lineSource: string | undefined;
    before: boolean;
    backup: boolean;
    markers: import("./block-markers.js").BlockMarkers;
}, undefined>;
