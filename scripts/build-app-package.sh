#!/usr/bin/env bash
# Builds the Teams app package (a flat zip: manifest.json, color.png, outline.png, es.json) from manifest/.
#
#   BOT_ID=<guid> APP_ID=<guid> TAB_APP_ID=<guid> BOT_DOMAIN=<host> scripts/build-app-package.sh [output.zip]
#
# BOT_ID      the bot's Microsoft App ID (the botId output of infra/main.bicep)
# TAB_APP_ID  the client id of the Entra app registration the Reports tab signs in with (infra/README.md)
# APP_ID      the Teams app id: a GUID of your own, kept the same for every version of the app
# BOT_DOMAIN  host name of the bot's web app, without scheme or path (the botDomain output)
# output.zip  defaults to artifacts/teamsengage-app.zip
#
# Needs only bash and Node.js.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
manifest_dir="$repo_root/manifest"
output="${1:-$repo_root/artifacts/teamsengage-app.zip}"

fail() {
  echo "build-app-package: $*" >&2
  exit 1
}

guid_pattern='^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
host_pattern='^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$'

require_guid() {
  local name="$1" value="${!1:-}"
  [[ -n "$value" ]] || fail "$name is not set. $2"
  [[ "$value" =~ $guid_pattern ]] || fail "$name must be a GUID such as 00000000-0000-0000-0000-000000000000, got '$value'."
}

require_guid BOT_ID "Use the botId output of the infrastructure deployment."
require_guid TAB_APP_ID "Use the client id of the Entra app registration the Reports tab signs in with (see infra/README.md, \"The Reports tab\")."
require_guid APP_ID "Choose one GUID for the Teams app (for example: cat /proc/sys/kernel/random/uuid) and keep it for every version."
[[ -n "${BOT_DOMAIN:-}" ]] || fail "BOT_DOMAIN is not set. Use the botDomain output of the infrastructure deployment (a host name such as teamsengage-abc.azurewebsites.net)."
[[ "${#BOT_DOMAIN}" -le 253 && "$BOT_DOMAIN" =~ $host_pattern ]] \
  || fail "BOT_DOMAIN must be a host name without scheme, port or path (for example teamsengage-abc.azurewebsites.net), got '$BOT_DOMAIN'."
command -v node >/dev/null 2>&1 || fail "Node.js (node) is required to build the package."

for file in manifest.json es.json color.png outline.png; do
  [[ -f "$manifest_dir/$file" ]] || fail "missing $manifest_dir/$file"
done
mkdir -p "$(dirname "$output")"

export BOT_ID APP_ID TAB_APP_ID BOT_DOMAIN
node - "$manifest_dir" "$output" <<'JS'
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const [manifestDir, output] = process.argv.slice(2);
const values = { BOT_ID: process.env.BOT_ID, APP_ID: process.env.APP_ID, TAB_APP_ID: process.env.TAB_APP_ID, BOT_DOMAIN: process.env.BOT_DOMAIN };

function substitute(name) {
  const text = fs.readFileSync(path.join(manifestDir, name), "utf8").replace(/\$\{\{(\w+)\}\}/g, (match, key) => {
    if (!(key in values)) {
      throw new Error(`${name} uses the unknown placeholder ${match}`);
    }
    return values[key];
  });
  JSON.parse(text); // a substituted value must not break the JSON
  return Buffer.from(text, "utf8");
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// A plain zip (deflate, no extras) with a fixed timestamp, so the same inputs give the same package.
function zip(entries) {
  const dosTime = 0, dosDate = (1 << 5) | 1; // 1980-01-01 00:00
  const locals = [], centrals = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const fileName = Buffer.from(name, "utf8");
    const compressed = zlib.deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(dosTime, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, compressed);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const entries = [
  { name: "manifest.json", data: substitute("manifest.json") },
  { name: "es.json", data: substitute("es.json") },
  { name: "color.png", data: fs.readFileSync(path.join(manifestDir, "color.png")) },
  { name: "outline.png", data: fs.readFileSync(path.join(manifestDir, "outline.png")) },
];
for (const { name, data } of entries.filter(e => e.name.endsWith(".json"))) {
  if (data.toString("utf8").includes("${{")) throw new Error(`${name} still contains a placeholder`);
}
fs.writeFileSync(output, zip(entries));
JS
echo "Teams app package written to $output"
