import { describe, expect, it, vi } from "vitest";
import { MAX_PHOTO_BYTES, PHOTO_ACCEPT, ThumbnailLoader, isRefusedPhoto } from "./photos";

describe("isRefusedPhoto", () => {
  it("lets JPG, PNG and WebP up to 20 MB through", () => {
    expect(isRefusedPhoto({ size: 120_000, type: "image/jpeg" })).toBe(false);
    expect(isRefusedPhoto({ size: 1, type: "image/png" })).toBe(false);
    expect(isRefusedPhoto({ size: MAX_PHOTO_BYTES, type: "image/webp" })).toBe(false);
    expect(isRefusedPhoto({ size: 5000, type: "image/jpg" })).toBe(false);
    expect(isRefusedPhoto({ size: 5000, type: "IMAGE/JPEG" })).toBe(false);
  });

  it("leaves a file of unknown type to the backend", () => {
    expect(isRefusedPhoto({ size: 5000, type: "" })).toBe(false);
  });

  it("refuses empty, too large and other files", () => {
    expect(isRefusedPhoto({ size: 0, type: "image/jpeg" })).toBe(true);
    expect(isRefusedPhoto({ size: MAX_PHOTO_BYTES + 1, type: "image/jpeg" })).toBe(true);
    expect(isRefusedPhoto({ size: MAX_PHOTO_BYTES + 1, type: "" })).toBe(true);
    expect(isRefusedPhoto({ size: 5000, type: "image/gif" })).toBe(true);
    expect(isRefusedPhoto({ size: 5000, type: "application/pdf" })).toBe(true);
  });

  it("offers the same types in the picker", () => {
    expect(PHOTO_ACCEPT).toBe("image/jpeg,image/png,image/webp");
  });
});

/** A fetch whose answers the test gives by hand. */
function manualFetch() {
  const waiting = new Map<string, { resolve: (v: string | null) => void; reject: (e: unknown) => void }[]>();
  const calls: string[] = [];
  const fetch = (id: string) =>
    new Promise<string | null>((resolve, reject) => {
      calls.push(id);
      waiting.set(id, [...(waiting.get(id) ?? []), { resolve, reject }]);
    });
  const answer = async (id: string, url: string | null) => {
    const list = waiting.get(id) ?? [];
    const first = list.shift();
    if (!first) throw new Error(`no read of ${id} waiting`);
    first.resolve(url);
    await flush();
  };
  const fail = async (id: string) => {
    const first = (waiting.get(id) ?? []).shift();
    if (!first) throw new Error(`no read of ${id} waiting`);
    first.reject(new Error("ipc closed"));
    await flush();
  };
  return { fetch, calls, answer, fail };
}

const flush = () => new Promise<void>((r) => setTimeout(r, 0));

describe("ThumbnailLoader", () => {
  it("reads a shown row once and caches it", async () => {
    const f = manualFetch();
    const loaded = vi.fn();
    const loader = new ThumbnailLoader(f.fetch, loaded);
    loader.show("a");
    loader.show("a");
    expect(f.calls).toEqual(["a"]);
    expect(loader.get("a")).toBeUndefined();
    await f.answer("a", "data:image/jpeg;base64,AAA");
    expect(loader.get("a")).toBe("data:image/jpeg;base64,AAA");
    expect(loaded).toHaveBeenCalledWith("a");
    loader.hide("a");
    loader.show("a");
    expect(f.calls).toEqual(["a"]);
  });

  it("reads at most `concurrency` at once, in the order shown", async () => {
    const f = manualFetch();
    const loader = new ThumbnailLoader(f.fetch, () => {}, { concurrency: 2, maxPending: 60 });
    for (const id of ["a", "b", "c", "d"]) loader.show(id);
    expect(f.calls).toEqual(["a", "b"]);
    expect(loader.pending).toBe(4);
    await f.answer("b", null);
    expect(f.calls).toEqual(["a", "b", "c"]);
    await f.answer("a", "A");
    await f.answer("c", "C");
    await f.answer("d", "D");
    expect(f.calls).toEqual(["a", "b", "c", "d"]);
    expect(loader.get("b")).toBeNull();
    expect(loader.pending).toBe(0);
  });

  it("never asks for more than `maxPending` at a time, and catches up later", async () => {
    const f = manualFetch();
    const loader = new ThumbnailLoader(f.fetch, () => {}, { concurrency: 2, maxPending: 3 });
    for (let i = 0; i < 10; i++) loader.show(`p${i}`);
    expect(loader.pending).toBe(3);
    expect(f.calls).toEqual(["p0", "p1"]);
    await f.answer("p0", "x");
    expect(loader.pending).toBe(3);
    expect(f.calls).toEqual(["p0", "p1", "p2"]);
    for (let i = 1; i < 10; i++) await f.answer(`p${i}`, "x");
    expect(f.calls).toHaveLength(10);
    expect(loader.pending).toBe(0);
  });

  it("drops a hidden row from the queue before it is read", async () => {
    const f = manualFetch();
    const loader = new ThumbnailLoader(f.fetch, () => {}, { concurrency: 1, maxPending: 60 });
    loader.show("a");
    loader.show("b");
    loader.show("c");
    loader.hide("b");
    await f.answer("a", "A");
    await f.answer("c", "C");
    expect(f.calls).toEqual(["a", "c"]);
    expect(loader.get("b")).toBeUndefined();
  });

  it("reads shown rows again after invalidate, showing the old thumbnail meanwhile", async () => {
    const f = manualFetch();
    const loader = new ThumbnailLoader(f.fetch, () => {});
    loader.show("a");
    loader.show("b");
    await f.answer("a", "A1");
    await f.answer("b", "B1");
    loader.hide("b");
    loader.invalidate();
    expect(f.calls).toEqual(["a", "b", "a"]);
    expect(loader.get("a")).toBe("A1");
    await f.answer("a", "A2");
    expect(loader.get("a")).toBe("A2");
    // A row not on screen is read again when it comes back.
    expect(loader.get("b")).toBe("B1");
    loader.show("b");
    await f.answer("b", null);
    expect(loader.get("b")).toBeNull();
  });

  it("drops a read started before invalidate", async () => {
    const f = manualFetch();
    const loaded = vi.fn();
    const loader = new ThumbnailLoader(f.fetch, loaded);
    loader.show("a");
    loader.invalidate();
    expect(f.calls).toEqual(["a", "a"]);
    await f.answer("a", "OLD");
    expect(loader.get("a")).toBeUndefined();
    expect(loaded).not.toHaveBeenCalled();
    await f.answer("a", "NEW");
    expect(loader.get("a")).toBe("NEW");
    expect(loaded).toHaveBeenCalledOnce();
  });

  it("caches a failed read as no thumbnail (no retry loop) until the next change", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const f = manualFetch();
    const loader = new ThumbnailLoader(f.fetch, () => {});
    loader.show("a");
    await f.fail("a");
    expect(loader.get("a")).toBeNull();
    loader.hide("a");
    loader.show("a");
    expect(f.calls).toEqual(["a"]);
    loader.invalidate();
    expect(f.calls).toEqual(["a", "a"]);
    expect(spy).toHaveBeenCalledOnce();
    spy.mockRestore();
  });

  it("reads and reports nothing after dispose", async () => {
    const f = manualFetch();
    const loaded = vi.fn();
    const loader = new ThumbnailLoader(f.fetch, loaded);
    loader.show("a");
    loader.dispose();
    await f.answer("a", "A");
    loader.show("b");
    loader.invalidate();
    expect(f.calls).toEqual(["a"]);
    expect(loaded).not.toHaveBeenCalled();
  });
});
