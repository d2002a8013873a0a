// yum.rpm: an .rpm file installed with yum.
import { defineRpmFile } from "../shared/rpm-file.js";

export const rpm = defineRpmFile("yum");
