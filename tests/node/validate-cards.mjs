// Parses Adaptive Cards with the official adaptivecards library (the one Teams-like hosts use) and reports
// every parse event, validation failure, unknown type/property and round-trip loss as an error.
//
// Input: a JSON array [{"name": "...", "card": {...}}] on stdin, or in the file named by the first argument.
// Output: [{"name": "...", "errors": [...], "warnings": [...]}] on stdout.
// Exit code: 0 when no card has errors, 1 when some card has errors, 2 when the input or the setup is unusable.
//
// What adaptivecards 3.0.6 does by itself: unknown element/action types become UnknownElementType /
// UnknownActionType parse events (and the fallback, if any, is used); properties newer than the target version
// become UnsupportedProperty events; validateProperties() reports missing ids, duplicate ids, unlabelled required
// inputs and some missing properties. It has no strict mode: unknown properties are dropped silently, which is
// what the parse hook below adds. Parsing, validation and toJSON need no DOM, so none is shimmed.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

const TARGET_VERSION = "1.5";

function loadLibrary() {
    const require = createRequire(import.meta.url);
    try {
        // The package's ESM build uses extension-less imports that Node cannot resolve; the UMD bundle loads fine.
        return require("adaptivecards/dist/adaptivecards.js");
    } catch (error) {
        process.stderr.write(`adaptivecards is not installed (run npm ci in tests/node): ${error.message}\n`);
        process.exit(2);
    }
}

const AC = loadLibrary();

// Properties a host reads that are not part of the library's object schemas: msteams is Teams' own card
// extension (width "Full").
const hostExtensions = { AdaptiveCard: ["msteams"] };

// Collections and sub-objects that the library parses by hand instead of through its property schema.
function handParsedKeys(obj) {
    const keys = ["type"];
    if (obj instanceof AC.CardElement || obj instanceof AC.Action) keys.push("fallback");
    if (obj instanceof AC.AdaptiveCard) keys.push("body", "actions");
    else if (obj instanceof AC.Container) keys.push("items");
    if (obj instanceof AC.ColumnSet) keys.push("columns");
    if (obj instanceof AC.ActionSet) keys.push("actions");
    if (obj instanceof AC.RichTextBlock) keys.push("inlines");
    if (obj instanceof AC.ShowCardAction) keys.push("card");
    return keys;
}

function typeNameOf(obj, source) {
    if (typeof obj.getJsonTypeName === "function") return obj.getJsonTypeName();
    return source && typeof source.type === "string" ? source.type : obj.constructor.name;
}

// The library silently drops properties it does not know; a misspelled property would then vanish without
// a trace. Wrapping the base parse lets us compare the JSON keys with the object's declared schema.
const baseParse = AC.SerializableObject.prototype.internalParse;
AC.SerializableObject.prototype.internalParse = function (source, context) {
    baseParse.call(this, source, context);
    if (!source || typeof source !== "object" || !(context instanceof AC.BaseSerializationContext)) return;
    const known = new Set(handParsedKeys(this));
    const schema = this.getSchema();
    for (let i = 0; i < schema.getCount(); i++) known.add(schema.getItemAt(i).name);
    const typeName = typeNameOf(this, source);
    for (const extra of hostExtensions[typeName] ?? []) known.add(extra);
    for (const key of Object.keys(source)) {
        if (!known.has(key)) {
            context.logParseEvent(this, AC.ValidationEvent.UnsupportedProperty,
                `Unknown property "${key}" on ${typeName}.`);
        }
    }
};

// Properties the Adaptive Card JSON schema marks as required but that the library accepts when missing.
const schemaRequired = {
    TextBlock: ["text"],
    TextRun: ["text"],
    Image: ["url"],
    FactSet: ["facts"],
    "Input.ChoiceSet": ["choices"],
    "Action.OpenUrl": ["url"],
    "Action.ShowCard": ["card"],
};
const factRequired = ["title", "value"];

const structuralKeys = ["body", "items", "columns", "actions", "inlines", "card", "refresh", "action", "facts", "choices"];

// Walks only the card's structure: never action data, which may hold arbitrary objects with a "type", and never
// a fallback, which is validated as a card of its own (see fallbackCards).
function walk(node, visit, path = "card") {
    if (Array.isArray(node)) {
        node.forEach((item, i) => walk(item, visit, `${path}[${i}]`));
        return;
    }
    if (!node || typeof node !== "object") return;
    visit(node, path);
    for (const key of structuralKeys) {
        if (key in node) walk(node[key], visit, `${path}.${key}`);
    }
}

// The library keeps a fallback only when the primary type is unknown, so fallbacks are left out of the
// round-trip count and validated on their own instead.
function typeHistogram(card) {
    const counts = {};
    walk(card, (node) => {
        if (typeof node.type === "string") counts[node.type] = (counts[node.type] ?? 0) + 1;
    });
    return counts;
}

// Wraps each fallback object in a card of its own so it gets the same scrutiny as the primary content.
function fallbackCards(card) {
    const wrapped = [];
    walk(card, (node, path) => {
        const fallback = node.fallback;
        if (!fallback || typeof fallback !== "object") return;
        const isAction = typeof fallback.type === "string" && fallback.type.startsWith("Action.");
        wrapped.push({
            path: `${path}.fallback`,
            card: { type: "AdaptiveCard", version: TARGET_VERSION, body: isAction ? [] : [fallback], actions: isAction ? [fallback] : [] },
        });
    });
    return wrapped;
}

function isBlank(value) {
    return value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);
}

function schemaErrors(card) {
    const errors = [];
    walk(card, (node, path) => {
        for (const prop of schemaRequired[node.type] ?? []) {
            if (isBlank(node[prop])) errors.push(`${path}: ${node.type} requires "${prop}".`);
        }
        if (node.type === "FactSet" && Array.isArray(node.facts)) {
            node.facts.forEach((fact, i) => {
                for (const prop of factRequired) {
                    if (typeof fact?.[prop] !== "string") errors.push(`${path}.facts[${i}]: Fact requires "${prop}".`);
                }
            });
        }
    });
    return errors;
}

const warningEvents = new Set([AC.ValidationEvent.Hint, AC.ValidationEvent.Deprecated]);

function describe(event) {
    return `${AC.ValidationEvent[event.event] ?? event.event}: ${event.message}`;
}

function validate(name, json) {
    const errors = [];
    const warnings = [];
    const sort = (event) => (warningEvents.has(event.event) ? warnings : errors).push(describe(event));

    if (!json || typeof json !== "object" || Array.isArray(json)) {
        return { name, errors: ["The card is not a JSON object."], warnings };
    }
    if (json.type !== "AdaptiveCard") errors.push(`type must be "AdaptiveCard", found ${JSON.stringify(json.type)}.`);
    if (json.version !== TARGET_VERSION) {
        errors.push(`version must be "${TARGET_VERSION}", found ${JSON.stringify(json.version)}.`);
    }

    const card = new AC.AdaptiveCard();
    const context = new AC.SerializationContext(AC.Versions.v1_5);
    try {
        card.parse(json, context);
    } catch (error) {
        errors.push(`The parser threw: ${error.message}`);
        return { name, errors, warnings };
    }
    for (let i = 0; i < context.eventCount; i++) sort(context.getEventAt(i));
    for (const event of card.validateProperties().validationEvents) sort(event);
    errors.push(...schemaErrors(json));

    const before = typeHistogram(json);
    const after = typeHistogram(card.toJSON(new AC.SerializationContext(AC.Versions.v1_5)));
    for (const type of new Set([...Object.keys(before), ...Object.keys(after)])) {
        if ((before[type] ?? 0) !== (after[type] ?? 0)) {
            errors.push(`Round trip changed the number of ${type}: ${before[type] ?? 0} -> ${after[type] ?? 0}.`);
        }
    }
    for (const { path, card: fallback } of fallbackCards(json)) {
        const result = validate(path, fallback);
        errors.push(...result.errors.map((e) => `${path}: ${e}`));
        warnings.push(...result.warnings.map((w) => `${path}: ${w}`));
    }
    return { name, errors, warnings };
}

function readInput() {
    const file = process.argv[2];
    const text = file ? readFileSync(file, "utf8") : readFileSync(0, "utf8");
    const items = JSON.parse(text);
    if (!Array.isArray(items)) throw new Error("Expected a JSON array of {name, card}.");
    return items;
}

let items;
try {
    items = readInput();
} catch (error) {
    process.stderr.write(`Unusable input: ${error.message}\n`);
    process.exit(2);
}

const report = items.map((item, i) => validate(item?.name ?? `#${i}`, item?.card));
process.stdout.write(JSON.stringify(report, null, 2) + "\n");
process.exitCode = report.some((r) => r.errors.length > 0) ? 1 : 0;
