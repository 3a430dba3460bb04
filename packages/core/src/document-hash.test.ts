import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { docOf, para } from './builders.test-util';
import { baseRefOf, describeBase, documentHash, isBaseOf, sha256Hex } from './document-hash';
import { paragraphId, paragraphsOf } from './model';

describe('sha256Hex', () => {
  it('gives the FIPS 180-4 test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('agrees with node:crypto on texts of every length and script', () => {
    const samples = ['é', '§77 bis — “digital dignity”', 'المساواة', '𝔘𝔑 👩🏽‍💻'];
    for (let n = 0; n < 200; n++) samples.push('x'.repeat(n), `${'Recalling '.repeat(n)}resolution 70/125,`);
    for (const s of samples) expect(sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
  });
});

describe('documentHash', () => {
  const rev1 = docOf(para('1', 'Member States shall promote open standards.'), para('2', 'Text of 2.'));

  it('is the same for the same paragraphs whatever the ids, title and revision name', () => {
    const copy = {
      ...rev1,
      title: 'Another title',
      revision: 'Rev.9',
      blocks: paragraphsOf(rev1).map((b, i) => ({ ...b, id: paragraphId(`other-${i}`) })),
    };
    expect(documentHash(copy)).toBe(documentHash(rev1));
    expect(documentHash(rev1)).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('changes with one word, one label or one point', () => {
    const hashes = new Set([
      documentHash(rev1),
      documentHash(
        docOf(para('1', 'Member States shall actively promote open standards.'), para('2', 'Text of 2.')),
      ),
      documentHash(
        docOf(para('1', 'Member States shall promote open standards.'), para('2 bis', 'Text of 2.')),
      ),
      documentHash(
        docOf(
          para('1', 'Member States shall promote open standards.'),
          para('2', 'Text of 2.', [['a', 'x']]),
        ),
      ),
      // The separators keep label/text boundaries apart: "1" + "2 x" is not "1 2" + "x".
      documentHash(docOf(para('1', '2 x'))),
      documentHash(docOf(para('1 2', 'x'))),
    ]);
    expect(hashes.size).toBe(6);
  });

  it('makes a reference that names the base and recognises it', () => {
    const ref = baseRefOf({ ...rev1, symbol: 'A/80/L.41', revision: 'Rev.1' });
    expect(ref).toMatchObject({ symbol: 'A/80/L.41', revision: 'Rev.1', title: 'Test text' });
    expect(isBaseOf(ref, rev1)).toBe(true);
    expect(isBaseOf(ref, docOf(para('1', 'Other.')))).toBe(false);
    expect(describeBase(ref)).toMatch(/^“Rev\.1” of A\/80\/L\.41 \(sha256:[0-9a-f]{8}…\)$/);
  });
});
