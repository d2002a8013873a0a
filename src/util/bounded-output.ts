// Output kept in bounded memory: the first and the last bytes of a stream, and how many bytes
// in between were dropped (a command printing gigabytes must not take the run down).
export class BoundedOutput {
  private readonly head: Buffer[] = [];
  private headBytes = 0;
  private tail: Buffer[] = [];
  private tailBytes = 0;
  dropped = 0;

  constructor(
    private readonly headLimit: number,
    private readonly tailLimit: number,
  ) {}

  push(chunk: Buffer): void {
    if (this.headBytes < this.headLimit) {
      const take = chunk.subarray(0, this.headLimit - this.headBytes);
      this.head.push(take);
      this.headBytes += take.length;
      chunk = chunk.subarray(take.length);
    }
    if (chunk.length === 0) return;
    this.tail.push(chunk);
    this.tailBytes += chunk.length;
    if (this.tailBytes > this.tailLimit * 2) this.trimTail();
  }

  // The kept bytes, with a line saying how much was dropped between head and tail.
  toBuffer(): Buffer {
    this.trimTail();
    const parts = [...this.head];
    if (this.dropped > 0) parts.push(Buffer.from(`\n[… ${this.dropped} bytes of output dropped …]\n`));
    return Buffer.concat([...parts, ...this.tail]);
  }

  toString(): string {
    return this.toBuffer().toString("utf8");
  }

  private trimTail(): void {
    if (this.tailBytes <= this.tailLimit) return;
    const all = Buffer.concat(this.tail);
    const keep = all.subarray(all.length - this.tailLimit);
    this.dropped += all.length - keep.length;
    this.tail = [keep];
    this.tailBytes = keep.length;
  }
}
