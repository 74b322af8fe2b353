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
});
