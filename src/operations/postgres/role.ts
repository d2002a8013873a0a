// postgres.role: a PostgreSQL role with its attributes and password (or no such role); only what
// differs is altered, and the password is set only when the stored hash does not match it.

import { createHash, createHmac, pbkdf2Sync } from "node:crypto";
import {
  type PostgresRole,
  PostgresRolePassword,
  PostgresRoles,
  sqlIdentifier,
  sqlLiteral,
} from "../../facts/postgres.js";
import { shellQuote } from "../../util/shell-quote.js";
import { CannotTell, change, defineOperation, type FactLookup, type FactNeed, noop } from "../operation.js";
import { booleanArg, rejectUnknown } from "../shared/args.js";
import {
  connectionKeys,
  factConnection,
  psqlApplyLine,
  psqlRun,
  readConnection,
  readConnectionLimit,
  readName,
  readPassword,
} from "../shared/psql.js";

// Each boolean argument, the role attribute it sets and the PostgresRoles field that holds it.
const attributes = [
  ["login", "LOGIN", "canlogin"],
  ["superuser", "SUPERUSER", "super"],
  ["inherit", "INHERIT", "inherit"],
  ["createdb", "CREATEDB", "createdb"],
  ["createrole", "CREATEROLE", "createrole"],
  ["replication", "REPLICATION", "replication"],
] as const;

// The defaults of the attributes (pyinfra's: a role that logs in and nothing more).
const attributeDefaults: Record<(typeof attributes)[number][0], boolean> = {
  login: true,
  superuser: false,
  inherit: false,
  createdb: false,
  createrole: false,
  replication: false,
};

const roleKeys = [
  "role",
  "present",
  "password",
  ...attributes.map(([key]) => key),
  "connection_limit",
  ...connectionKeys,
];

export const role = defineOperation({
  name: "postgres.role",
  description: "Make sure a PostgreSQL role exists with its attributes and password, or does not.",
  validate: (args) => {
    rejectUnknown(args, roleKeys, "postgres.role");
    const wanted = Object.fromEntries(
      attributes.map(([key]) => [key, booleanArg(args, key, attributeDefaults[key])]),
    ) as Record<(typeof attributes)[number][0], boolean>;
    return {
      role: readName(args, "role", true),
      present: booleanArg(args, "present", true),
      password: readPassword(args, "password", false),
      attributes: wanted,
      connectionLimit: readConnectionLimit(args),
      connection: readConnection(args),
    };
  },
  facts: (args) => {
    const needs: FactNeed[] = [{ fact: PostgresRoles, args: factConnection(args.connection) }];
    if (args.present && args.password !== undefined)
      needs.push({ fact: PostgresRolePassword, args: { role: args.role, ...factConnection(args.connection) } });
    return needs;
  },
  plan: (args, facts) => {
    const roles = facts.get(PostgresRoles, factConnection(args.connection));
    const current = Object.hasOwn(roles, args.role) ? roles[args.role] : undefined;
    const id = sqlIdentifier(args.role);
    if (!args.present)
      return current
        ? change(psqlRun(args.connection, `${psqlApplyLine(args.connection)} -c ${shellQuote(`DROP ROLE ${id}`)}`))
        : noop(`postgresql role ${args.role} does not exist`);
    const options = attributeOptions(args, current);
    const statements = options.length ? [`${current ? "ALTER" : "CREATE"} ROLE ${id} WITH ${options.join(" ")}`] : [];
    const summary = current ? (options.length ? [`alter ${options.join(" ")}`] : []) : ["create"];
    // The password goes in a private file psql reads after the visible statements (-c, then -f).
    const password = args.password !== undefined && !passwordIsSet(args, current, facts) ? args.password : undefined;
    if (password !== undefined) summary.push("password set");
    if (statements.length === 0 && password === undefined)
      return noop(`postgresql role ${args.role} exists with the requested attributes`);
    const line = (sqlFile: string) =>
      [
        psqlApplyLine(args.connection),
        ...statements.map((sql) => `-c ${shellQuote(sql)}`),
        ...(password === undefined ? [] : [`-f ${sqlFile}`]),
      ].join(" ");
    const commands = psqlRun(
      args.connection,
      line,
      password === undefined
        ? {}
        : { sql: `ALTER ROLE ${id} WITH PASSWORD ${sqlLiteral(password)};\n`, shown: "password set" },
    );
    return change(commands, { reason: summary.join(", ") });
  },
});

type RoleArgs = ReturnType<typeof role.validate>;

// The attributes to give: all of them for a new role, those that differ for an existing one.
function attributeOptions(args: RoleArgs, current: PostgresRole | undefined): string[] {
  const options: string[] = [];
  for (const [key, keyword, field] of attributes) {
    const want = args.attributes[key];
    if (!current || current[field] !== want) options.push(want ? keyword : `NO${keyword}`);
  }
  if (args.connectionLimit !== undefined && current?.connlimit !== args.connectionLimit)
    options.push(`CONNECTION LIMIT ${args.connectionLimit}`);
  return options;
}

// Whether the role's stored password is the one asked for. A hash the connection may not read (not a
// superuser) cannot be compared: the password is set again.
function passwordIsSet(args: RoleArgs, current: PostgresRole | undefined, facts: FactLookup): boolean {
  if (!current || args.password === undefined) return false;
  let hash: string | null;
  try {
    hash = facts.get(PostgresRolePassword, { role: args.role, ...factConnection(args.connection) });
  } catch (error) {
    if (error instanceof CannotTell) return false;
    throw error;
  }
  return hash !== null && passwordMatches(hash, args.password, args.role);
}

// Whether a stored hash (pg_authid.rolpassword) is of this password: SCRAM-SHA-256 (RFC 5802's
// StoredKey and ServerKey from the salt and iterations), md5 (of password and role name), or plain.
export function passwordMatches(hash: string, password: string, name: string): boolean {
  const scram = /^SCRAM-SHA-256\$(\d+):([^$]+)\$([^:]+):(.+)$/.exec(hash);
  if (scram) {
    const [, iterations = "0", salt = "", storedKey, serverKey] = scram;
    // The server's default is 4096; a hash asking for far more is not worth minutes of planning.
    if (Number(iterations) < 1 || Number(iterations) > 1_000_000) return false;
    // The server normalises passwords as SASLprep does; NFKC is that for every password but exotic ones.
    const salted = pbkdf2Sync(
      password.normalize("NFKC"),
      Buffer.from(salt, "base64"),
      Number(iterations),
      32,
      "sha256",
    );
    const clientKey = createHmac("sha256", salted).update("Client Key").digest();
    const stored = createHash("sha256").update(clientKey).digest("base64");
    const server = createHmac("sha256", salted).update("Server Key").digest("base64");
    return stored === storedKey && server === serverKey;
  }
  if (/^md5[0-9a-f]{32}$/.test(hash))
    return (
      hash ===
      `md5${createHash("md5")
        .update(password + name)
        .digest("hex")}`
    );
  return hash === password;
}
