// `infra-action`: argv → commands → exit code. One top-level catch: user mistakes print their
// message alone; anything else is a bug and prints its stack. All output passes the secret redactor.
import { Command, CommanderError } from "commander";
import { adHocDeploy } from "../engine/ad-hoc-deploy.js";
import { claimUnhandledRejection, describeReason } from "../engine/deploy-scope.js";
import { InterruptedError, isUserError } from "../errors.js";
import { deployCommand } from "./commands/deploy.js";
import { execCommand } from "./commands/exec.js";
import { factCommand } from "./commands/fact.js";
import { inventoryCommand } from "./commands/inventory.js";
import { mergeReportsCommand } from "./commands/merge-reports.js";
import { withHostSelection, withShard } from "./host-selection.js";
import { type CliIo, processIo } from "./io.js";
import { CliSecrets } from "./secrets.js";
import { readVersion } from "./version.js";

// Runs the CLI with the given arguments (without `node` and the script) and returns the exit code.
export async function runCli(argv: readonly string[], rawIo: CliIo = processIo): Promise<number> {
  const secrets = new CliSecrets(rawIo);
  const io = secrets.io;
  let exitCode = 0;
  // A rejection nobody handled fails the host whose deploy code caused it; one from nowhere known
  // fails the run (exit 1) once the report is written, instead of crashing it.
  let strayRejection = false;
  const onUnhandledRejection = (reason: unknown) => {
    if (claimUnhandledRejection(reason)) return;
    strayRejection = true;
    io.stderr(`error: a promise rejection nobody handled, outside any host's deploy code: ${describeReason(reason)}
`);
  };
  process.on("unhandledRejection", onUnhandledRejection);
  const program = new Command("infra-action")
    .description("Plan and apply infrastructure changes: inventory, connectors, facts and idempotent operations.")
    .version(`infra-action ${readVersion()}`, "-V, --version", "print infra-action's version")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError("(run infra-action --help for usage)");

  // Every command reaches hosts through an inventory, so every command takes --limit, --data and --secret.
  const hostCommand = (
    name: string,
    description: string,
    inventoryHelp = "inventory file, or hosts: @local, host1,host2, @docker/IMAGE, @ssh/HOST",
  ) => withHostSelection(program.command(name).description(description).argument("<inventory>", inventoryHelp));

  hostCommand(
    "inventory",
    "show the hosts, groups and merged data an inventory resolves to",
    "inventory file (.ts, .mts, .js, .mjs, .json, or pyinfra's .py)",
  )
    .option("--json", "print the resolved inventory as JSON")
    .option("--no-color", "plain output")
    .action(async (file: string, options) => {
      exitCode = await inventoryCommand(file, options, secrets);
    });

  withShard(hostCommand("exec", "run an ad-hoc command on every selected host in parallel"))
    .argument("<command...>", "the command, after --")
    .option("--sudo", "run the command through sudo (as root, or --sudo-user)")
    .option("--sudo-user <user>", "run the command as this user through sudo")
    .option("--parallel <n>", "hosts at once", "10")
    .option("--timeout <seconds>", "kill the command after this many seconds")
    .option("--no-color", "plain output")
    .action(async (file: string, command: string[], options) => {
      exitCode = await execCommand(file, command, options, secrets);
    });

  for (const mode of ["plan", "apply"] as const) {
    const command = withShard(
      hostCommand(
        mode,
        mode === "plan"
          ? "show what the deploy files would change on each host"
          : "change each host as the deploy files say",
      ),
    )
      .argument("<deploy...>", "deploy files, run in order")
      .option("--parallel <n>", "hosts at once", "10")
      .option("--report <file>", "write the JSON report to this file")
      .option("--fail-percent <n>", "apply nothing when more than this percentage of hosts failed to plan")
      .option("--deploy-timeout <seconds>", "fail a host whose deploy code runs longer than this", "300")
      .option("--diff", "show diffs of file content (plans always do)")
      .option("--verbose", "list unchanged operations with their reasons too")
      .option("--no-color", "plain output");
    if (mode === "apply") {
      command.option("--yes", "apply without asking");
      command.option("--batch <n|p%>", "apply N hosts (or P% of them) at a time; a failing batch stops the rollout");
    } else command.option("--detailed-exitcode", "exit 2 when changes are planned");
    command.action(async (inventory: string, deploy: string[], options) => {
      exitCode = await deployCommand(mode, inventory, deploy, options, secrets);
    });
  }

  withShard(
    hostCommand("run", "run one operation on each host, as pyinfra's `pyinfra INVENTORY apt.packages packages=nginx`"),
  )
    .argument("<operation>", "the operation, family.operation (apt.packages, server.shell, …)")
    .argument(
      "[args...]",
      "its arguments as key=value (packages=nginx _sudo=true); true/false, numbers and JSON are typed",
    )
    .option("--dry", "only plan: show what would change")
    .option("--yes", "apply without asking")
    .option("--parallel <n>", "hosts at once", "10")
    .option("--report <file>", "write the JSON report to this file")
    .option("--diff", "show diffs of file content (plans always do)")
    .option("--verbose", "list unchanged operations with their reasons too")
    .option("--no-color", "plain output")
    .action(async (inventory: string, operation: string, args: string[], options) => {
      const adHoc = adHocDeploy(operation, args);
      const mode = options.dry ? "plan" : "apply";
      exitCode = await deployCommand(mode, inventory, adHoc.deployFiles, options, secrets, adHoc.loadDeploy);
    });

  program
    .command("merge-reports")
    .description("merge the reports of shard jobs (--shard I/N) into one report and one summary")
    .argument("<report...>", "report files the shards wrote with --report")
    .option("--report <file>", "write the merged JSON report to this file")
    .option("--detailed-exitcode", "exit 2 when changes are planned")
    .option("--verbose", "list unchanged operations with their reasons too")
    .option("--no-color", "plain output")
    .action(async (files: string[], options) => {
      exitCode = await mergeReportsCommand(files, options, io);
    });

  hostCommand("fact", "print a fact of every selected host as JSON")
    .argument("<fact>", "fact name (LinuxDistribution, File, DebPackages, …)")
    .argument("[args...]", "fact arguments as key=value (path=/etc/hosts)")
    .option("--parallel <n>", "hosts at once", "10")
    .action(async (inventory: string, fact: string, args: string[], options) => {
      exitCode = await factCommand(inventory, fact, args, options, secrets);
    });

  try {
    await program.parseAsync([...argv], { from: "user" });
    return strayRejection ? Math.max(exitCode, 1) : exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 1;
    // The signal handler has said so and exits once the engine has cleaned up.
    if (error instanceof InterruptedError) return error.exitCode;
    if (isUserError(error)) {
      io.stderr(`error: ${error.message}\n`);
      return 1;
    }
    io.stderr(`infra-action hit an internal error (please report it):\n${(error as Error)?.stack ?? String(error)}\n`);
    return 1;
  } finally {
    process.off("unhandledRejection", onUnhandledRejection);
  }
}
