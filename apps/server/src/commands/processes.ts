/**
 * Processes: create one from an imported document, list and describe them.
 */
import { type BisDocument, BisInputError, documentFromJSON, documentToJSON } from '@bis/core';
import type { ImportNote } from '@bis/formats';
import { conflict, invalid } from '../api/errors';
import { rolesIn } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { newId } from '../auth/tokens';
import type { PartyRow, ProcessRow, RevisionRow, Role } from '../db/types';
import { audit, readableProcess, requireAdmin, type Services } from './context';
import { importBaseDocx, importBaseText } from './imports';
import { compilationDoc, nextDoc, revisionDoc, writeRevisionText } from './yjs-docs';

/** Input of `createProcess`: the base text as document JSON or as a text file. */
export interface CreateProcessInput {
  readonly id?: string | undefined;
  readonly title?: string | undefined;
  readonly symbol?: string | undefined;
  readonly public?: boolean | undefined;
  readonly revisionName?: string | undefined;
  readonly document?: unknown;
  readonly text?: string | undefined;
  /** The bytes of an uploaded .docx (instead of `document` or `text`). */
  readonly docx?: Uint8Array | undefined;
  readonly fileName?: string | undefined;
}

/** A process as the API shows it to one principal. */
export interface ProcessView extends ProcessRow {
  readonly revisions: readonly Omit<RevisionRow, 'document'>[];
  readonly parties: readonly PartyRow[];
  /** The caller's roles and parties in this process. */
  readonly you: { readonly roles: readonly Role[]; readonly parties: readonly string[] };
}

/** A new process as `createProcess` answers it: the view, and what importing its base text noted. */
export interface CreatedProcess extends ProcessView {
  /**
   * The notes of the text import, in line order (page furniture dropped, numbered lines read as
   * headings, gaps in the numbering, unbalanced brackets …); `line` is the Word paragraph for a
   * .docx; empty for document JSON.
   */
  readonly importNotes: readonly ImportNote[];
}

/**
 * Parses the base text of a new process, with the import notes (none for document JSON); bad
 * input becomes a 400 naming where it is wrong.
 */
export const parseBase = (
  input: CreateProcessInput,
  maxBytes: number,
): { document: BisDocument; notes: readonly ImportNote[] } => {
  try {
    if (input.document !== undefined) return { document: documentFromJSON(input.document), notes: [] };
    if (input.docx !== undefined)
      return importBaseDocx(input.docx, input.fileName ?? 'upload.docx', maxBytes, input.title);
    if (input.text !== undefined)
      return importBaseText(input.text, input.fileName ?? 'upload.txt', maxBytes, input.title);
  } catch (e) {
    if (e instanceof BisInputError)
      throw invalid(`The base text cannot be imported: ${e.message}`, e.path || null);
    throw e;
  }
  throw invalid(
    'Give the base text as "document" (bis.document/1 JSON), "text" (a .txt or .md file) or a .docx uploaded as "file".',
    'document',
  );
};

/**
 * Creates a process with its zero draft published as revision 0, and says what the import of its
 * text noted. Administrators only.
 */
export const createProcess = async (
  svc: Services,
  p: Principal | null,
  input: CreateProcessInput,
): Promise<CreatedProcess> => {
  const user = requireAdmin(svc, p);
  const { document: base, notes } = parseBase(input, svc.config.maxImportBytes);
  const id = input.id ?? newId();
  if (svc.db.getProcess(id)) throw conflict(`A process with id "${id}" exists already; choose another id.`);
  const now = svc.now();
  const revisionName = input.revisionName ?? base.revision ?? 'Zero draft';
  svc.db.transaction(() => {
    svc.db.createProcess({
      id,
      title: input.title ?? base.title,
      symbol: input.symbol ?? base.symbol,
      public: input.public ?? false,
      currentRevision: 0,
      createdAt: now,
      createdBy: user.userId,
    });
    svc.db.putRevision({
      processId: id,
      number: 0,
      name: revisionName,
      state: 'published',
      publishedAt: now,
      deadline: null,
      document: documentToJSON(base),
    });
    svc.db.grantRole(id, user.userId, 'secretariat');
    audit(svc, user, id, 'process.create', {
      title: input.title ?? base.title,
      blocks: base.blocks.length,
      revision: revisionName,
    });
  });
  await svc.hub.transact(revisionDoc(id, 0), (doc) => writeRevisionText(doc, base));
  await svc.hub.transact(nextDoc(id), (doc) => writeRevisionText(doc, base));
  await svc.hub.transact(compilationDoc(id), (doc) => void doc.getMap('proposals'));
  return { ...viewProcess(svc, user, id), importNotes: notes };
};

/** One process as `p` may see it (404 when they may not). */
export const viewProcess = (svc: Services, p: Principal | null, id: string): ProcessView => {
  const proc = readableProcess(svc, p, id);
  return {
    ...proc,
    revisions: svc.db.listRevisions(id).map(({ document: _, ...r }) => r),
    parties: svc.db.listParties(id),
    you: {
      roles: [...rolesIn(svc.db, p, id)],
      parties: p ? svc.db.partiesOf(id, p.userId).map((x) => x.id) : [],
    },
  };
};

/** The processes `p` may see. */
export const listProcesses = (svc: Services, p: Principal | null): ProcessRow[] =>
  svc.db.listProcesses().filter((proc) => proc.public || rolesIn(svc.db, p, proc.id).size > 0);

/** The base document of a published revision. */
export const revisionDocument = (svc: Services, p: Principal | null, id: string, n?: number): BisDocument => {
  const proc = readableProcess(svc, p, id);
  const number = n ?? proc.currentRevision;
  const rev = svc.db.listRevisions(id).find((r) => r.number === number);
  if (!rev?.document) throw invalid(`Process "${id}" has no published revision ${number}.`, 'revision');
  return documentFromJSON(rev.document);
};

/** Opens a process to the public (read-only) or closes it. Secretariat or administrator. */
export const setProcessPublic = (
  svc: Services,
  p: Principal | null,
  id: string,
  isPublic: boolean,
): ProcessView => {
  readableProcess(svc, p, id);
  const user = requireAdmin(svc, p, id);
  svc.db.transaction(() => {
    svc.db.setPublic(id, isPublic);
    audit(svc, user, id, 'process.public', { public: isPublic });
  });
  return viewProcess(svc, user, id);
};
