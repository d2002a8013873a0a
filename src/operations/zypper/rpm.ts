// zypper.rpm: an .rpm file installed with zypper.
import { defineRpmFile } from "../shared/rpm-file.js";

export const rpm = defineRpmFile("zypper");
