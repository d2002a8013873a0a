export declare const script_template: import("../operation.js").Operation<{
    src: string;
    args: string[];
    settings: import("../operation.js").TemplateSettings;
    variables: {
        [x: string]: unknown;
    };
}, {
    content: Buffer<ArrayBuffer>;
}>;
