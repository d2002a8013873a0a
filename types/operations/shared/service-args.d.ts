export interface ServiceArgs {
    service: string;
    running?: boolean;
    restarted: boolean;
    reloaded: boolean;
    enabled?: boolean;
    daemonReload: boolean;
}
export declare const serviceKeys: string[];
export declare function readServiceArgs(args: Record<string, unknown>, operation: string, known?: string[]): ServiceArgs;
