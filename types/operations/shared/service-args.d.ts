export interface ServiceArgs {
    service: string;
    running?: boolean;
    restarted: boolean;
    reloaded: boolean;
    enabled?: boolean;
    daemonReload: boolean;
    /** A verb of the service manager's run after the others (always a change): "reload-config". */
    command?: string;
}
export declare const serviceKeys: string[];
export declare const initServiceKeys: string[];
export declare function readServiceArgs(args: Record<string, unknown>, operation: string, known?: string[]): ServiceArgs;
export declare function checkInitServiceName(service: string): void;
export declare function readInitServiceArgs(args: Record<string, unknown>, operation: string, extra?: string[]): ServiceArgs;
