export declare const generatedLocalesCommand = "if command -v locale >/dev/null 2>&1; then locale -a; fi";
export declare const locale: import("../operation.js").Operation<{
    locale: string;
    present: boolean;
}, undefined>;
