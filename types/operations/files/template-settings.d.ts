import type { TemplateSettings } from "../operation.js";
export declare function readTemplateSettings(value: unknown): TemplateSettings;
