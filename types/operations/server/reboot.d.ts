export declare const reboot: import("../operation.js").Operation<{
    delay: number;
    interval: number;
    timeout: number;
}, undefined>;
