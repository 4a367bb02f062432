/**
 * Vectors kept as 8-bit integers with one scale each (`value ≈ code × scale`, the scale chosen so
 * the largest magnitude maps to 127): a quarter of the memory of float32, `dimensions + 4` bytes a
 * vector. A query stays in float32 and is scored against the codes directly (asymmetric: only the
 * stored side is rounded), which keeps the ranking close to exact float search. Slots of removed
 * vectors are reused.
 *
 * @example
 * const store = new QuantizedVectors(512)
 * const slot = store.add(vector)
 * store.nearest(query, 10) // [{ slot, score }]
 */
export class QuantizedVectors {
  private codes: Int8Array;
  private scales: Float32Array;
  private live: Uint8Array;
  private free: number[] = [];
  private used = 0;

  constructor(
    readonly dimensions: number,
    capacity = 1024,
  ) {
    this.codes = new Int8Array(capacity * dimensions);
    this.scales = new Float32Array(capacity);
    this.live = new Uint8Array(capacity);
  }

  /** Vectors stored. */
  get size(): number {
    return this.used - this.free.length;
  }

  /** Bytes the codes and scales of the stored vectors take. */
  get bytesPerVector(): number {
    return this.dimensions + Float32Array.BYTES_PER_ELEMENT;
  }

  /** Stores a vector (its length must be `dimensions`); returns its slot. */
  add(vector: ArrayLike<number>): number {
    const slot = this.free.pop() ?? this.grow();
    this.write(slot, vector);
    return slot;
  }

  /** Replaces the vector in a slot. */
  set(slot: number, vector: ArrayLike<number>): void {
    if (!this.live[slot]) throw new RangeError(`Slot ${slot} holds no vector.`);
    this.write(slot, vector);
  }

  /** Frees a slot; false when it held nothing. */
  remove(slot: number): boolean {
    if (!this.live[slot]) return false;
    this.live[slot] = 0;
    this.free.push(slot);
    return true;
  }

  /** The stored (rounded) vector of a slot, as floats. */
  vector(slot: number): Float32Array {
    const out = new Float32Array(this.dimensions);
    const scale = this.scales[slot] as number;
    const start = slot * this.dimensions;
    for (let index = 0; index < this.dimensions; index += 1) {
      out[index] = (this.codes[start + index] as number) * scale;
    }
    return out;
  }

  /** Dot product of a float query with a slot's stored vector. */
  score(query: ArrayLike<number>, slot: number): number {
    const codes = this.codes;
    const dimensions = this.dimensions;
    const start = slot * dimensions;
    let a = 0;
    let b = 0;
    let c = 0;
    let d = 0;
    let index = 0;
    // Four running sums: independent additions the engine can overlap.
    for (; index + 3 < dimensions; index += 4) {
      a += (query[index] as number) * (codes[start + index] as number);
      b += (query[index + 1] as number) * (codes[start + index + 1] as number);
      c += (query[index + 2] as number) * (codes[start + index + 2] as number);
      d += (query[index + 3] as number) * (codes[start + index + 3] as number);
    }
    for (; index < dimensions; index += 1) {
      a += (query[index] as number) * (codes[start + index] as number);
    }
    return (a + b + c + d) * (this.scales[slot] as number);
  }

  /** The codes and scale of a slot (a copy), as `export()` and storage keep them. */
  codesOf(slot: number): { codes: Int8Array; scale: number } {
    if (!this.live[slot]) throw new RangeError(`Slot ${slot} holds no vector.`);
    const start = slot * this.dimensions;
    return {
      codes: this.codes.slice(start, start + this.dimensions),
      scale: this.scales[slot] as number,
    };
  }

  /** Stores a vector already coded (from storage or an import); returns its slot. */
  addCodes(codes: ArrayLike<number>, scale: number): number {
    if (codes.length !== this.dimensions) {
      throw new RangeError(`Expected ${this.dimensions} codes; got ${codes.length}.`);
    }
    const slot = this.free.pop() ?? this.grow();
    this.codes.set(codes, slot * this.dimensions);
    this.scales[slot] = scale;
    this.live[slot] = 1;
    return slot;
  }

  /**
   * The `k` stored vectors of largest dot product with `query` (cosine for unit vectors), best
   * first; `accept` filters slots.
   */
  nearest(
    query: ArrayLike<number>,
    k: number,
    accept?: (slot: number) => boolean,
  ): { slot: number; score: number }[] {
    const best: { slot: number; score: number }[] = [];
    this.scan(query, k, accept, 0, this.used, best);
    return best;
  }

  /**
   * {@link nearest}, scanning at most `slotsPerSlice` slots before it lets the event loop run
   * (so a large store never blocks a page for long), and stopping when `isCancelled` says so.
   */
  async nearestInSlices(
    query: ArrayLike<number>,
    k: number,
    options: {
      accept?: ((slot: number) => boolean) | undefined;
      slotsPerSlice: number;
      pause: () => Promise<void>;
      isCancelled?: () => boolean;
    },
  ): Promise<{ slot: number; score: number }[]> {
    const best: { slot: number; score: number }[] = [];
    for (let from = 0; from < this.used; from += options.slotsPerSlice) {
      if (from > 0) {
        await options.pause();
        if (options.isCancelled?.()) return best;
      }
      this.scan(
        query,
        k,
        options.accept,
        from,
        Math.min(this.used, from + options.slotsPerSlice),
        best,
      );
    }
    return best;
  }

  private scan(
    query: ArrayLike<number>,
    k: number,
    accept: ((slot: number) => boolean) | undefined,
    from: number,
    to: number,
    best: { slot: number; score: number }[],
  ): void {
    if (k <= 0) return;
    let floor =
      best.length === k ? (best[k - 1] as { score: number }).score : Number.NEGATIVE_INFINITY;
    // The slot count may have shrunk while a sliced scan paused (a clear).
    const end = Math.min(to, this.used);
    for (let slot = from; slot < end; slot += 1) {
      if (!this.live[slot] || (accept && !accept(slot))) continue;
      const score = this.score(query, slot);
      if (best.length === k && score <= floor) continue;
      let at = best.length;
      while (at > 0 && (best[at - 1] as { score: number }).score < score) at -= 1;
      best.splice(at, 0, { slot, score });
      if (best.length > k) best.pop();
      if (best.length === k) floor = (best[k - 1] as { score: number }).score;
    }
  }

  private write(slot: number, vector: ArrayLike<number>): void {
    if (vector.length !== this.dimensions) {
      throw new RangeError(
        `Expected a vector of ${this.dimensions} numbers; got ${vector.length}.`,
      );
    }
    let largest = 0;
    for (let index = 0; index < vector.length; index += 1) {
      const value = vector[index] as number;
      if (!Number.isFinite(value)) throw new RangeError(`Vector value ${index} is ${value}.`);
      largest = Math.max(largest, Math.abs(value));
    }
    const scale = largest / 127;
    const start = slot * this.dimensions;
    for (let index = 0; index < vector.length; index += 1) {
      this.codes[start + index] = scale === 0 ? 0 : Math.round((vector[index] as number) / scale);
    }
    this.scales[slot] = scale;
    this.live[slot] = 1;
  }

  private grow(): number {
    if (this.used === this.scales.length) {
      const capacity = this.scales.length * 2;
      const codes = new Int8Array(capacity * this.dimensions);
      codes.set(this.codes);
      const scales = new Float32Array(capacity);
      scales.set(this.scales);
      const live = new Uint8Array(capacity);
      live.set(this.live);
      this.codes = codes;
      this.scales = scales;
      this.live = live;
    }
    return this.used++;
  }
}
