/**
 * The shape check of `@bis/collab` as the hub's `validate` hook: the document name gives the
 * scope, and collab's budgeted `validateUpdate` decides.
 */
import { parseDocName, validateUpdate } from '@bis/collab';
import type * as Y from 'yjs';
import type { SyncValidation } from './options';

/** Validates `update` for the scope named by `docName` against collab's schema. */
export const collabValidator = (docName: string, update: Uint8Array, doc: Y.Doc): SyncValidation => {
  const ref = parseDocName(docName);
  if (!ref) return { ok: false, reason: `not a document name: ${docName}` };
  const result = validateUpdate(ref.scope, update, {}, doc);
  return result.ok ? { ok: true } : { ok: false, reason: result.reason };
};

/** Whether `docName` names one of collab's four scopes (the hub's `isDocName` hook). */
export const isCollabDocName = (docName: string): boolean => parseDocName(docName) !== null;
