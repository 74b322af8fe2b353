import { describe, expect, it } from "vitest";
import { getToast, redirectWithToast, TOAST_COOKIE } from "~/utils/toast.server";

function cookieOf(response: Response) {
  return response.headers.getSetCookie().find((value) => value.startsWith(`${TOAST_COOKIE}=`))!.split(";")[0]!;
}

describe("toasts", () => {
  it("travel from a redirect to the next request once, and the reading clears them", async () => {
    const response = await redirectWithToast("/claims/3", { description: "Flagged." });
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe("/claims/3");
    const next = new Request("http://localhost/claims/3", { headers: { Cookie: cookieOf(response) } });
    const { toast, setCookie } = await getToast(next);
    expect(toast).toEqual({ type: "success", description: "Flagged." });
    expect(setCookie).toMatch(new RegExp(`^${TOAST_COOKIE}=.*Max-Age=0`));
  });

  it("are nothing when the request has none, and nothing (but cleared) when the cookie was not signed by the app", async () => {
    expect(await getToast(new Request("http://localhost/"))).toEqual({ toast: null, setCookie: null });
    const forged = `${TOAST_COOKIE}=${encodeURIComponent(btoa(JSON.stringify({ description: "Your account is closed." })))}`;
    const { toast, setCookie } = await getToast(new Request("http://localhost/", { headers: { Cookie: forged } }));
    expect(toast).toBeNull();
    expect(setCookie).not.toBeNull();
  });
});
