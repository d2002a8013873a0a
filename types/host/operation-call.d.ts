import type { GlobalArgsInput } from "../operations/arg-types.js";
import type { OperationResult } from "../operations/operation.js";
type CheckGlobalArgs<A> = {
    [K in keyof A]: K extends `_${string}` ? K extends keyof GlobalArgsInput ? A[K] : `${K} is not a global argument (_sudo, _sudo_user, _sudo_password, _env, _chdir, _ignore_errors, _if, _retries, _retry_delay, _timeout, _run_once, _serial, _use_sudo_login, _preserve_sudo_env, _su_user, _use_su_login, _preserve_su_env, _su_shell, _doas, _doas_user, _success_exit_codes, _shell_executable, _retry_until); a template variable named ${K} goes in \`variables: { ${K}: … }\`` : A[K];
};
export type OperationCall<Args> = string extends keyof Args ? <A>(args: Args & GlobalArgsInput & CheckGlobalArgs<A>) => OperationResult : (args: Args & GlobalArgsInput) => OperationResult;
export {};
