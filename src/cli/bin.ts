// Entry point of the `infra-action` command (bundled to dist/cli.js).
import { runCli } from "./main.js";

process.exitCode = await runCli(process.argv.slice(2));
