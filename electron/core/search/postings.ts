// Compact posting lists: one growable byte array per (term, field), each
// posting varint-encoded as [doc delta][tf][positions byte length][position
// deltas...]. Positions make phrase queries exact without reading texts; the
// length prefix lets ranking skip them without decoding.
//
// Doc ids only grow (an edited document gets a new id), so every list stays
// sorted by doc id and lists can be intersected by merging.

export class PostingList {
  constructor(
    public bytes: Uint8Array = new Uint8Array(8),
    public len = 0,
    /** Postings in the list (including those of since-deleted documents). */
    public count = 0,
    public lastDoc = -1,
  ) {}

  private ensure(extra: number): void {
    if (this.len + extra <= this.bytes.length) return;
    // Small lists double; long ones (common words, loaded at their exact size) grow by an eighth,
    // so an edit after opening does not copy and double every long list it touches.
    const need = this.len + extra;
    const len = this.bytes.length;
    const cap = Math.max(16, need, len < 65_536 ? len * 2 : len + (len >> 3));
    const next = new Uint8Array(cap);
    next.set(this.bytes.subarray(0, this.len));
    this.bytes = next;
  }

  private put(v: number): void {
    const b = this.bytes;
    while (v >= 0x80) {
      b[this.len++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    b[this.len++] = v;
  }

  /** Appends a posting; `doc` must exceed every doc already in the list. */
  append(doc: number, positions: readonly number[]): void {
    const posBytes = encodeDeltas(positions);
    this.ensure(15 + posBytes.length);
    this.put(doc - this.lastDoc);
    this.put(positions.length);
    this.put(posBytes.length);
    this.bytes.set(posBytes, this.len);
    this.len += posBytes.length;
    this.lastDoc = doc;
    this.count++;
  }

  /** Trims spare capacity (before saving). */
  trimmed(): Uint8Array {
    return this.bytes.subarray(0, this.len);
  }
}

const scratch = { buf: new Uint8Array(1024) };
function encodeDeltas(positions: readonly number[]): Uint8Array {
  if (scratch.buf.length < positions.length * 5) scratch.buf = new Uint8Array(positions.length * 5);
  const b = scratch.buf;
  let n = 0;
  let prev = 0;
  for (const p of positions) {
    let v = p - prev;
    prev = p;
    while (v >= 0x80) {
      b[n++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    b[n++] = v;
  }
  return b.subarray(0, n);
}

/** A cursor over a list: call next() until it returns false; doc, tf, posStart, posEnd are the current posting. */
export class PostingCursor {
  doc = -1;
  tf = 0;
  posStart = 0;
  posEnd = 0;
  private p = 0;
  constructor(private readonly list: PostingList) {}

  next(): boolean {
    const b = this.list.bytes;
    if (this.p >= this.list.len) return false;
    let p = this.p;
    let x: number;
    let v = 0;
    let s = 0;
    do {
      x = b[p++]!;
      v |= (x & 0x7f) << s;
      s += 7;
    } while (x & 0x80);
    this.doc += v;
    v = 0;
    s = 0;
    do {
      x = b[p++]!;
      v |= (x & 0x7f) << s;
      s += 7;
    } while (x & 0x80);
    this.tf = v;
    v = 0;
    s = 0;
    do {
      x = b[p++]!;
      v |= (x & 0x7f) << s;
      s += 7;
    } while (x & 0x80);
    this.posStart = p;
    this.posEnd = p + v;
    this.p = p + v;
    return true;
  }

  /** Decodes the current posting's positions. */
  positions(): number[] {
    const b = this.list.bytes;
    const out: number[] = [];
    let p = this.posStart;
    let prev = 0;
    while (p < this.posEnd) {
      let x: number;
      let v = 0;
      let s = 0;
      do {
        x = b[p++]!;
        v |= (x & 0x7f) << s;
        s += 7;
      } while (x & 0x80);
      prev += v;
      out.push(prev);
    }
    return out;
  }
}
