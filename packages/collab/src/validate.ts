/**
 * Validation of incoming updates against a scope's document shape (docs/collab.md): the server
 * refuses any update that would add an unknown root, a node or attribute outside the schema, a
 * key outside the known fields, or content of the wrong kind. Yjs itself has no notion of shape
 * or permission, so this is the only gate between a client's bytes and the stored document.
 */
import * as Y from 'yjs';
import { attrValueProblem } from './attr-check';
import { DEFAULT_BUDGET, scanUpdate, type UpdateBudget } from './budget';
import { ID_PATTERN, SCOPES, type Scope } from './docnames';
import { draftValueProblem } from './draft-values';
import {
  ELEMENT,
  FRAGMENT,
  Invalid,
  idText,
  invalid,
  type Located,
  MAP,
  type Place,
  Resolver,
  TYPE_NAMES,
  typeRefOf,
  XMLTEXT,
} from './placement';
import { DRAFT_FIELDS, META_KEYS, ROOTS } from './roots';
import { childNodeNames, draftSchemaSpec, revisionSchemaSpec, type SchemaSpecData } from './schema';

/** The outcome of validating an update. */
export type ValidationResult =
  | { readonly ok: true; readonly structs: number; readonly deleteRanges: number }
  | { readonly ok: false; readonly reason: string };

const schemaOf = (scope: Scope): SchemaSpecData | null =>
  scope === 'revision' || scope === 'next'
    ? revisionSchemaSpec
    : scope === 'workspace'
      ? draftSchemaSpec
      : null;

const ALLOWED_TYPES: { readonly [S in Scope]: ReadonlySet<number> } = {
  revision: new Set([ELEMENT, XMLTEXT]),
  next: new Set([ELEMENT, XMLTEXT]),
  workspace: new Set([MAP, FRAGMENT, ELEMENT, XMLTEXT]),
  compilation: new Set(),
};

// Plain JSON within a depth: no undefined, bigint, binary, NaN or prototype tricks.
const isJson = (v: unknown, depth = 0): boolean => {
  if (depth > 64) return false;
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every((x) => isJson(x, depth + 1));
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    return Object.entries(v).every(([k, x]) => k !== '__proto__' && isJson(x, depth + 1));
  }
  return false;
};

const fitsType = (v: unknown, type: string): boolean => {
  switch (type) {
    case 'string':
      return typeof v === 'string';
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'boolean':
      return typeof v === 'boolean';
    case 'string|null':
      return v === null || typeof v === 'string';
    case 'json:array':
      return Array.isArray(v) && isJson(v);
    case 'json:object|null':
      return v === null || (typeof v === 'object' && !Array.isArray(v) && isJson(v));
    default:
      return false;
  }
};

const describe = (p: Place): string => {
  switch (p.kind) {
    case 'root':
      return `root "${p.name}"`;
    case 'type': {
      const name = p.nodeName !== null ? `<${p.nodeName}>` : (TYPE_NAMES[p.ref] ?? '?');
      return p.ownerKey !== null
        ? `${name} at key "${p.ownerKey}" of ${describe(p.owner)}`
        : `${name} in ${describe(p.owner)}`;
    }
    default:
      return p.kind;
  }
};

// Checks that hold wherever an item lands: content kinds of the scope, known node and mark names.
const checkContent = (scope: Scope, item: Y.Item): void => {
  const c = item.content;
  const at = idText(item.id);
  const schema = schemaOf(scope);
  if (c instanceof Y.ContentDeleted || c instanceof Y.ContentString || c instanceof Y.ContentAny) {
    if (c instanceof Y.ContentAny && !c.arr.every((v) => isJson(v)))
      invalid(`item ${at}: value is not plain JSON`);
    return;
  }
  if (c instanceof Y.ContentType) {
    const ref = typeRefOf(c.type);
    if (!ALLOWED_TYPES[scope].has(ref))
      invalid(`item ${at}: ${TYPE_NAMES[ref] ?? 'unknown type'} not allowed in ${scope}`);
    if (ref === ELEMENT) {
      const name = (c.type as Y.XmlElement).nodeName;
      const node = schema?.nodes[name];
      if (!node || name === 'text' || name === schema?.topNode) invalid(`item ${at}: unknown node "${name}"`);
    }
    return;
  }
  if (c instanceof Y.ContentFormat) {
    const mark = schema?.marks[c.key];
    if (!mark) invalid(`item ${at}: unknown mark "${c.key}"`);
    const v: unknown = c.value;
    if (v === null) return;
    if (typeof v !== 'object' || Array.isArray(v) || !isJson(v))
      invalid(`item ${at}: mark "${c.key}" value is not an object`);
    const attrs = mark?.attrs ?? {};
    for (const [k, x] of Object.entries(v as object)) {
      const spec = attrs[k];
      if (!spec) invalid(`item ${at}: unknown attribute "${k}" of mark "${c.key}"`);
      const problem = attrValueProblem(spec as NonNullable<typeof spec>, x);
      if (problem !== null) invalid(`item ${at}: attribute "${k}" of mark "${c.key}" ${problem}`);
    }
    return;
  }
  invalid(`item ${at}: ${c.constructor.name} not allowed`);
};

const single = (item: Y.Item, what: string): unknown => {
  const c = item.content;
  if (!(c instanceof Y.ContentAny) || c.arr.length !== 1)
    return invalid(`item ${idText(item.id)}: ${what} must be one JSON value`);
  return c.arr[0];
};

const isDeleted = (item: Y.Item): boolean => item.content instanceof Y.ContentDeleted;

// Content expressions parsed once per schema and node.
const childCache = new WeakMap<SchemaSpecData, Map<string, { names: Set<string>; text: boolean }>>();
const allowedChildren = (schema: SchemaSpecData, nodeName: string): { names: Set<string>; text: boolean } => {
  let bySchema = childCache.get(schema);
  if (!bySchema) {
    bySchema = new Map();
    childCache.set(schema, bySchema);
  }
  let r = bySchema.get(nodeName);
  if (!r) {
    r = childNodeNames(schema, nodeName);
    bySchema.set(nodeName, r);
  }
  return r;
};

const childElementCheck = (item: Y.Item, parent: Place, schema: SchemaSpecData, nodeName: string): void => {
  if (isDeleted(item)) return;
  const at = idText(item.id);
  const c = item.content;
  const allowed = allowedChildren(schema, nodeName);
  if (c instanceof Y.ContentType) {
    const ref = typeRefOf(c.type);
    if (ref === XMLTEXT && allowed.text) return;
    if (ref === ELEMENT && allowed.names.has((c.type as Y.XmlElement).nodeName)) return;
    const what = ref === ELEMENT ? `<${(c.type as Y.XmlElement).nodeName}>` : (TYPE_NAMES[ref] ?? '?');
    invalid(`item ${at}: ${what} not allowed in ${describe(parent)}`);
  }
  invalid(`item ${at}: ${c.constructor.name} not allowed in ${describe(parent)}`);
};

// Checks that need to know where the item lands.
const checkPlace = (
  scope: Scope,
  item: Y.Item,
  { parent, key }: Located,
  serverOnly: readonly string[],
  serverOnlyFields: readonly string[] = [],
): void => {
  const at = idText(item.id);
  const schema = schemaOf(scope);
  if (parent.kind === 'root') {
    if (!ROOTS[scope].includes(parent.name)) invalid(`item ${at}: unknown root "${parent.name}" in ${scope}`);
    if (serverOnly.includes(parent.name))
      invalid(`item ${at}: root "${parent.name}" is written by the server only`);
    if (parent.name === 'text' && schema) {
      if (key !== null) invalid(`item ${at}: root "text" is a fragment, not a map (key "${key}")`);
      childElementCheck(item, parent, schema, schema.topNode);
      return;
    }
    // The other roots are maps: an item without a key would turn them into arrays.
    if (key === null) invalid(`item ${at}: root "${parent.name}" is a map: item without key`);
    if (isDeleted(item)) return;
    if (parent.name === 'meta') {
      const type = (META_KEYS as Record<string, string>)[key as string];
      if (!type) invalid(`item ${at}: unknown meta key "${key}"`);
      if (!fitsType(single(item, `meta.${key}`), type as string))
        invalid(`item ${at}: meta.${key} must be ${type}`);
      return;
    }
    if (!ID_PATTERN.test(key as string)) invalid(`item ${at}: invalid id "${key}" in root "${parent.name}"`);
    if (parent.name === 'drafts') {
      const c = item.content;
      if (!(c instanceof Y.ContentType) || typeRefOf(c.type) !== MAP)
        invalid(`item ${at}: drafts.${key} must be a Y.Map`);
      return;
    }
    // proposals: the whole Proposal of @bis/core as plain JSON.
    const v = single(item, `proposals.${key}`);
    if (typeof v !== 'object' || v === null || Array.isArray(v) || (v as { id?: unknown }).id !== key) {
      invalid(`item ${at}: proposals.${key} must be an object with id "${key}"`);
    }
    return;
  }
  if (parent.kind !== 'type') return;
  const { ref, owner, ownerKey } = parent;
  if (ref === MAP && owner.kind === 'root' && owner.name === 'drafts') {
    if (key === null) invalid(`item ${at}: a draft is a map: item without key`);
    const type = (DRAFT_FIELDS as Record<string, string>)[key as string];
    if (!type) invalid(`item ${at}: unknown draft field "${key}"`);
    if (serverOnlyFields.includes(key as string))
      invalid(`item ${at}: draft field "${key}" is written by the server only`);
    if (isDeleted(item)) return;
    if (type === 'fragment') {
      const c = item.content;
      if (!(c instanceof Y.ContentType) || typeRefOf(c.type) !== FRAGMENT)
        invalid(`item ${at}: draft field "${key}" must be a Y.XmlFragment`);
      return;
    }
    const value = single(item, `draft field "${key}"`);
    if (!fitsType(value, type as string)) invalid(`item ${at}: draft field "${key}" must be ${type}`);
    // Beyond the type, what the REST API's draft body allows (draft-values.ts).
    const problem = draftValueProblem(key as string, value);
    if (problem) invalid(`item ${at}: draft field ${problem}`);
    return;
  }
  if (
    ref === FRAGMENT &&
    schema === draftSchemaSpec &&
    ownerKey !== null &&
    (DRAFT_FIELDS as Record<string, string>)[ownerKey] === 'fragment'
  ) {
    if (key !== null) invalid(`item ${at}: a fragment has no keys ("${key}")`);
    childElementCheck(item, parent, schema, schema.topNode);
    return;
  }
  if (ref === ELEMENT && schema && parent.nodeName !== null) {
    if (key === null) {
      childElementCheck(item, parent, schema, parent.nodeName);
      return;
    }
    const attrs = schema.nodes[parent.nodeName]?.attrs ?? {};
    const spec = attrs[key];
    if (!spec) {
      invalid(`item ${at}: unknown attribute "${key}" of <${parent.nodeName}>`);
      return;
    }
    if (isDeleted(item)) return;
    const problem = attrValueProblem(spec, single(item, `attribute "${key}"`));
    if (problem !== null) invalid(`item ${at}: attribute "${key}" of <${parent.nodeName}> ${problem}`);
    return;
  }
  if (ref === XMLTEXT) {
    if (key !== null) invalid(`item ${at}: text has no attributes ("${key}")`);
    const c = item.content;
    if (c instanceof Y.ContentString || c instanceof Y.ContentFormat || c instanceof Y.ContentDeleted) return;
    invalid(`item ${at}: ${c.constructor.name} not allowed in text`);
  }
  invalid(`item ${at}: nothing may be written in ${describe(parent)}`);
};

/** The shape of a decoded delete set (`Y.decodeUpdate(…).ds`). */
interface DeleteSetLike {
  readonly clients: Map<number, { readonly clock: number; readonly len: number }[]>;
}

// The root a type hangs from, by name.
const rootNameOf = (doc: Y.Doc, type: Y.AbstractType<unknown>): string | null => {
  let t: Y.AbstractType<unknown> = type;
  while (t._item !== null) {
    const parent = t._item.parent;
    if (!(parent instanceof Y.AbstractType)) return null;
    t = parent;
  }
  for (const [name, root] of doc.share) if (root === t) return name;
  return null;
};

// Deletions name existing structs: refuse one that would delete inside a server-only root.
// Clients resend their whole delete set on every reconnect, so this is linear in the ranges and
// the structs they cover (binary search for the first; each parent's root looked up once).
const checkDeletions = (doc: Y.Doc, ds: DeleteSetLike, serverOnly: readonly string[]): void => {
  const roots = new Map<Y.AbstractType<unknown>, string | null>();
  for (const [client, ranges] of ds.clients) {
    const structs = doc.store.clients.get(client);
    if (!structs || structs.length === 0) continue;
    const last = structs[structs.length - 1] as Y.Item | Y.GC;
    const end = last.id.clock + last.length;
    for (const { clock, len } of ranges) {
      if (len <= 0 || clock >= end) continue;
      for (let i = Y.findIndexSS(structs, Math.max(0, clock)); i < structs.length; i++) {
        const st = structs[i] as Y.Item | Y.GC;
        if (st.id.clock >= clock + len) break;
        // Deleting what is already deleted changes nothing (clients resend their whole delete set).
        if (!(st instanceof Y.Item) || st.deleted || !(st.parent instanceof Y.AbstractType)) continue;
        let root = roots.get(st.parent);
        if (root === undefined) {
          root = rootNameOf(doc, st.parent);
          roots.set(st.parent, root);
        }
        if (root !== null && serverOnly.includes(root)) {
          invalid(`deletion of ${idText(st.id)}: root "${root}" is written by the server only`);
        }
      }
    }
  }
};

const validate = (
  scope: Scope,
  update: Uint8Array,
  budget: UpdateBudget,
  doc: Y.Doc | undefined,
  serverOnly: readonly string[],
  serverOnlyFields: readonly string[],
): ValidationResult => {
  const scanned = scanUpdate(update, budget);
  if (!scanned.ok) return scanned;
  let decoded: { structs: (Y.Item | Y.GC | Y.Skip)[]; ds: DeleteSetLike };
  try {
    decoded = Y.decodeUpdate(update);
  } catch (e) {
    return { ok: false, reason: `undecodable update: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (decoded.structs.length !== scanned.structs) {
    return {
      ok: false,
      reason: `decoder disagreement: ${decoded.structs.length} structs, scan counted ${scanned.structs}`,
    };
  }
  const resolver = new Resolver(decoded.structs, doc);
  for (const s of decoded.structs) {
    if (!(s instanceof Y.Item)) continue;
    // Yjs integrates a client's structs in clock order and so never waits for its own client:
    // a reference to the same client's present or future clock crashes its integration.
    const p: unknown = s.parent;
    for (const ref of [s.origin, s.rightOrigin, p instanceof Y.ID ? p : null]) {
      if (ref && ref.client === s.id.client && ref.clock >= s.id.clock) {
        invalid(`item ${idText(s.id)}: refers to its own client's clock ${ref.clock}`);
      }
    }
    checkContent(scope, s);
    const where = resolver.locate(s);
    if (where.parent.kind === 'unknown') {
      // With the document at hand every dependency must be known: an item integrated later,
      // once its origin arrives, would never be checked where it lands.
      if (doc) invalid(`item ${idText(s.id)}: depends on structs the document does not have`);
      continue;
    }
    checkPlace(scope, s, where, serverOnly, serverOnlyFields);
  }
  if (doc && serverOnly.length > 0) checkDeletions(doc, decoded.ds, serverOnly);
  return scanned;
};

/** Options of `validateUpdate`. */
export interface ValidateOptions {
  /**
   * Roots a client may never write or delete in (the server passes `CLIENT_READ_ONLY_ROOTS`
   * for updates from clients: `meta` holds the generation and schema version it sets).
   */
  readonly serverOnlyRoots?: readonly string[];
  /**
   * Draft fields a client may never write (the server passes `CLIENT_READ_ONLY_DRAFT_FIELDS`:
   * who proposes and created a draft, whether it is illustrative, the file it came from).
   */
  readonly serverOnlyDraftFields?: readonly string[];
}

/** The roots that only the server writes: clients' updates touching them are refused. */
export const CLIENT_READ_ONLY_ROOTS: readonly string[] = ['meta'];

/**
 * Validates a v1 update for a document of `scope`. Checks the budget on the raw bytes first,
 * then decodes and walks every item: roots of the scope only, node names and attributes of the
 * scope's schema with values of their `AttrType` (a `labelStyle` outside `lettered`/`unnumbered`,
 * tags that are not a list of bracket-free words …), known meta keys and draft fields with values of their type
 * and within the REST API's rules for drafts (`draftValueProblem`), plain JSON only.
 * Pass the current `doc` (as the server does): items inserted next to existing ones carry no
 * parent of their own, and are checked where they land; an item depending on structs the
 * document lacks is refused. Without `doc` such items get only the context-free checks.
 * Deletions are always well-formed: whether the sender may write at all is the caller's decision.
 * Never throws.
 */
export const validateUpdate = (
  scope: Scope,
  update: Uint8Array,
  budget: Partial<UpdateBudget> = {},
  doc?: Y.Doc,
  options: ValidateOptions = {},
): ValidationResult => {
  if (!SCOPES.includes(scope)) return { ok: false, reason: `unknown scope ${String(scope)}` };
  try {
    return validate(
      scope,
      update,
      { ...DEFAULT_BUDGET, ...budget },
      doc,
      options.serverOnlyRoots ?? [],
      options.serverOnlyDraftFields ?? [],
    );
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, reason: e.message };
    return { ok: false, reason: `unreadable update: ${e instanceof Error ? e.message : String(e)}` };
  }
};
