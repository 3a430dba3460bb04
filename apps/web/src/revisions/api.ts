/**
 * The revision routes of the REST API (apps/server/src/api/revision-routes.ts), with the same
 * error handling as the app's client: a refusal throws its `ApiError` with the server's message.
 */
import type {
  DocumentJSON,
  InputReportRow,
  ParagraphProvenance,
  ParagraphStatus,
  Proposal,
  ReanchorEntry,
  RevisionConcordanceRow,
  RevisionConflict,
  WorkingState,
} from '@bis/core';
import type { DiffRun } from '@bis/diff';
import { ApiError, json } from '../api/client';

/** GET …/next */
export interface NextView {
  readonly base: number;
  readonly baseName: string;
  readonly name: string;
  readonly version: number;
  readonly document: DocumentJSON;
  readonly provenance: readonly ParagraphProvenance[];
  readonly state: WorkingState;
  readonly candidates: readonly { proposal: Proposal; conflicts: readonly RevisionConflict[] }[];
}

/** GET …/compare/{a}/{b} */
export interface ComparisonView {
  readonly old: string | null;
  readonly new: string | null;
  readonly alignedBy: 'id' | 'text';
  readonly rows: readonly {
    kind: 'unchanged' | 'changed' | 'added' | 'removed';
    id: string | null;
    oldLabel: string | null;
    newLabel: string | null;
    runs: readonly DiffRun[];
  }[];
}

/** Where an applied proposal landed in the working text (paragraph ids). */
export interface AppliedParagraphs {
  readonly changed: readonly string[];
  readonly inserted: readonly string[];
}

/** A refused apply: the server's conflicts. */
export class ApplyRefused extends ApiError {
  readonly conflicts: readonly RevisionConflict[];
  constructor(message: string, conflicts: readonly RevisionConflict[]) {
    super(409, 'conflict', message);
    this.conflicts = conflicts;
  }
}

// The app's client, with a 409 that lists conflicts turned into `ApplyRefused`.
const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
  try {
    return await json<T>(method, path, body);
  } catch (e) {
    const conflicts =
      e instanceof ApiError ? (e.body as { conflicts?: RevisionConflict[] } | null)?.conflicts : undefined;
    if (e instanceof ApiError && conflicts) throw new ApplyRefused(e.message, conflicts);
    throw e;
  }
};

const P = (pid: string): string => `/api/processes/${encodeURIComponent(pid)}`;
const seg = encodeURIComponent;

/** The revision commands and reads. */
export const revisionsApi = {
  next: (pid: string) => call<NextView>('GET', `${P(pid)}/next`),
  open: (pid: string) => call<{ base: number; name: string }>('POST', `${P(pid)}/next`, {}),
  apply: (pid: string, id: string, force = false) =>
    call<{ ok: true; applied: readonly AppliedParagraphs[] }>(
      'POST',
      `${P(pid)}/next/proposals/${seg(id)}/apply`,
      force ? { force } : {},
    ),
  byHand: (pid: string, id: string, paragraphs: string[], note: string) =>
    call<{ ok: true }>('POST', `${P(pid)}/next/proposals/${seg(id)}/by-hand`, { paragraphs, note }),
  setStatus: (pid: string, para: string, status: ParagraphStatus) =>
    call<unknown>('PUT', `${P(pid)}/next/paragraphs/${seg(para)}`, { status }),
  setBrackets: (
    pid: string,
    para: string,
    brackets: readonly { passage: string; alternatives: string[] }[],
  ) => call<unknown>('PUT', `${P(pid)}/next/paragraphs/${seg(para)}`, { brackets }),
  publish: (pid: string) =>
    call<{
      number: number;
      name: string;
      concordance: RevisionConcordanceRow[];
      applied: string[];
      carried: ReanchorEntry[];
    }>('POST', `${P(pid)}/next/publish`, {}),
  revision: (pid: string, n: number) => call<DocumentJSON>('GET', `${P(pid)}/revisions/${n}/document`),
  concordance: (pid: string, n: number) =>
    call<{ rows: RevisionConcordanceRow[] }>('GET', `${P(pid)}/revisions/${n}/concordance`),
  report: (pid: string, n: number) =>
    call<{ rows: InputReportRow[] }>('GET', `${P(pid)}/revisions/${n}/report`),
  carried: (pid: string, n: number) =>
    call<{ entries: ReanchorEntry[] }>('GET', `${P(pid)}/revisions/${n}/carried`),
  compare: (pid: string, a: number, b: number) => call<ComparisonView>('GET', `${P(pid)}/compare/${a}/${b}`),
  compareUrl: (pid: string, a: number, b: number, format: string) =>
    `${P(pid)}/compare/${a}/${b}/${seg(format)}`,
  reportCsvUrl: (pid: string, n: number) => `${P(pid)}/revisions/${n}/report?format=csv`,
};
