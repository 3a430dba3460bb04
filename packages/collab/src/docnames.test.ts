import { describe, expect, it } from 'vitest';
import { docName, parseDocName } from './index';

describe('docName and parseDocName', () => {
  it('round-trips every scope', () => {
    const refs = [
      { process: 'wsis20', scope: 'revision', revision: 0 },
      { process: 'wsis20', scope: 'revision', revision: 12 },
      { process: 'p_1-X', scope: 'next' },
      { process: 'p', scope: 'workspace', party: 'AU-group_2' },
      { process: 'p', scope: 'compilation' },
    ] as const;
    for (const ref of refs) expect(parseDocName(docName(ref))).toEqual(ref);
    expect(docName({ process: 'x', scope: 'revision', revision: 3 })).toBe('p/x/rev/3');
    expect(docName({ process: 'x', scope: 'workspace', party: 'eu' })).toBe('p/x/ws/eu');
  });

  it('refuses anything docName would not produce', () => {
    const bad = [
      '',
      'p',
      'p/',
      'p//next',
      'q/x/next',
      'p/x/next/',
      '/p/x/next',
      'p/x/rev/01',
      'p/x/rev/-1',
      'p/x/rev/1.5',
      'p/x/rev/',
      'p/x/rev/99999999',
      'p/x/ws/',
      'p/x/ws/a/b',
      'p/x/ws/a b',
      'p/x/ws/é',
      'p/x.y/next',
      `p/${'a'.repeat(65)}/next`,
      'p/x/compilation/1',
      'p/x/drafts',
      'p/x/ws/..',
    ];
    for (const s of bad) expect(parseDocName(s), s).toBeNull();
    expect(parseDocName(`p/${'a'.repeat(64)}/next`)).not.toBeNull();
  });

  it('throws on ids it cannot encode', () => {
    expect(() => docName({ process: 'a/b', scope: 'next' })).toThrow(RangeError);
    expect(() => docName({ process: 'a', scope: 'workspace', party: '' })).toThrow(RangeError);
    expect(() => docName({ process: 'a', scope: 'revision', revision: -1 })).toThrow(RangeError);
  });
});
