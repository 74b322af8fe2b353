import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { RequestSlots } from "../../scripts/request-slots";

describe("request slots", () => {
  it("lets `size` requests work at once and hands a freed slot to the first in line", async () => {
    const slots = new RequestSlots(2);
    const first = await slots.acquire();
    const second = await slots.acquire();
    const order: string[] = [];
    const third = slots.acquire().then((release) => (order.push("third"), release));
    const fourth = slots.acquire().then((release) => (order.push("fourth"), release));
    expect(slots.load).toEqual({ busy: 2, waiting: 2 });

    first();
    const releaseThird = await third;
    expect(order).toEqual(["third"]);
    expect(slots.load).toEqual({ busy: 2, waiting: 1 });

    second();
    await fourth;
    expect(order).toEqual(["third", "fourth"]);
    releaseThird();
    expect(slots.load).toEqual({ busy: 1, waiting: 0 });
  });

  it("frees a slot once however often its release is called (a response that finishes, then closes)", async () => {
    const slots = new RequestSlots(1);
    const release = await slots.acquire();
    release();
    release();
    expect(slots.load).toEqual({ busy: 0, waiting: 0 });
    const again = await slots.acquire();
    expect(slots.load).toEqual({ busy: 1, waiting: 0 });
    again();
  });

  it("frees a held slot when its answer closes, and never gives one to a request whose client left while it waited", async () => {
    const slots = new RequestSlots(1);
    const answered = new EventEmitter();
    const abandoned = new EventEmitter();
    const next = new EventEmitter();
    expect(await slots.hold(answered)).toBe(true);
    const waiting = slots.hold(abandoned);
    abandoned.emit("close"); // the client gave up while the request waited
    const after = slots.hold(next);
    answered.emit("close");
    expect(await waiting).toBe(false);
    expect(await after).toBe(true);
    expect(slots.load).toEqual({ busy: 1, waiting: 0 });
    next.emit("close");
    expect(slots.load).toEqual({ busy: 0, waiting: 0 });
  });
});
