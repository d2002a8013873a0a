declare const scheduleKeys: readonly ["minute", "hour", "day_of_month", "month", "day_of_week"];
export declare const crontab: import("../operation.js").Operation<{
    command: string;
    present: boolean;
    user: string | undefined;
    schedule: Record<(typeof scheduleKeys)[number], string>;
    specialTime: string | undefined;
}, undefined>;
export {};
