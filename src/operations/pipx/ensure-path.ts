// pipx.ensure_path: pipx's bin directory on the PATH.
import { Path, PipxEnvironment } from "../../facts/tool-packages.js";
import { change, defineOperation, noop } from "../operation.js";
import { rejectUnknown } from "../shared/args.js";

export const ensurePath = defineOperation({
  name: "pipx.ensure_path",
  description: "Put pipx's bin directory on the user's PATH (pipx ensurepath) unless the PATH holds it.",
  validate: (args) => {
    rejectUnknown(args, [], "pipx.ensure_path");
    return {};
  },
  facts: () => [{ fact: Path }, { fact: PipxEnvironment }],
  plan: (_args, facts) => {
    const bin = facts.get(PipxEnvironment).PIPX_BIN_DIR;
    const path = facts.get(Path);
    return bin !== undefined && path.some((dir) => dir.replace(/\/+$/, "") === bin.replace(/\/+$/, ""))
      ? noop(`${bin} is on the PATH`)
      : change(["pipx ensurepath"], { reason: `add ${bin ?? "pipx's bin directory"} to the PATH` });
  },
});
