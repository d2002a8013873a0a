// pip.venv: a Python virtualenv made with python -m venv.
import { change, defineOperation, noop } from "../operation.js";
import { planVirtualenv, readVirtualenvSettings, virtualenvExists, virtualenvFacts } from "../shared/virtualenv.js";

export const venv = defineOperation({
  name: "pip.venv",
  description: "Create a Python virtualenv (python -m venv) unless it exists.",
  validate: (args) => readVirtualenvSettings(args, "pip.venv", { venv: true }),
  facts: virtualenvFacts,
  plan: (args, facts) => {
    const plan = planVirtualenv(args, virtualenvExists(args, facts));
    return "noop" in plan ? noop(plan.noop) : change(plan.commands, { reason: plan.reason });
  },
});
