/// <reference types="vite/client" />
/**
 * Where the draft editor plugs in. `src/drafting/` (packages/editor bound to Yjs, live tracked
 * changes, cursors, local undo) and `src/sync/` (WebsocketProvider + y-indexeddb and the
 * "saved / offline — N changes waiting" status) are built by another engineer; the contract is
 * in src/drafting/README.md. Until `src/drafting/index.ts` exists the glob is empty and the
 * screens say the editor is not available yet — nothing pretends to edit.
 */
import type { ComponentType } from 'react';

/** Props of the draft editor component. */
export interface DraftEditorProps {
  /** Process id. */
  readonly process: string;
  /** Party id (the workspace `p/<process>/ws/<party>`). */
  readonly party: string;
  /** The draft's id in the workspace's `drafts` map. */
  readonly draftId: string;
}

/** What `src/drafting/index.ts` is expected to export. */
export interface DraftingModule {
  /** The editor of one draft (text and rationale), bound to the party's workspace document. */
  readonly DraftEditor?: ComponentType<DraftEditorProps>;
  /** The "saved" / "offline — N changes waiting" indicator for the status line. */
  readonly SyncStatus?: ComponentType<Record<string, never>>;
}

const found = import.meta.glob<DraftingModule>('../drafting/index.ts', { eager: true });

/** The drafting module, or null while it has not landed. */
export const drafting: DraftingModule | null = Object.values(found)[0] ?? null;
