// dnf.repo: a repository's .repo file in /etc/yum.repos.d/.
import { defineRpmRepo } from "../shared/rpm-repo.js";

export const repo = defineRpmRepo("dnf");
