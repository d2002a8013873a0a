// zypper.repo: a repository's .repo file in /etc/zypp/repos.d/.
import { defineRpmRepo } from "../shared/rpm-repo.js";

export const repo = defineRpmRepo("zypper");
