/**
 * Document names: one Yjs document per permission scope (DESIGN.md "Documents, scopes and
 * permissions"). The name is also the y-websocket room, so clients connect to
 * `ws://HOST/sync/<docName>` and the server derives the scope from the name alone.
 */

/** The permission scopes a document can have. */
export const SCOPES = ['revision', 'next', 'workspace', 'compilation'] as const;
/** A document's permission scope. */
export type Scope = (typeof SCOPES)[number];

/** The pattern every process and party id matches. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** The largest revision number a name may carry (keeps `Number` exact and names short). */
export const MAX_REVISION = 1_000_000;

/** What a document name says: the process, the scope, and the revision or party it belongs to. */
export type DocRef =
  | { readonly process: string; readonly scope: 'revision'; readonly revision: number }
  | { readonly process: string; readonly scope: 'next' }
  | { readonly process: string; readonly scope: 'workspace'; readonly party: string }
  | { readonly process: string; readonly scope: 'compilation' };

/** True when `s` is a valid process or party id. */
export const isId = (s: string): boolean => ID_PATTERN.test(s);

/**
 * The document name of `ref`: `p/<process>/rev/<n>`, `p/<process>/next`,
 * `p/<process>/ws/<party>` or `p/<process>/compilation`.
 * Throws RangeError on an invalid id or revision number (a programming error, not user input).
 */
export const docName = (ref: DocRef): string => {
  if (!isId(ref.process)) throw new RangeError(`docName: invalid process id ${JSON.stringify(ref.process)}`);
  switch (ref.scope) {
    case 'revision':
      if (!Number.isSafeInteger(ref.revision) || ref.revision < 0 || ref.revision > MAX_REVISION) {
        throw new RangeError(`docName: invalid revision ${String(ref.revision)}`);
      }
      return `p/${ref.process}/rev/${ref.revision}`;
    case 'next':
      return `p/${ref.process}/next`;
    case 'workspace':
      if (!isId(ref.party)) throw new RangeError(`docName: invalid party id ${JSON.stringify(ref.party)}`);
      return `p/${ref.process}/ws/${ref.party}`;
    case 'compilation':
      return `p/${ref.process}/compilation`;
  }
};

// Revision numbers are written without leading zeros so that each revision has exactly one name.
const REVISION_NUMBER = /^(0|[1-9][0-9]{0,6})$/;

/**
 * Parses a document name strictly: returns null for anything that `docName` would not produce
 * (extra slashes, leading zeros, unknown scopes, ids outside `[A-Za-z0-9_-]{1,64}`).
 */
export const parseDocName = (s: string): DocRef | null => {
  if (typeof s !== 'string' || s.length > 200) return null;
  const parts = s.split('/');
  const [p, process, kind, arg] = parts;
  if (p !== 'p' || process === undefined || !isId(process)) return null;
  if (parts.length === 3) {
    if (kind === 'next') return { process, scope: 'next' };
    if (kind === 'compilation') return { process, scope: 'compilation' };
    return null;
  }
  if (parts.length !== 4 || arg === undefined) return null;
  if (kind === 'rev') {
    if (!REVISION_NUMBER.test(arg)) return null;
    const revision = Number(arg);
    return revision <= MAX_REVISION ? { process, scope: 'revision', revision } : null;
  }
  if (kind === 'ws') return isId(arg) ? { process, scope: 'workspace', party: arg } : null;
  return null;
};
