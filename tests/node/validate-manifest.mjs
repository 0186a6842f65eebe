// Validates Teams app manifest and localization files offline, against the schemas bundled in @microsoft/app-manifest.
//
//   node validate-manifest.mjs manifest <manifest.json>
//   node validate-manifest.mjs localization <es.json>
//
// Prints {"file", "kind", "errors": [...]} as JSON on stdout. Exit codes: 0 valid, 1 invalid, 2 could not validate.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

const SCHEMA_VERSION = "v1.29";
const MANIFEST_SCHEMA_URL = `https://developer.microsoft.com/en-us/json-schemas/teams/${SCHEMA_VERSION}/MicrosoftTeams.schema.json`;
const LOCALIZATION_SCHEMA_URL = `https://developer.microsoft.com/en-us/json-schemas/teams/${SCHEMA_VERSION}/MicrosoftTeams.Localization.schema.json`;

const require = createRequire(import.meta.url);
const packageEntry = require.resolve("@microsoft/app-manifest");
// Resolve the validator's own dependencies from where the package itself finds them.
const requireFromPackage = createRequire(packageEntry);
const schemaFolder = path.join(path.dirname(packageEntry), "json-schemas", "teams", SCHEMA_VERSION);

async function readJson(file) {
  const text = await readFile(file, "utf8");
  return JSON.parse(text.replace(/^\uFEFF/, ""));
}

// The bundled schemas contain the escapes \a and \v, which JSON does not allow.
async function readSchema(name) {
  const raw = await readFile(path.join(schemaFolder, name), "utf8");
  return JSON.parse(raw.replace(/\\a/g, "\\u0007").replace(/\\v/g, "\\u000b"));
}

function schemaUrlErrors(document, expectedUrl) {
  // Only this URL maps to a bundled schema; anything else would be fetched from the network.
  return document.$schema === expectedUrl ? [] : [`/$schema must be ${expectedUrl}`];
}

async function validateManifest(manifest) {
  const errors = schemaUrlErrors(manifest, MANIFEST_SCHEMA_URL);
  if (manifest.manifestVersion !== "1.29") {
    errors.push("/manifestVersion must be 1.29");
  }
  const { AppManifestUtils } = requireFromPackage(packageEntry);
  const schema = await readSchema("MicrosoftTeams.schema.json");
  return errors.concat(await AppManifestUtils.validateAgainstSchema(manifest, schema));
}

async function validateLocalization(localization) {
  const errors = schemaUrlErrors(localization, LOCALIZATION_SCHEMA_URL);
  const Ajv04 = requireFromPackage("ajv-draft-04");
  const addFormats = requireFromPackage("ajv-formats");
  // The schema's patterns use \b inside character classes, which the unicode flag rejects.
  const ajv = new (Ajv04.default ?? Ajv04)({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  (addFormats.default ?? addFormats)(ajv, ["uri"]);
  const validate = ajv.compile(await readSchema("MicrosoftTeams.Localization.schema.json"));
  if (!validate(localization)) {
    for (const error of validate.errors) {
      errors.push(`${error.instancePath} ${error.message ?? ""}. Details: ${JSON.stringify(error.params)}`);
    }
  }
  return errors;
}

const validators = { manifest: validateManifest, localization: validateLocalization };

async function main(argv) {
  const [kind, file] = argv;
  if (!validators[kind] || !file || argv.length !== 2) {
    console.error("usage: node validate-manifest.mjs manifest|localization <file>");
    return 2;
  }
  let errors;
  try {
    errors = await validators[kind](await readJson(file));
  } catch (error) {
    console.log(JSON.stringify({ file, kind, errors: [`could not validate: ${error.message}`] }));
    return 2;
  }
  console.log(JSON.stringify({ file, kind, errors }));
  return errors.length === 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
