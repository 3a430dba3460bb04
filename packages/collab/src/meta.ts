/**
 * The `meta` map every Bis document has: schema version and generation, set by the server
 * (DESIGN.md: clients on another schema must not write, clients holding another generation reset).
 */
import type * as Y from 'yjs';
import { SCHEMA_VERSION } from './schema';

/** What a document's `meta` map says; null where a key is missing or of the wrong type. */
export interface Meta {
  readonly schema: number | null;
  readonly generation: string | null;
  /** Revision and next documents only. */
  readonly title: string | null;
  readonly symbol: string | null;
  readonly revision: string | null;
}

/** The `meta` root of a document. */
export const metaMap = (ydoc: Y.Doc): Y.Map<unknown> => ydoc.getMap('meta');

/** Sets `meta.schema` to SCHEMA_VERSION and `meta.generation`, in one transaction. */
export const initMeta = (ydoc: Y.Doc, { generation }: { readonly generation: string }): void => {
  ydoc.transact(() => {
    const meta = metaMap(ydoc);
    meta.set('schema', SCHEMA_VERSION);
    meta.set('generation', generation);
  });
};

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Reads the `meta` map. */
export const readMeta = (ydoc: Y.Doc): Meta => {
  const meta = metaMap(ydoc);
  const schema = meta.get('schema');
  return {
    schema: typeof schema === 'number' ? schema : null,
    generation: str(meta.get('generation')),
    title: str(meta.get('title')),
    symbol: str(meta.get('symbol')),
    revision: str(meta.get('revision')),
  };
};
