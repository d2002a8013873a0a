export declare function sshHostOfUrl(src: string): {
    hostname: string;
    port: number;
};
