export declare function shellQuote(value: string): string;
