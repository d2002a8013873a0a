// pip.virtualenv: a Python virtualenv, made with the virtualenv command (or python -m venv with venv: true).
import { change, defineOperation, noop } from "../operation.js";
import { planVirtualenv, readVirtualenvSettings, virtualenvExists, virtualenvFacts } from "../shared/virtualenv.js";

export const virtualenv = defineOperation({
  name: "pip.virtualenv",
  description:
    "Create a Python virtualenv with the virtualenv command (venv: true: python -m venv) unless it exists; present: false removes it.",
  validate: (args) => readVirtualenvSettings(args, "pip.virtualenv"),
  facts: virtualenvFacts,
  plan: (args, facts) => {
    const plan = planVirtualenv(args, virtualenvExists(args, facts));
    return "noop" in plan ? noop(plan.noop) : change(plan.commands, { reason: plan.reason });
  },
});
