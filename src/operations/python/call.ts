// python.call: a function of the deploy code, run on this machine (the controller) at its place in
// the apply order: the operations before it have run and finished, the ones after it wait for it.
import { change, defineOperation } from "../operation.js";
import { OperationArgumentError, rejectUnknown } from "../shared/args.js";

// The function, with what it is called with (validated arguments of python.call).
export interface CallArgs {
  function: (...args: unknown[]) => unknown;
  args: unknown[];
  kwargs?: Record<string, unknown>;
  // How the plan shows the call ("will call notifyChat").
  description: string;
}

export const call = defineOperation<CallArgs>({
  name: "python.call",
  description: "Call a function of the deploy code on this machine at its place in the apply order.",
  validate: (args) => {
    rejectUnknown(args, ["function", "args", "kwargs"], "python.call");
    const fn = args.function;
    if (typeof fn !== "function")
      throw new OperationArgumentError(
        "argument function must be a function, e.g. python.call({ function: async () => { … } }); it runs on this machine during apply.",
      );
    const list = args.args ?? [];
    if (!Array.isArray(list))
      throw new OperationArgumentError("argument args must be a list of the function's arguments, e.g. args: [1, 2].");
    const kwargs = args.kwargs;
    if (kwargs !== undefined && (kwargs === null || typeof kwargs !== "object" || Array.isArray(kwargs)))
      throw new OperationArgumentError(
        "argument kwargs must be an object, given to the function after args as its last argument.",
      );
    return {
      function: fn as CallArgs["function"],
      args: list,
      ...(kwargs ? { kwargs: kwargs as Record<string, unknown> } : {}),
      // An arrow function written in place takes the argument's name ("function"): it has none of its own.
      description: `will call ${fn.name && fn.name !== "function" ? fn.name : "an anonymous function"}`,
    };
  },
  facts: () => [],
  // Always runs: what the function does is not known before it runs.
  plan: (args) => change([{ type: "call", description: args.description }]),
});

// What a "call" command of an operation runs: its validated arguments' function, called with
// `args` (and `kwargs` last); undefined when the arguments hold no function.
export function callbackOf(args: unknown): (() => unknown) | undefined {
  const given = args as Partial<CallArgs> | null;
  if (!given || typeof given.function !== "function") return undefined;
  const fn = given.function;
  const list = Array.isArray(given.args) ? given.args : [];
  return () => fn(...list, ...(given.kwargs ? [given.kwargs] : []));
}
