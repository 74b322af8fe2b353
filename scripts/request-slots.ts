// How many requests one app process works on at once (REQUEST_CONCURRENCY). The others wait their turn in
// arrival order. On a busy process each request in flight holds its page as it is rendered, encoded and
// compressed (up to ~1 MB of strings and buffers for a signed-in episode page): fifty at once take more
// memory and answer no sooner than a few at a time, since the work shares the same CPU either way
// (docs/performance.md, "Load and faults"). Answers from the page cache never wait: they are given
// before Remix (scripts/server.ts).

import type { EventEmitter } from "node:events";

export class RequestSlots {
  private busy = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly size: number) {}

  /** Waits for a free slot; the function it resolves to frees it (once). */
  async acquire(): Promise<() => void> {
    if (this.busy >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.busy += 1;
    let freed = false;
    return () => {
      if (freed) return;
      freed = true;
      const next = this.waiting.shift();
      // The slot passes straight to the next request in line; otherwise it is free.
      if (next) next();
      else this.busy -= 1;
    };
  }

  /**
   * Waits for a slot for the answer `res` and frees it when `res` closes (answered, or its client gone).
   * False when the client went away while the request waited: it is not worked on at all, and the slot
   * passes on — a request that waited and was abandoned can never keep one.
   */
  async hold(res: EventEmitter): Promise<boolean> {
    let gone = false;
    const onGone = () => {
      gone = true;
    };
    res.once("close", onGone);
    const release = await this.acquire();
    res.off("close", onGone);
    if (gone) {
      release();
      return false;
    }
    res.once("close", release);
    return true;
  }

  /** Requests being worked on, and waiting (healthz, tests). */
  get load() {
    return { busy: this.busy, waiting: this.waiting.length };
  }
}
