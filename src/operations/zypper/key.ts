// zypper.key: a signing key imported into rpm.
import { defineRpmKey } from "../shared/rpm-key.js";

export const key = defineRpmKey("zypper");
