// python.raise_exception: fail the operation (and the host, unless _ignore_errors) at its place in
// the apply order, with an error of the given class and message.
import { change, defineOperation } from "../operation.js";
import { OperationArgumentError, optionalString, rejectUnknown } from "../shared/args.js";
import type { CallArgs } from "./call.js";

type ErrorClass = new (...args: unknown[]) => Error;

export const raise_exception = defineOperation<CallArgs>({
  name: "python.raise_exception",
  description: "Fail at this point of the apply with an error of the given class and message.",
  validate: (args) => {
    rejectUnknown(args, ["exception", "message", "args"], "python.raise_exception");
    const exception = (args.exception ?? Error) as ErrorClass;
    if (typeof exception !== "function")
      throw new OperationArgumentError(
        "argument exception must be an error class such as Error or TypeError (default Error).",
      );
    const message = optionalString(args, "message") ?? "";
    const extra = args.args ?? [];
    if (!Array.isArray(extra))
      throw new OperationArgumentError("argument args must be a list of further arguments for the error class.");
    const name = exception.name || "Error";
    return {
      function: () => {
        throw new exception(message, ...extra);
      },
      args: [],
      description: `will raise ${name}${message ? `: ${message}` : ""}`,
    };
  },
  facts: () => [],
  plan: (args) => change([{ type: "call", description: args.description }]),
});
