/**
 * The drafting module the rest of the web app loads (contract: ./README.md): the editor of one
 * draft and the sync indicator of the status line.
 */

export { SyncStatusLine as SyncStatus } from '../sync/SyncStatusLine';
export type { DraftPanelProps as DraftEditorProps } from './DraftPanel';
export { DraftPanel as DraftEditor } from './DraftPanel';
