// Validates deployment files against published schemas, with Ajv (a JSON Schema validator):
//   compose files (named compose*.yaml / *compose.yml) against the Compose Specification's own JSON schema
//     (compose-spec's compose_spec.json, as shipped in dclint's schemas/compose.schema.json);
//   every other file as Kubernetes manifests (one or more documents) against the Kubernetes OpenAPI schemas
//     compiled by kubernetes-models (one Ajv validator per apiVersion and kind).
// Usage: node validate.mjs FILE...   Prints "FILE:LINE: /json/path: message" for each fault, "valid: FILE" otherwise;
// exits 1 when any file is invalid, 0 when all are valid.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv from "ajv";
import { LineCounter, parseAllDocuments } from "yaml";

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const composeSchema = JSON.parse(readFileSync(join(here, "node_modules", "dclint", "schemas", "compose.schema.json"), "utf8"));
const ajv = new Ajv({ allErrors: true, strict: false });
// The schema names draft-07 by its https address; Ajv knows draft-07 by its http one: the same meta-schema under both.
ajv.addMetaSchema({ ...require("ajv/dist/refs/json-schema-draft-07.json"), $id: composeSchema.$schema });
const validateCompose = ajv.compile(composeSchema);

const isCompose = (file) => /(^|[-.])compose\.ya?ml$/.test(basename(file));

/** The line of the YAML node at a JSON pointer (the nearest existing parent when the node itself is missing). */
function lineOf(doc, lines, pointer) {
  const path = pointer.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  for (let n = path.length; n >= 0; n--) {
    const keys = path.slice(0, n).map((k) => (/^\d+$/.test(k) ? Number(k) : k));
    const node = keys.length === 0 ? doc.contents : doc.getIn(keys, true);
    if (node?.range) return lines.linePos(node.range[0]).line;
  }
  return 1;
}

const describe = (e) => {
  const extra = e.params?.additionalProperty ?? e.params?.missingProperty ?? e.params?.allowedValues?.join(", ");
  return extra === undefined || e.message.includes(extra) ? e.message : `${e.message} (${extra})`;
};

/** Kubernetes: the model class of this apiVersion and kind, whose validate() runs the compiled OpenAPI schema. */
function kubernetesModel(apiVersion, kind) {
  if (typeof apiVersion !== "string" || typeof kind !== "string") return undefined;
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : [undefined, apiVersion];
  try {
    return require(`kubernetes-models/${group ? `${group}/` : ""}${version}`)[kind];
  } catch {
    return undefined;
  }
}

function faultsOf(file) {
  const lines = new LineCounter();
  const docs = parseAllDocuments(readFileSync(file, "utf8"), { lineCounter: lines, merge: true });
  const faults = [];
  // The line of the offending key itself when there is one (an unknown property), else of the value at the path.
  const at = (doc, pointer, message, key) =>
    faults.push(`${file}:${lineOf(doc, lines, key === undefined ? pointer : `${pointer}/${key}`)}: ${pointer || "/"}: ${message}`);
  for (const doc of docs) {
    for (const e of doc.errors) faults.push(`${file}:${lines.linePos(e.pos[0]).line}: YAML: ${e.message.split("\n")[0]}`);
    if (doc.errors.length > 0) continue;
    const value = doc.toJS({ maxAliasCount: 1000 });
    if (value === null || value === undefined) continue; // an empty document (e.g. after a trailing ---)
    if (isCompose(file)) {
      if (!validateCompose(value)) for (const e of validateCompose.errors) at(doc, e.instancePath, describe(e), e.params?.additionalProperty);
      continue;
    }
    const Model = kubernetesModel(value.apiVersion, value.kind);
    if (!Model) {
      at(doc, "", `no Kubernetes schema for apiVersion '${value.apiVersion}' kind '${value.kind}'`);
      continue;
    }
    try {
      new Model(value).validate();
    } catch (error) {
      if (!Array.isArray(error.errors)) throw error;
      for (const e of error.errors) at(doc, e.instancePath, `${value.kind} ${value.metadata?.name ?? ""}: ${describe(e)}`);
    }
  }
  return faults;
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node validate.mjs FILE...");
  process.exit(2);
}
let invalid = 0;
for (const file of files) {
  const faults = faultsOf(file);
  if (faults.length === 0) console.log(`valid: ${file} (${isCompose(file) ? "Compose Specification" : "Kubernetes OpenAPI"})`);
  else invalid++;
  for (const f of faults) console.log(f);
}
process.exit(invalid > 0 ? 1 : 0);
