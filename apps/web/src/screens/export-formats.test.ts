import { formatsOf, EXPORT_VIEWS as SERVER_VIEWS } from '@bis/formats';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS_OF, EXPORT_VIEWS } from './export-formats';

describe('the export dialog formats', () => {
  it('offers every view the server exports', () => {
    expect([...EXPORT_VIEWS].sort()).toEqual([...SERVER_VIEWS].sort());
  });

  it('offers, for each view, exactly the formats the server and the CLI accept for it', () => {
    for (const view of EXPORT_VIEWS) expect(EXPORT_FORMATS_OF[view], view).toEqual(formatsOf(view));
  });

  it('offers plain text for the revision view', () => {
    expect(EXPORT_FORMATS_OF.revision).toContain('txt');
  });
});
