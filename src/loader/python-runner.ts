// The Python program that runs a pyinfra inventory or group data file and reports its variables.
//
// Run as `python3 -c <this> NONCE FILE` with the user's working directory as cwd. It executes the file
// as pyinfra does (`exec` of the compiled file with `__file__` set), with the file's directory first
// on sys.path (its own helper modules import) and the working directory last (pyinfra appends it).
// The user's `print()` goes to stderr; the one result is written to stdout as a line starting with
// NONCE, so nothing else the file prints can pass for it. The result is JSON (ASCII only):
//   {"variables": [[name, value], ...], "skipped": [{name, type, repr}, ...]}
//   {"error": {"kind": "syntax" | "exception" | "not-data" | "exit" | "read", ...}}
// Variables keep definition order; names starting with "_", modules, functions and classes are
// left out (`__all__`, when the file sets it, limits the names); a top-level value that is not data
// is "skipped" (the caller warns); a non-data value nested in data is an error naming its path.
// Written for Python 3.6 and later.

// The runner's source, passed to `python3 -c`.
export const pythonRunner = String.raw`
import sys
if sys.path and sys.path[0] in ("", "."):
    del sys.path[0]
import json, math, os, traceback, types

nonce, path = sys.argv[1], sys.argv[2]
sys.argv = [path]
out = sys.stdout
sys.stdout = sys.stderr
MAX_DEPTH = 100
MAX_SAFE = 2 ** 53 - 1


def report(result):
    sys.stdout.flush()
    out.write("\n" + nonce + json.dumps(result, ensure_ascii=True, allow_nan=False) + "\n")
    out.flush()
    sys.stderr.flush()
    # Not sys.exit: threads or atexit handlers the file started must not keep the run alive.
    os._exit(0)


class NotData(Exception):
    def __init__(self, where, value, reason):
        Exception.__init__(self, reason)
        self.where, self.value, self.reason = where, value, reason


def type_name(value):
    kind = type(value)
    return kind.__name__ if kind.__module__ == "builtins" else kind.__module__ + "." + kind.__qualname__


def short_repr(value):
    try:
        text = repr(value)
    except Exception:
        text = "<unprintable>"
    return text if len(text) <= 80 else text[:79] + "\u2026"


def show_key(key):
    return "[" + (json.dumps(key) if isinstance(key, str) else str(key)) + "]"


def to_data(value, where, ancestors):
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, int):
        if abs(value) > MAX_SAFE:
            raise NotData(where, value, "an integer too large for a number in JSON (over 2**53)")
        return int(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise NotData(where, value, "not a finite number; JSON has no NaN or infinity")
        return float(value)
    if not isinstance(value, (list, tuple, dict)):
        raise NotData(where, value, None)
    if id(value) in ancestors:
        raise NotData(where, value, "a %s that contains itself (a circular reference)" % type_name(value))
    if len(ancestors) >= MAX_DEPTH:
        raise NotData(where, value, "nested more than %d levels deep" % MAX_DEPTH)
    ancestors.add(id(value))
    try:
        if isinstance(value, dict):
            result = {}
            for key, item in value.items():
                if isinstance(key, str):
                    name = str.__str__(key)
                elif isinstance(key, int) and not isinstance(key, bool):
                    name = str(int(key))
                else:
                    raise NotData(where + "[" + short_repr(key) + "]", key, "a dict key that is not a string")
                result[name] = to_data(item, where + show_key(key), ancestors)
            return result
        return [to_data(item, where + "[%d]" % index, ancestors) for index, item in enumerate(value)]
    finally:
        ancestors.discard(id(value))


def is_code(value):
    return isinstance(value, (types.ModuleType, type)) or callable(value)


def read_variables(namespace):
    names = namespace.get("__all__")
    names = list(names) if isinstance(names, (list, tuple)) else list(namespace.keys())
    variables, skipped = [], []
    for name in names:
        if not isinstance(name, str) or name.startswith("_") or name not in namespace:
            continue
        value = namespace[name]
        if is_code(value):
            continue
        if isinstance(value, types.GeneratorType):
            value = list(value)
        if value is not None and not isinstance(value, (bool, str, int, float, list, tuple, dict)):
            skipped.append({"name": name, "type": type_name(value), "repr": short_repr(value)})
            continue
        try:
            variables.append([name, to_data(value, json.dumps(name), set())])
        except NotData as problem:
            report({"error": {"kind": "not-data", "where": problem.where, "type": type_name(problem.value),
                              "repr": short_repr(problem.value), "reason": problem.reason}})
    return variables, skipped


def is_user_file(filename):
    prefixes = {os.path.realpath(p) for p in (sys.prefix, sys.base_prefix, sys.exec_prefix)}
    real = os.path.realpath(filename)
    return os.path.isfile(real) and not any(real.startswith(p + os.sep) for p in prefixes) and "-packages" + os.sep not in real


def report_exception(error):
    frames = traceback.extract_tb(error.__traceback__)
    here = [f for f in frames if f.filename == path]
    user = [f for f in frames if is_user_file(f.filename)]
    line = here[-1].lineno if here else None
    raised = user[-1] if user and user[-1].filename != path else None
    if isinstance(error, SyntaxError) and error.filename and error.filename != path:
        raised = None
        syntax = {"file": error.filename, "line": error.lineno, "message": error.msg}
    else:
        syntax = None
    report({"error": {"kind": "exception", "type": type(error).__name__, "message": str(error), "line": line,
                      "raisedIn": {"file": raised.filename, "line": raised.lineno} if raised else None,
                      "syntax": syntax}})


def main():
    directory = os.path.dirname(os.path.abspath(path))
    sys.path.insert(0, directory)
    cwd = os.getcwd()
    if cwd not in sys.path:
        sys.path.append(cwd)
    try:
        with open(path, encoding="utf-8-sig") as handle:
            source = handle.read()
    except (OSError, UnicodeDecodeError) as error:
        report({"error": {"kind": "read", "message": str(error)}})
    try:
        code = compile(source, path, "exec")
    except SyntaxError as error:
        report({"error": {"kind": "syntax", "line": error.lineno, "column": error.offset, "message": error.msg}})
    except ValueError as error:
        report({"error": {"kind": "read", "message": str(error)}})
    namespace = {"__file__": path}
    try:
        exec(code, namespace)
    except SystemExit as error:
        report({"error": {"kind": "exit", "code": str(error.code)}})
    except BaseException as error:
        report_exception(error)
    variables, skipped = read_variables(namespace)
    report({"variables": variables, "skipped": skipped})


main()
`;
