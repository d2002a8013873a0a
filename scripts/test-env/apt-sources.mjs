// The Debian mirror the test image is debootstrapped from: this machine's own apt source for the suite,
// read at run time from deb822 .sources files or one-line .list files.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fail, hideWord } from "./output.mjs";
import { SUITE } from "./paths.mjs";

// Parses deb822 stanzas (field names lower-cased) of one .sources file.
function parseDeb822(text) {
  const stanzas = [];
  for (const block of text.split(/\n[ \t]*\n/)) {
    const fields = {};
    let last;
    for (const line of block.split("\n")) {
      if (line.startsWith("#") || line.trim() === "") continue;
      if (/^[ \t]/.test(line) && last) {
        fields[last] += `\n${line.trim()}`;
        continue;
      }
      const match = /^([^:\s]+):\s*(.*)$/.exec(line);
      if (!match) continue;
      last = match[1].toLowerCase();
      fields[last] = match[2].trim();
    }
    if (Object.keys(fields).length > 0) stanzas.push(fields);
  }
  return stanzas;
}

// The suite's apt sources of this machine, as [{ uri, keyring, file }], deb822 files first.
function aptSources() {
  const found = [];
  const dir = "/etc/apt/sources.list.d";
  const files = existsSync(dir) ? readdirSync(dir).sort() : [];
  for (const name of files.filter((f) => f.endsWith(".sources"))) {
    const file = join(dir, name);
    for (const fields of parseDeb822(readFileSync(file, "utf8"))) {
      const types = (fields.types ?? "").split(/\s+/);
      const suites = (fields.suites ?? "").split(/\s+/);
      if (!types.includes("deb") || !suites.includes(SUITE) || fields.enabled === "no" || !fields.uris) continue;
      const keyring = fields["signed-by"]?.startsWith("/") ? fields["signed-by"].split(/\s+/)[0] : undefined;
      found.push({ uri: fields.uris.split(/\s+/)[0], keyring, file });
    }
  }
  const listFiles = ["/etc/apt/sources.list", ...files.filter((f) => f.endsWith(".list")).map((f) => join(dir, f))];
  for (const file of listFiles.filter((f) => existsSync(f))) {
    for (const line of readFileSync(file, "utf8").split("\n")) {
      const match = /^\s*deb\s+(?:\[([^\]]*)\]\s+)?(\S+)\s+(\S+)/.exec(line);
      if (!match || match[3] !== SUITE) continue;
      const keyring = /signed-by=(\/\S+)/.exec(match[1] ?? "")?.[1];
      found.push({ uri: match[2], keyring, file });
    }
  }
  return found;
}

// The mirror to debootstrap from ({ uri, keyring, file }); its address is hidden from the output from now on.
export function debianMirror() {
  const source = aptSources().find((s) => /^(https?|file):/.test(s.uri));
  if (source) {
    hideWord(source.uri);
    const { host } = new URL(source.uri);
    if (host) hideWord(host);
  } else {
    fail(
      `no apt source for "${SUITE}" with an http(s) or file URI in /etc/apt/sources.list.d/*.sources ` +
        `(deb822: Types: deb, Suites: ${SUITE}, URIs: ...) or /etc/apt/sources.list ("deb URI ${SUITE} main"). ` +
        "Add one (the one apt uses on this machine), then rerun.",
    );
  }
  return source;
}
