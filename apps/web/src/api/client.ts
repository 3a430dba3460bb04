/**
 * The typed client of the server's REST API (apps/server/src/api/routes.ts). Same-origin fetch
 * with the session cookie; a refused request throws `ApiError` carrying the server's own message,
 * which the screens show as is.
 */

import type { Draft } from '@bis/collab';
import type { Action, Decision, DocumentJSON, Proposal, StakeholderGroup, Target } from '@bis/core';
import { t } from '../i18n';

/** A role in a process. */
export type Role = 'secretariat' | 'co-facilitator' | 'delegate' | 'observer';

/** GET /api/me */
export interface Me {
  readonly user: { id: string; name: string; admin: boolean; via: string } | null;
  readonly processes: readonly { id: string; roles: Role[]; parties: string[] }[];
}

/** A process as listed. */
export interface ProcessRow {
  readonly id: string;
  readonly title: string;
  readonly symbol: string | null;
  readonly public: boolean;
  readonly currentRevision: number;
}

/** A party of a process. */
export interface PartyRow {
  readonly id: string;
  readonly name: string;
  readonly group: StakeholderGroup;
  readonly region: string | null;
}

/** A revision of a process (without its text). */
export interface RevisionRow {
  readonly number: number;
  readonly name: string;
  readonly state: 'working' | 'frozen' | 'published';
  readonly publishedAt: number | null;
  readonly deadline: number | null;
}

/** GET /api/processes/{pid} */
export interface ProcessView extends ProcessRow {
  readonly revisions: readonly RevisionRow[];
  readonly parties: readonly PartyRow[];
  readonly you: { readonly roles: readonly Role[]; readonly parties: readonly string[] };
}

/** Body of POST …/drafts. */
export interface NewDraft {
  readonly action: Action;
  readonly targets: readonly { paragraph: string | null; label: string; point: string | null }[];
  readonly position?: 'after' | 'before' | null;
  readonly label: string;
  readonly summary?: string;
  readonly text?: string;
  readonly rationale?: string;
}

export type { Draft };

/** An error the server returned (or a network failure), with a message to show. */
export class ApiError extends Error {
  /** HTTP status; 0 for a network failure. */
  readonly status: number;
  readonly code: string;
  /** The server's JSON error body, when it sent one (some refusals carry more, e.g. conflicts). */
  readonly body: unknown;
  constructor(status: number, code: string, message: string, body: unknown = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.body = body;
  }
}

const request = async (method: string, path: string, body?: unknown): Promise<Response> => {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(0, 'network', t('error.network'));
  }
  if (res.ok) return res;
  let code = `http_${res.status}`;
  let message = `${res.status} ${res.statusText}`;
  let errorBody: unknown = null;
  try {
    const j = (await res.json()) as { error?: { code?: string; message?: string } };
    errorBody = j;
    if (j.error?.message) message = j.error.message;
    if (j.error?.code) code = j.error.code;
  } catch {
    // Not JSON (a proxy's error page): keep the status line.
  }
  throw new ApiError(res.status, code, message, errorBody);
};

/** Calls a REST route and reads its JSON answer; a refusal throws `ApiError` with the server's message. */
export const json = async <T>(method: string, path: string, body?: unknown): Promise<T> =>
  (await (await request(method, path, body)).json()) as T;

const P = (pid: string): string => `/api/processes/${encodeURIComponent(pid)}`;
const seg = encodeURIComponent;

/** The REST API, one function per route the web app uses. */
export const api = {
  /** Who you are; `processes` is always a list (empty when not signed in). */
  me: async (): Promise<Me> => {
    const me = await json<Partial<Me>>('GET', '/api/me');
    return { user: me.user ?? null, processes: me.processes ?? [] };
  },
  signOut: () => json<{ ok: true }>('POST', '/api/signout'),
  processes: () => json<{ processes: ProcessRow[] }>('GET', '/api/processes'),
  process: (pid: string) => json<ProcessView>('GET', P(pid)),
  revision: (pid: string, n: number) => json<DocumentJSON>('GET', `${P(pid)}/revisions/${n}/document`),
  proposals: (pid: string) => json<{ proposals: Proposal[] }>('GET', `${P(pid)}/proposals`),
  drafts: (pid: string, party: string) =>
    json<{ drafts: Draft[] }>('GET', `${P(pid)}/parties/${seg(party)}/drafts`),
  createDraft: (pid: string, party: string, draft: NewDraft) =>
    json<Draft>('POST', `${P(pid)}/parties/${seg(party)}/drafts`, draft),
  table: (pid: string, party: string, id: string) =>
    json<Proposal>('POST', `${P(pid)}/parties/${seg(party)}/drafts/${seg(id)}/table`),
  importProposals: (
    pid: string,
    party: string,
    body: { text: string; fileName?: string; resolve?: boolean; lenient?: boolean },
  ) => json<{ drafts: Draft[]; warnings: string[] }>('POST', `${P(pid)}/parties/${seg(party)}/imports`, body),
  withdraw: (pid: string, id: string) => json<Proposal>('POST', `${P(pid)}/proposals/${seg(id)}/withdraw`),
  endorse: (pid: string, id: string, kind: 'supporters' | 'co-sponsors', party: string, add: boolean) =>
    json<Proposal>(add ? 'POST' : 'DELETE', `${P(pid)}/proposals/${seg(id)}/${kind}`, { party }),
  decide: (pid: string, id: string, decision: Decision, note: string) =>
    json<Proposal>('POST', `${P(pid)}/proposals/${seg(id)}/decision`, { decision, note }),
  /** The export endpoint's URL (the download itself streams through `download`). */
  /** The export endpoint; `filter` narrows it to a section (heading id), a party or an action. */
  exportUrl: (
    pid: string,
    view: string,
    format: string,
    filter: { section?: string; party?: string; action?: string } = {},
  ) => {
    const query = new URLSearchParams(
      Object.entries(filter).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''),
    ).toString();
    return `${P(pid)}/exports/${seg(view)}/${seg(format)}${query ? `?${query}` : ''}`;
  },
  /**
   * Downloads a URL with progress (bytes received, and the total when the server sends one).
   * Returns the file as a Blob with the name from Content-Disposition.
   */
  download: async (
    url: string,
    onProgress: (received: number, total: number | null) => void,
  ): Promise<{ blob: Blob; name: string }> => {
    const res = await request('GET', url);
    const total = Number(res.headers.get('Content-Length')) || null;
    const name = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? 'export';
    const type = res.headers.get('Content-Type') ?? 'application/octet-stream';
    const chunks: Uint8Array[] = [];
    let received = 0;
    const reader = res.body?.getReader();
    if (!reader) return { blob: await res.blob(), name };
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.byteLength;
      onProgress(received, total);
    }
    return { blob: new Blob(chunks as BlobPart[], { type }), name };
  },
};

/** A target for a paragraph of the current text. */
export const targetOf = (paragraph: { id: string; label: string }): Target =>
  ({ paragraph: paragraph.id, label: paragraph.label, point: null }) as Target;
