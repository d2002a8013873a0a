// dnf.rpm: an .rpm file installed with dnf.
import { defineRpmFile } from "../shared/rpm-file.js";

export const rpm = defineRpmFile("dnf");
