/**
 * Budgets for decoding updates, and a byte-level scan of Yjs' update format (v1) that enforces
 * them before Yjs allocates anything. Crafted updates have hung or exhausted Yjs' decoders
 * (yjs #479, #498, #516, #687); this scan reads every length and count itself, refuses anything
 * over budget or malformed, and allocates nothing but counters, so that only well-formed updates
 * of bounded size ever reach `Y.decodeUpdate` or `Y.applyUpdate`.
 */

/** Limits on one update. Every limit is inclusive. */
export interface UpdateBudget {
  /** Bytes of the whole update. */
  readonly maxBytes: number;
  /** Structs (items, GC and skip ranges) in the update. */
  readonly maxStructs: number;
  /** Ranges in the update's delete set. */
  readonly maxDeleteRanges: number;
  /** Highest clock a struct or deletion may reach (real documents stay far below). */
  readonly maxClock: number;
  /** Bytes of one string (text run, key, node name, JSON text). */
  readonly maxStringBytes: number;
  /** Encoded bytes of one item's JSON-like content (ContentAny, ContentJSON, ContentEmbed/Format). */
  readonly maxValueBytes: number;
  /** Nesting depth of one JSON-like value. */
  readonly maxValueDepth: number;
}

/** Budgets that fit normal editing and the server's whole-proposal writes. */
export const DEFAULT_BUDGET: UpdateBudget = {
  maxBytes: 4 * 1024 * 1024,
  maxStructs: 200_000,
  maxDeleteRanges: 200_000,
  maxClock: 2 ** 32,
  maxStringBytes: 1024 * 1024,
  maxValueBytes: 256 * 1024,
  maxValueDepth: 32,
};

/** What the scan counted, or why it refused. */
export type ScanResult =
  | { readonly ok: true; readonly structs: number; readonly deleteRanges: number }
  | { readonly ok: false; readonly reason: string };

class Refusal extends Error {}

// A cursor over the bytes whose reads refuse (instead of reading past the end) and never allocate.
class Cursor {
  pos = 0;
  constructor(
    readonly bytes: Uint8Array,
    readonly budget: UpdateBudget,
  ) {}

  fail(reason: string): never {
    throw new Refusal(`${reason} at byte ${this.pos}`);
  }

  u8(): number {
    const b = this.bytes[this.pos];
    if (b === undefined) this.fail('truncated update');
    this.pos++;
    return b;
  }

  // lib0's varUint: 7 bits a byte, little end first. Past 7 bytes (49 bits) nothing real fits.
  varUint(): number {
    let num = 0;
    let mult = 1;
    for (let i = 0; i < 7; i++) {
      const r = this.u8();
      num += (r & 0x7f) * mult;
      if (r < 0x80) return num;
      mult *= 128;
    }
    return this.fail('integer too large');
  }

  // A struct id: client then clock, two varUints.
  id(): void {
    this.varUint();
    this.varUint();
  }

  // lib0's varInt: sign and 6 bits in the first byte, then 7 bits a byte.
  varInt(): void {
    let r = this.u8();
    for (let i = 0; r >= 0x80; i++) {
      if (i >= 7) this.fail('integer too large');
      r = this.u8();
    }
  }

  skip(n: number, what: string): void {
    if (n > this.bytes.length - this.pos) this.fail(`truncated ${what}`);
    this.pos += n;
  }

  string(what: string): number {
    const n = this.varUint();
    if (n > this.budget.maxStringBytes) this.fail(`${what} of ${n} bytes exceeds budget`);
    this.skip(n, what);
    return n;
  }

  // lib0's readAny, skipped with a depth limit (the byte limit is checked by the caller).
  any(depth: number): void {
    if (depth > this.budget.maxValueDepth) this.fail('value nested too deep');
    const tag = this.u8();
    switch (tag) {
      case 127: // undefined
      case 126: // null
      case 121: // false
      case 120: // true
        return;
      case 125:
        this.varInt();
        return;
      case 124:
        this.skip(4, 'float32');
        return;
      case 123:
      case 122: // float64, bigint64
        this.skip(8, 'number');
        return;
      case 119:
        this.string('string value');
        return;
      case 118: {
        const n = this.varUint();
        for (let i = 0; i < n; i++) {
          this.string('object key');
          this.any(depth + 1);
        }
        return;
      }
      case 117: {
        const n = this.varUint();
        for (let i = 0; i < n; i++) this.any(depth + 1);
        return;
      }
      case 116:
        this.skip(this.varUint(), 'binary value');
        return;
      default:
        this.fail(`unknown value tag ${tag}`);
    }
  }

  value<T>(read: () => T): T {
    const start = this.pos;
    const r = read();
    if (this.pos - start > this.budget.maxValueBytes)
      this.fail(`value of ${this.pos - start} bytes exceeds budget`);
    return r;
  }

  clock(clock: number, len: number): number {
    const end = clock + len;
    if (end > this.budget.maxClock) this.fail(`clock ${end} exceeds budget`);
    return end;
  }
}

// Item content: returns the item's length (an upper bound for strings, whose length Yjs counts
// in UTF-16 units, never more than their UTF-8 bytes).
const scanContent = (c: Cursor, ref: number): number => {
  switch (ref) {
    case 1: // ContentDeleted
      return c.varUint();
    case 2: // ContentJSON: strings of JSON
      return c.value(() => {
        const n = c.varUint();
        for (let i = 0; i < n; i++) c.string('JSON');
        return n;
      });
    case 3: // ContentBinary
      c.skip(c.varUint(), 'binary');
      return 1;
    case 4: // ContentString
      return c.string('text');
    case 5: // ContentEmbed
      c.value(() => c.string('embed'));
      return 1;
    case 6: // ContentFormat
      c.string('format key');
      c.value(() => c.string('format value'));
      return 1;
    case 7: {
      // ContentType
      const typeRef = c.varUint();
      if (typeRef > 6) c.fail(`unknown type ref ${typeRef}`);
      if (typeRef === 3 || typeRef === 5) c.string('node name');
      return 1;
    }
    case 8: // ContentAny
      return c.value(() => {
        const n = c.varUint();
        for (let i = 0; i < n; i++) c.any(0);
        return n;
      });
    case 9: // ContentDoc
      c.string('guid');
      c.value(() => c.any(0));
      return 1;
    default:
      return c.fail(`unknown content ref ${ref}`);
  }
};

const scan = (c: Cursor): { structs: number; deleteRanges: number } => {
  const { budget } = c;
  let structs = 0;
  const clients = c.varUint();
  for (let k = 0; k < clients; k++) {
    const n = c.varUint();
    structs += n;
    // Refuse before reading: a header claiming billions of structs costs nothing then.
    if (structs > budget.maxStructs) c.fail(`more than ${budget.maxStructs} structs`);
    c.varUint(); // client
    let clock = c.varUint();
    for (let i = 0; i < n; i++) {
      const info = c.u8();
      const ref = info & 0x1f;
      let len: number;
      if (ref === 0 || ref === 10) {
        // Yjs' two readers disagree on a GC or Skip tag with flag bits set: refuse it.
        if (info !== ref) c.fail(`malformed struct info ${info}`);
        len = c.varUint(); // GC, Skip
      } else {
        // An id is two varints: client and clock.
        if (info & 0x80) c.id(); // origin
        if (info & 0x40) c.id(); // right origin
        if ((info & 0xc0) === 0) {
          const parentIsRoot = c.varUint() === 1;
          if (parentIsRoot) c.string('root name');
          else c.id();
          if (info & 0x20) c.string('key');
        }
        len = scanContent(c, ref);
      }
      if (len < 1) c.fail('empty struct');
      clock = c.clock(clock, len);
    }
  }
  let deleteRanges = 0;
  const dsClients = c.varUint();
  for (let k = 0; k < dsClients; k++) {
    c.varUint(); // client
    const n = c.varUint();
    deleteRanges += n;
    if (deleteRanges > budget.maxDeleteRanges) c.fail(`more than ${budget.maxDeleteRanges} deleted ranges`);
    for (let i = 0; i < n; i++) {
      const clock = c.varUint();
      const len = c.varUint();
      // Yjs never writes an empty range, and applying one throws.
      if (len < 1) c.fail('empty deleted range');
      c.clock(clock, len);
    }
  }
  if (c.pos !== c.bytes.length) c.fail('trailing bytes');
  return { structs, deleteRanges };
};

/**
 * Scans a v1 update against `budget` without decoding it: counts structs and deleted ranges,
 * checks every length against the bytes that are there, and refuses unknown tags, oversized
 * values, clocks past the budget and trailing bytes. Never throws.
 */
export const scanUpdate = (update: Uint8Array, budget: UpdateBudget = DEFAULT_BUDGET): ScanResult => {
  if (!(update instanceof Uint8Array)) return { ok: false, reason: 'update is not a Uint8Array' };
  if (update.length > budget.maxBytes) {
    return { ok: false, reason: `update of ${update.length} bytes exceeds ${budget.maxBytes}` };
  }
  try {
    return { ok: true, ...scan(new Cursor(update, budget)) };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, reason: e.message };
    return { ok: false, reason: `unreadable update: ${e instanceof Error ? e.message : String(e)}` };
  }
};
