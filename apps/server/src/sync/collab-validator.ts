/**
 * The shape check of `@bis/collab` as the hub's `validate` hook: the document name gives the
 * scope, and collab's budgeted `validateUpdate` decides.
 */
import {
  CLIENT_READ_ONLY_DRAFT_FIELDS,
  CLIENT_READ_ONLY_ROOTS,
  parseDocName,
  validateUpdate,
} from '@bis/collab';
import type * as Y from 'yjs';
import type { SyncValidation } from './options';

/** Validates `update` for the scope named by `docName` against collab's schema. */
export const collabValidator = (docName: string, update: Uint8Array, doc: Y.Doc): SyncValidation => {
  const ref = parseDocName(docName);
  if (!ref) return { ok: false, reason: `not a document name: ${docName}` };
  // This validates clients' updates only (the hub's own writes are not checked): `meta` carries
  // the generation and schema version, which only the server sets.
  // Draft fields such as the proponent or `illustrative` are the server's too (issue 11).
  const result = validateUpdate(ref.scope, update, {}, doc, {
    serverOnlyRoots: CLIENT_READ_ONLY_ROOTS,
    serverOnlyDraftFields: CLIENT_READ_ONLY_DRAFT_FIELDS,
  });
  return result.ok ? { ok: true } : { ok: false, reason: result.reason };
};

/** Whether `docName` names one of collab's four scopes (the hub's `isDocName` hook). */
export const isCollabDocName = (docName: string): boolean => parseDocName(docName) !== null;
