export declare const enable: import("../operation.js").Operation<{
    links: string[];
    service: string;
    start: string;
    stop: string;
    startLevels: string[];
    stopLevels: string[];
}, undefined>;
