// mysql.user: a MySQL/MariaDB account with its TLS requirement, resource limits and global privileges
// (or no such account). The password is set when the account is created.
import { MysqlUserGrants, type MysqlUserInfo, MysqlUsers } from "../../facts/mysql.js";
import { sqlAccount, sqlString } from "../../util/mysql-sql.js";
import { change, defineOperation, type FactNeed, noop } from "../operation.js";
import {
  booleanArg,
  OperationArgumentError,
  optionalNumber,
  optionalString,
  rejectUnknown,
  requiredString,
  stringList,
} from "../shared/args.js";
import { connectionKeys, readConnection, type Statement, sqlCommands, statement } from "./connection.js";
import { grantsFactArgs, planGrants, readPrivileges, targetKey } from "./grants.js";

// The resource limits: argument, the clause that sets it, the mysql.user column holding it.
const limits = [
  ["max_connections", "MAX_USER_CONNECTIONS", "max_user_connections"],
  ["max_queries_per_hour", "MAX_QUERIES_PER_HOUR", "max_questions"],
  ["max_updates_per_hour", "MAX_UPDATES_PER_HOUR", "max_updates"],
  ["max_connections_per_hour", "MAX_CONNECTIONS_PER_HOUR", "max_connections"],
] as const;

const userKeys = [
  "user",
  "present",
  "user_hostname",
  "password",
  "privileges",
  "require",
  "require_cipher",
  "require_issuer",
  "require_subject",
  ...limits.map(([key]) => key),
  ...connectionKeys,
];

/** The TLS requirement wanted: none asked, or the ssl_type (and X509 details) the account must have. */
interface Requirement {
  type: "" | "ANY" | "X509" | "SPECIFIED";
  cipher: string;
  issuer: string;
  subject: string;
}

export const user = defineOperation({
  name: "mysql.user",
  description:
    "Make sure a MySQL user exists (with its TLS requirement, resource limits and global privileges) or does not.",
  validate: (args) => {
    rejectUnknown(args, userKeys, "mysql.user");
    const password = args.password;
    if (password !== undefined && password !== null && (typeof password !== "string" || password === ""))
      throw new OperationArgumentError("argument password must be a non-empty string; the value is not shown.");
    const limitValues: Partial<Record<(typeof limits)[number][0], number>> = {};
    for (const [key] of limits) {
      const value = optionalNumber(args, key);
      if (value === undefined) continue;
      if (!Number.isInteger(value) || value < 0)
        throw new OperationArgumentError(`argument ${key} must be a whole number from 0 up; it is ${value}.`);
      limitValues[key] = value;
    }
    return {
      user: requiredString(args, "user"),
      present: booleanArg(args, "present", true),
      hostname: optionalString(args, "user_hostname") ?? "localhost",
      password: typeof password === "string" ? password : undefined,
      privileges:
        args.privileges === undefined || args.privileges === null
          ? undefined
          : readPrivileges(stringList(args, "privileges"), "privileges", false),
      requirement: readRequirement(args),
      limits: limitValues,
      connection: readConnection(args),
    };
  },
  facts: (args) => {
    const needs: FactNeed[] = [{ fact: MysqlUsers, args: args.connection }];
    if (args.present && args.privileges !== undefined)
      needs.push({ fact: MysqlUserGrants, args: grantsFactArgs(args) });
    return needs;
  },
  plan: (args, facts) => {
    const account = sqlAccount(args.user, args.hostname);
    const name = `${args.user}@${args.hostname}`;
    const current = Object.values(facts.get(MysqlUsers, args.connection)).find(
      (u) => u.user === args.user && u.host === args.hostname,
    );
    if (!args.present)
      return current
        ? change(sqlCommands(args.connection, [statement(`DROP USER ${account}`)]), { reason: `drop ${name}` })
        : noop(`mysql user ${name} does not exist`);
    const statements: Statement[] = [];
    const summary: string[] = [];
    const require = requireClause(args.requirement, current);
    const limitClause = limitsClause(args.limits, current);
    if (!current) {
      const tail = `${require ? ` REQUIRE ${require}` : ""}${limitClause ? ` WITH ${limitClause}` : ""}`;
      if (args.password === undefined) statements.push(statement(`CREATE USER ${account}${tail}`));
      else
        statements.push({
          sql: `CREATE USER ${account} IDENTIFIED BY ${sqlString(args.password)}${tail}`,
          shown: `CREATE USER ${account} IDENTIFIED BY <password set>${tail}`,
        });
      summary.push(`create ${name}${args.password === undefined ? "" : " (password set)"}`);
    } else if (require || limitClause) {
      statements.push(
        statement(
          `ALTER USER ${account}${require ? ` REQUIRE ${require}` : ""}${limitClause ? ` WITH ${limitClause}` : ""}`,
        ),
      );
      summary.push(`alter ${name}`);
    }
    if (args.privileges !== undefined) {
      const target = { database: "*", table: "*" };
      const grants = facts.get(MysqlUserGrants, grantsFactArgs(args))[targetKey(target)] ?? [];
      const changes = planGrants(args.user, args.hostname, target, args.privileges, grants);
      if (changes.length) summary.push(`global privileges: ${args.privileges.join(", ") || "none"}`);
      statements.push(...changes);
    }
    if (statements.length === 0) return noop(`mysql user ${name} exists with the requested settings`);
    return change(sqlCommands(args.connection, statements), { reason: summary.join(", ") });
  },
});

// require, require_cipher, require_issuer, require_subject → the wanted requirement (undefined: leave it).
function readRequirement(args: Record<string, unknown>): Requirement | undefined {
  const kind = optionalString(args, "require")?.toUpperCase();
  const cipher = optionalString(args, "require_cipher");
  const issuer = optionalString(args, "require_issuer");
  const subject = optionalString(args, "require_subject");
  if (kind !== undefined && !["SSL", "X509", "NONE"].includes(kind))
    throw new OperationArgumentError(
      `argument require must be "SSL", "X509" or "NONE"; it is ${JSON.stringify(kind)}.`,
    );
  const details = { require_cipher: cipher, require_issuer: issuer, require_subject: subject };
  for (const [key, value] of Object.entries(details))
    if (value !== undefined && kind !== "X509")
      throw new OperationArgumentError(`argument ${key} needs require: "X509".`);
  if (kind === undefined) return undefined;
  if (kind === "NONE") return { type: "", cipher: "", issuer: "", subject: "" };
  if (kind === "SSL") return { type: "ANY", cipher: "", issuer: "", subject: "" };
  const specified = cipher !== undefined || issuer !== undefined || subject !== undefined;
  return { type: specified ? "SPECIFIED" : "X509", cipher: cipher ?? "", issuer: issuer ?? "", subject: subject ?? "" };
}

// The REQUIRE clause when the account (or a new one) does not have the wanted requirement, else "".
function requireClause(wanted: Requirement | undefined, current: MysqlUserInfo | undefined): string {
  if (!wanted) return "";
  const same =
    current !== undefined &&
    current.ssl_type === wanted.type &&
    current.ssl_cipher === wanted.cipher &&
    current.x509_issuer === wanted.issuer &&
    current.x509_subject === wanted.subject;
  if (same || (!current && wanted.type === "")) return "";
  if (wanted.type === "") return "NONE";
  if (wanted.type === "ANY") return "SSL";
  if (wanted.type === "X509") return "X509";
  const parts: string[] = [];
  if (wanted.cipher) parts.push(`CIPHER ${sqlString(wanted.cipher)}`);
  if (wanted.issuer) parts.push(`ISSUER ${sqlString(wanted.issuer)}`);
  if (wanted.subject) parts.push(`SUBJECT ${sqlString(wanted.subject)}`);
  return parts.join(" AND ");
}

// The WITH clause for the limits that differ from the account's (all given ones for a new account), else "".
function limitsClause(wanted: Partial<Record<(typeof limits)[number][0], number>>, current: MysqlUserInfo | undefined) {
  const parts: string[] = [];
  for (const [key, clause, column] of limits) {
    const value = wanted[key];
    if (value === undefined || current?.[column] === value) continue;
    parts.push(`${clause} ${value}`);
  }
  return parts.join(" ");
}
