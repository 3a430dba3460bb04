import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { negotiationDocument, sampleDocument, sampleProposal } from './builders.test-util';
import {
  CLIENT_READ_ONLY_ROOTS,
  createDraft,
  type DraftInput,
  initMeta,
  scanUpdate,
  textFragment,
  validateUpdate,
  writeCompiledProposal,
  writeDocument,
} from './index';

const draftInput = (id: string): DraftInput => ({
  id,
  party: 'Kenya',
  action: 'insert',
  targets: [{ paragraph: null, label: '77', point: null }],
  position: 'after',
  label: '77 bis',
  summary: 'New paragraph',
  textMode: 'replace',
  text: 'Calls upon States\nto act.',
  rationale: 'Because.',
  createdBy: 'u1',
  createdAt: '2026-01-01T00:00:00Z',
});

// A replica of `base` and the update of the changes `edit` makes to it.
const edited = (base: Y.Doc, edit: (d: Y.Doc) => void): { server: Y.Doc; update: Uint8Array } => {
  const server = new Y.Doc();
  Y.applyUpdate(server, Y.encodeStateAsUpdate(base));
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(base));
  const sv = Y.encodeStateVector(client);
  edit(client);
  return { server, update: Y.encodeStateAsUpdate(client, sv) };
};

const revisionBase = (): Y.Doc => {
  const d = new Y.Doc();
  initMeta(d, { generation: 'g1' });
  writeDocument(d, sampleDocument());
  return d;
};

const firstBodyText = (d: Y.Doc): Y.XmlText => {
  const para = textFragment(d)
    .toArray()
    .find((n) => n instanceof Y.XmlElement && n.nodeName === 'paragraph') as Y.XmlElement;
  return (para.get(0) as Y.XmlElement).get(0) as Y.XmlText;
};

const refused = (r: ReturnType<typeof validateUpdate>, pattern: RegExp): void => {
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.reason).toMatch(pattern);
};

describe('validateUpdate accepts what the API and editors write', () => {
  it('accepts whole documents of every scope', () => {
    const ws = new Y.Doc();
    initMeta(ws, { generation: 'g' });
    createDraft(ws, draftInput('d1'));
    expect(validateUpdate('workspace', Y.encodeStateAsUpdate(ws))).toMatchObject({ ok: true });
    const comp = new Y.Doc();
    writeCompiledProposal(comp, sampleProposal('x1'));
    expect(validateUpdate('compilation', Y.encodeStateAsUpdate(comp))).toMatchObject({ ok: true });
    expect(validateUpdate('revision', Y.encodeStateAsUpdate(revisionBase()))).toMatchObject({ ok: true });
  });

  it('accepts typing, formatting, attribute changes and deletions checked against the document', () => {
    const base = revisionBase();
    const cases: ((d: Y.Doc) => void)[] = [
      (d) => firstBodyText(d).insert(3, 'typed'),
      (d) => firstBodyText(d).format(0, 5, { strong: {} }),
      (d) => firstBodyText(d).delete(0, 10),
      (d) => (textFragment(d).get(4) as Y.XmlElement).setAttribute('label', '1 bis'),
      (d) => textFragment(d).delete(3, 2),
      (d) => {
        const p = new Y.XmlElement('paragraph');
        p.setAttribute('id', 'new');
        p.insert(0, [new Y.XmlElement('body')]);
        textFragment(d).insert(4, [p]);
      },
      (d) => d.getMap('meta').set('generation', 'g2'),
    ];
    for (const edit of cases) {
      const { server, update } = edited(base, edit);
      expect(validateUpdate('next', update, {}, server)).toMatchObject({ ok: true });
    }
  });

  it('accepts label styles, tags and chapeau headings, written whole or set by an editor', () => {
    const whole = new Y.Doc();
    initMeta(whole, { generation: 'g1' });
    writeDocument(whole, negotiationDocument());
    expect(validateUpdate('revision', Y.encodeStateAsUpdate(whole))).toMatchObject({ ok: true });
    const el = (d: Y.Doc, i: number) => textFragment(d).get(i) as Y.XmlElement;
    const cases: ((d: Y.Doc) => void)[] = [
      (d) => el(d, 1).setAttribute('labelStyle', 'lettered'),
      (d) => el(d, 1).removeAttribute('labelStyle'),
      (d) => el(d, 2).setAttribute('tags', ['agreed', 'ad ref'] as unknown as string),
      (d) => el(d, 2).setAttribute('tags', [] as unknown as string),
      (d) => el(d, 2).removeAttribute('tags'),
      (d) => el(d, 0).removeAttribute('role'),
      (d) => el(d, 3).setAttribute('role', 'chapeau'),
      (d) => el(d, 3).setAttribute('tags', ['Suggested for Closure'] as unknown as string),
    ];
    for (const edit of cases) {
      const { server, update } = edited(whole, edit);
      expect(validateUpdate('next', update, {}, server)).toMatchObject({ ok: true });
    }
  });

  it('accepts edits of an existing draft checked against the document', () => {
    const base = new Y.Doc();
    createDraft(base, draftInput('d1'));
    const draft = (d: Y.Doc) => d.getMap('drafts').get('d1') as Y.Map<unknown>;
    const cases: ((d: Y.Doc) => void)[] = [
      (d) => draft(d).set('summary', 'changed'),
      (d) => draft(d).set('links', [{ to: 'd2', note: 'see' }]),
      (d) =>
        (((draft(d).get('text') as Y.XmlFragment).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'x'),
      (d) => d.getMap('drafts').delete('d1'),
      (d) => createDraft(d, draftInput('d2')),
    ];
    for (const edit of cases) {
      const { server, update } = edited(base, edit);
      expect(validateUpdate('workspace', update, {}, server)).toMatchObject({ ok: true });
    }
  });

  it('accepts a delete-only update (whether the sender may write is the caller’s decision)', () => {
    const { server, update } = edited(revisionBase(), (d) => textFragment(d).delete(0, 3));
    const r = validateUpdate('next', update, {}, server);
    expect(r).toMatchObject({ ok: true, structs: 0 });
    if (r.ok) expect(r.deleteRanges).toBeGreaterThan(0);
  });
});

describe('validateUpdate refuses what does not fit the scope', () => {
  const fresh = (f: (d: Y.Doc) => void): Uint8Array => {
    const d = new Y.Doc();
    f(d);
    return Y.encodeStateAsUpdate(d);
  };

  it('refuses an unknown root', () => {
    refused(
      validateUpdate(
        'next',
        fresh((d) => d.getMap('evil').set('a', 1)),
      ),
      /unknown root "evil"/,
    );
    refused(
      validateUpdate(
        'compilation',
        fresh((d) => d.getMap('drafts').set('d1', new Y.Map())),
      ),
      /unknown root "drafts"|Y.Map not allowed/,
    );
  });

  it('refuses a Y.Array written at a Y.Map root name', () => {
    refused(
      validateUpdate(
        'next',
        fresh((d) => d.getArray('meta').insert(0, [1])),
      ),
      /root "meta" is a map/,
    );
    refused(
      validateUpdate(
        'workspace',
        fresh((d) => d.getArray('drafts').insert(0, ['x'])),
      ),
      /root "drafts" is a map/,
    );
  });

  it('refuses a map written at the text root', () => {
    refused(
      validateUpdate(
        'next',
        fresh((d) => d.getMap('text').set('a', 'b')),
      ),
      /root "text" is a fragment/,
    );
  });

  it('refuses unknown nodes, misplaced nodes, unknown attributes and marks', () => {
    const el = (name: string) => (d: Y.Doc) => textFragment(d).insert(0, [new Y.XmlElement(name)]);
    refused(validateUpdate('next', fresh(el('script'))), /unknown node "script"/);
    refused(validateUpdate('next', fresh(el('body'))), /<body> not allowed in root "text"/);
    refused(validateUpdate('next', fresh(el('doc'))), /unknown node "doc"/);
    refused(
      validateUpdate(
        'next',
        fresh((d) => {
          const p = new Y.XmlElement('paragraph');
          p.setAttribute('onclick', 'x');
          textFragment(d).insert(0, [p]);
        }),
      ),
      /unknown attribute "onclick" of <paragraph>/,
    );
    refused(
      validateUpdate(
        'next',
        fresh((d) => {
          const p = new Y.XmlElement('paragraph');
          p.insert(0, [new Y.XmlText('loose text')]);
          textFragment(d).insert(0, [p]);
        }),
      ),
      /Y.XmlText not allowed in <paragraph>/,
    );
    refused(
      validateUpdate(
        'next',
        fresh((d) => {
          const t = new Y.XmlText();
          const b = new Y.XmlElement('preamble');
          b.insert(0, [t]);
          textFragment(d).insert(0, [b]);
          t.insert(0, 'x', { link: { href: 'javascript:' } });
        }),
      ),
      /unknown mark "link"/,
    );
  });

  it('refuses attribute values outside their type: label style, role, tags, level, label', () => {
    const base = new Y.Doc();
    writeDocument(base, negotiationDocument());
    const set = (i: number, key: string, value: unknown) => (d: Y.Doc) =>
      (textFragment(d).get(i) as Y.XmlElement).setAttribute(key, value as string);
    const cases: [(d: Y.Doc) => void, RegExp][] = [
      [
        set(1, 'labelStyle', 'roman'),
        /attribute "labelStyle" of <paragraph> must be one of "lettered", "unnumbered"/,
      ],
      [set(1, 'labelStyle', 1), /"labelStyle".*must be one of/],
      [set(0, 'role', 'title'), /attribute "role" of <heading> must be one of "chapeau"/],
      [set(1, 'tags', 'agreed'), /"tags" of <paragraph> must be a list of tags/],
      [set(1, 'tags', ['[agreed]']), /tag 1: a tag has no square brackets/],
      [set(1, 'tags', ['agreed', '']), /tag 2: a tag must be words/],
      [set(1, 'tags', ['agreed', 7]), /tag 2: a tag must be a string/],
      [set(1, 'tags', [' agreed']), /tag 1: a tag must be words without surrounding spaces/],
      [set(0, 'tags', [{ x: 1 }]), /"tags" of <heading>.*must be a string/],
      [set(3, 'level', 'II'), /"level" of <heading> must be a whole number from 1 to 6/],
      [set(3, 'level', 9), /whole number/],
      [set(1, 'label', 7), /"label" of <paragraph> must be a string/],
      [set(1, 'label', null), /"label" of <paragraph> must be a string/],
    ];
    for (const [edit, reason] of cases) {
      const { server, update } = edited(base, edit);
      refused(validateUpdate('next', update, {}, server), reason);
    }
    // A mark's attributes are typed too.
    const { server, update } = edited(base, (d) => {
      const body = (textFragment(d).get(1) as Y.XmlElement).get(0) as Y.XmlElement;
      (body.get(0) as Y.XmlText).format(0, 3, { ins: { by: 42 } });
    });
    refused(validateUpdate('next', update, {}, server), /attribute "by" of mark "ins" must be a string/);
  });

  it('refuses the other kinds of content', () => {
    refused(
      validateUpdate(
        'next',
        fresh((d) => d.getMap('meta').set('title', new Uint8Array([1]))),
      ),
      /Binary not allowed/,
    );
    refused(
      validateUpdate(
        'next',
        fresh((d) => d.getMap('meta').set('title', new Y.Doc())),
      ),
      /Doc not allowed/,
    );
    refused(
      validateUpdate(
        'next',
        fresh((d) => d.getMap('meta').set('title', new Y.Text('x'))),
      ),
      /Y.Text not allowed/,
    );
    refused(
      validateUpdate(
        'next',
        fresh((d) => d.getMap('meta').set('schema', 'one')),
      ),
      /meta.schema must be number/,
    );
    refused(
      validateUpdate(
        'next',
        fresh((d) => d.getMap('meta').set('color', 'red')),
      ),
      /unknown meta key "color"/,
    );
    refused(
      validateUpdate(
        'compilation',
        fresh((d) => d.getMap('proposals').set('x1', { id: 'x2' })),
      ),
      /with id "x1"/,
    );
    refused(
      validateUpdate(
        'compilation',
        fresh((d) => d.getMap('proposals').set('../x', { id: '../x' })),
      ),
      /invalid id/,
    );
  });

  it('refuses unknown draft fields and fields of the wrong type', () => {
    const withDraft = (f: (m: Y.Map<unknown>) => void) =>
      fresh((d) => {
        const m = new Y.Map<unknown>();
        d.getMap('drafts').set('d1', m);
        f(m);
      });
    refused(
      validateUpdate(
        'workspace',
        withDraft((m) => m.set('status', 'tabled')),
      ),
      /unknown draft field "status"/,
    );
    refused(
      validateUpdate(
        'workspace',
        withDraft((m) => m.set('targets', 'p1')),
      ),
      /"targets" must be json:array/,
    );
    refused(
      validateUpdate(
        'workspace',
        withDraft((m) => m.set('text', 'plain')),
      ),
      /"text" must be a Y.XmlFragment/,
    );
  });

  it('refuses, with the document, content placed through origins only', () => {
    // meta.title overwritten by an item whose only placement info is its origin (the old value).
    const base = revisionBase();
    const { server, update } = edited(base, (d) => d.getMap('meta').set('title', 42));
    refused(validateUpdate('next', update, {}, server), /meta.title must be string/);
    // A node typed after existing text in a paragraph body: text is fine, an element is not.
    const { server: s2, update: u2 } = edited(base, (d) => {
      const body = (textFragment(d).get(4) as Y.XmlElement).get(0) as Y.XmlElement;
      body.insert(body.length, [new Y.XmlElement('heading')]);
    });
    refused(validateUpdate('next', u2, {}, s2), /<heading> not allowed in <body>/);
    // An existing draft gets an unknown field.
    const ws = new Y.Doc();
    createDraft(ws, draftInput('d1'));
    const { server: s3, update: u3 } = edited(ws, (d) =>
      (d.getMap('drafts').get('d1') as Y.Map<unknown>).set('decision', 'accepted'),
    );
    refused(validateUpdate('workspace', u3, {}, s3), /unknown draft field "decision"/);
  });

  it('refuses, with the document, an update depending on structs it lacks', () => {
    const base = revisionBase();
    const a = new Y.Doc();
    Y.applyUpdate(a, Y.encodeStateAsUpdate(base));
    const sv0 = Y.encodeStateVector(a);
    firstBodyText(a).insert(0, 'first ');
    const sv1 = Y.encodeStateVector(a);
    firstBodyText(a).insert(0, 'second ');
    const second = Y.encodeStateAsUpdate(a, sv1);
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(base));
    refused(validateUpdate('next', second, {}, server), /depends on structs/);
    expect(validateUpdate('next', Y.encodeStateAsUpdate(a, sv0), {}, server).ok).toBe(true);
  });
});

describe('budgets and malformed bytes', () => {
  const valid = Y.encodeStateAsUpdate(revisionBase());

  it('refuses by size, struct count and value size before decoding', () => {
    refused(validateUpdate('next', valid, { maxBytes: valid.length - 1 }), /exceeds/);
    refused(validateUpdate('next', valid, { maxStructs: 3 }), /more than 3 structs/);
    const big = new Y.Doc();
    big.getMap('meta').set('title', 'x'.repeat(5000));
    refused(
      validateUpdate('next', Y.encodeStateAsUpdate(big), { maxValueBytes: 1000 }),
      /value of \d+ bytes exceeds budget/,
    );
    let nested: unknown = 'x';
    for (let i = 0; i < 40; i++) nested = [nested];
    const deep = new Y.Doc();
    deep.getMap('proposals').set('x', { id: 'x', deep: nested });
    refused(validateUpdate('compilation', Y.encodeStateAsUpdate(deep)), /nested too deep/);
  });

  it('refuses the public crashers: empty, garbage, huge counts, trailing bytes', () => {
    const enc = new TextEncoder();
    const cases: [Uint8Array, RegExp][] = [
      [new Uint8Array(0), /truncated/], // yjs #498
      [enc.encode('!!!!'), /truncated|struct|value|ref/], // y-websocket #82
      [enc.encode('99999999999999999999'), /./], // y-websocket #95
      [new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]), /integer too large/], // yjs #479
      [new Uint8Array([1, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 0]), /more than \d+ structs/], // yjs #687: counts claiming billions
      [new Uint8Array([0, 0xff, 0xff, 0xff, 0xff, 0x0f]), /truncated/],
      [new Uint8Array([1, 1, 1, 0, 0, 0xff, 0xff, 0xff, 0xff, 0x7f, 0]), /clock .* exceeds budget/],
      [new Uint8Array([0, 0, 0]), /trailing bytes/],
      [new Uint8Array([1, 1, 5, 0, 0x8a, 3, 0]), /malformed struct info/],
      [new Uint8Array([1, 1, 5, 0, 0x28, 1, 4, 'm'.charCodeAt(0), 0]), /./],
    ];
    for (const [bytes, reason] of cases) refused(validateUpdate('next', bytes), reason);
    expect(validateUpdate('next', new Uint8Array([0, 0]))).toMatchObject({ ok: true, structs: 0 });
  });

  it('agrees with Yjs on the struct count of real updates', () => {
    const r = scanUpdate(valid);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.structs).toBe(Y.decodeUpdate(valid).structs.length);
  });

  it('never throws on thousands of truncated, bit-flipped and spliced updates (seeded)', () => {
    const seed = Number(process.env.BIS_SEED ?? 20260101);
    let s = seed >>> 0;
    const rand = () => {
      s = (s + 0x6d2b79f5) >>> 0;
      let t = s;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const int = (n: number) => Math.floor(rand() * n);
    const ws = new Y.Doc();
    createDraft(ws, draftInput('d1'));
    const comp = new Y.Doc();
    writeCompiledProposal(comp, sampleProposal('x1'));
    type Scope3 = 'next' | 'workspace' | 'compilation';
    const base = revisionBase();
    const baseUpdate = Y.encodeStateAsUpdate(base);
    // [scope, update, state the update applies to (checked with the document) or none]
    const corpus: [Scope3, Uint8Array, Uint8Array | null][] = [
      ['next', valid, null],
      ['workspace', Y.encodeStateAsUpdate(ws), null],
      ['compilation', Y.encodeStateAsUpdate(comp), null],
      ['next', edited(base, (d) => firstBodyText(d).insert(2, 'x', { em: {} })).update, baseUpdate],
      ['next', edited(base, (d) => textFragment(d).delete(2, 4)).update, baseUpdate],
      [
        'next',
        edited(base, (d) => (textFragment(d).get(4) as Y.XmlElement).setAttribute('label', '9')).update,
        baseUpdate,
      ],
    ];
    let accepted = 0;
    for (let i = 0; i < Number(process.env.BIS_FUZZ_N ?? 2000); i++) {
      const [scope, orig, state] = corpus[int(corpus.length)] as [Scope3, Uint8Array, Uint8Array | null];
      const u = orig.slice();
      let bytes: Uint8Array = u;
      switch (int(4)) {
        case 0:
          bytes = u.subarray(0, int(u.length));
          break;
        case 1:
          for (let k = 0, n = 1 + int(4); k < n; k++) {
            const at = int(u.length);
            u[at] = (u[at] as number) ^ (1 << int(8));
          }
          break;
        case 2:
          for (let k = 0, n = 1 + int(3); k < n; k++) u[int(u.length)] = int(256);
          break;
        default:
          bytes = Uint8Array.from({ length: int(64) }, () => int(256));
      }
      let r: ReturnType<typeof validateUpdate>;
      let target = new Y.Doc();
      try {
        const doc = state ? new Y.Doc() : undefined;
        if (doc && state) Y.applyUpdate(doc, state);
        r = validateUpdate(scope, bytes, {}, doc);
        if (r.ok && doc) target = doc;
      } catch (e) {
        throw new Error(`validateUpdate threw on case ${i} (seed ${seed}): ${String(e)}`);
      }
      if (r.ok) {
        accepted++;
        // What passes must also apply cleanly.
        try {
          Y.applyUpdate(target, bytes);
        } catch (e) {
          throw new Error(
            `accepted update failed to apply on case ${i} (seed ${seed}): ${String(e)} ${JSON.stringify([...bytes])} ${JSON.stringify([...orig])}`,
          );
        }
      }
    }
    expect(accepted).toBeGreaterThan(0);
  }, 600_000);
});

describe('server-only roots', () => {
  const clientOnly = { serverOnlyRoots: CLIENT_READ_ONLY_ROOTS };

  it('refuses a client write to meta, which the server alone sets', () => {
    const { server, update } = edited(revisionBase(), (c) => c.getMap('meta').set('generation', 'forged'));
    refused(validateUpdate('revision', update, {}, server, clientOnly), /meta.*server only/);
    // The same update is well-formed: only the writer makes it wrong.
    expect(validateUpdate('revision', update, {}, server).ok).toBe(true);
  });

  it('refuses a client deleting from meta, and accepts a delete set it already has', () => {
    const { server, update } = edited(revisionBase(), (c) => c.getMap('meta').delete('generation'));
    refused(validateUpdate('revision', update, {}, server, clientOnly), /deletion.*server only/);
    Y.applyUpdate(server, update);
    expect(validateUpdate('revision', update, {}, server, clientOnly).ok).toBe(true);
  });

  it('accepts a client editing the text', () => {
    const { server, update } = edited(revisionBase(), (c) => firstBodyText(c).insert(0, 'New '));
    expect(validateUpdate('revision', update, {}, server, clientOnly).ok).toBe(true);
  });
});
