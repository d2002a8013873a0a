export declare const template: import("../operation.js").Operation<{
    settings: import("../operation.js").TemplateSettings;
    variables: {
        [x: string]: unknown;
    };
    user: string | undefined;
    group: string | undefined;
    mode: string | undefined;
    src: string;
    dest: string;
    createRemoteDir: boolean;
}, {
    content: Buffer<ArrayBuffer>;
}>;
