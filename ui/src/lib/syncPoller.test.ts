import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("./bindings", () => ({ commands: { syncStatus: async () => ({ status: "error", error: {} }) } }));

import type { SyncView } from "./bindings";
import { SyncPoller, type StatusAnswer } from "./syncPoller.svelte";

const view = (pending: number): SyncView => ({
  server_url: "http://192.168.1.10:8780",
  pending,
  last_sync_ms: 1_000,
  last_error: null,
  skew_ms: 0,
  syncing: false,
});
const ok = (v: SyncView): StatusAnswer => ({ status: "ok", data: v });

describe("SyncPoller", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it("asks once at once, then on the watcher's interval, and stops when unwatched", async () => {
    const fetch = vi.fn(async () => ok(view(2)));
    const poller = new SyncPoller(fetch, () => 42);
    const stop = poller.watch(10_000);
    await vi.advanceTimersByTimeAsync(0);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(poller.view?.pending).toBe(2);
    expect(poller.checkedAt).toBe(42);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(fetch).toHaveBeenCalledTimes(4);
    stop();
    expect(poller.interval).toBeNull();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetch).toHaveBeenCalledTimes(4);
    stop(); // a second stop is harmless
    expect(poller.interval).toBeNull();
  });

  it("shares one timer at the shortest interval among watchers", async () => {
    const fetch = vi.fn(async () => ok(view(0)));
    const poller = new SyncPoller(fetch);
    const stopShell = poller.watch(10_000);
    await vi.advanceTimersByTimeAsync(0);
    const stopPage = poller.watch(5_000);
    await vi.advanceTimersByTimeAsync(0);
    expect(poller.interval).toBe(5_000);
    expect(fetch).toHaveBeenCalledTimes(2); // the page asks once on open
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fetch).toHaveBeenCalledTimes(4);
    stopPage();
    expect(poller.interval).toBe(10_000);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fetch).toHaveBeenCalledTimes(5);
    stopShell();
    expect(poller.interval).toBeNull();
  });

  it("does not stack requests while one is under way", async () => {
    let release: (a: StatusAnswer) => void = () => {};
    const fetch = vi.fn(() => new Promise<StatusAnswer>((r) => (release = r)));
    const poller = new SyncPoller(fetch);
    const first = poller.refresh();
    const second = poller.refresh();
    expect(second).toBe(first);
    expect(fetch).toHaveBeenCalledTimes(1);
    release(ok(view(1)));
    await first;
    expect(poller.view?.pending).toBe(1);
    void poller.refresh();
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it("keeps a view set by an action over an older poll answer", async () => {
    let release: (a: StatusAnswer) => void = () => {};
    const poller = new SyncPoller(() => new Promise<StatusAnswer>((r) => (release = r)));
    const polling = poller.refresh();
    poller.set(view(0)); // e.g. what sync_now returned
    release(ok(view(7))); // asked before the action finished
    await polling;
    expect(poller.view?.pending).toBe(0);
  });

  it("keeps the last view when a request fails, and says so", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const fetch = vi
      .fn<() => Promise<StatusAnswer>>()
      .mockResolvedValueOnce(ok(view(3)))
      .mockResolvedValueOnce({ status: "error", error: { code: "x", message: "Gagal.", field: null } })
      .mockRejectedValueOnce(new Error("no backend"))
      .mockResolvedValueOnce(ok(view(0)));
    const poller = new SyncPoller(fetch);
    await poller.refresh();
    expect(poller.failed).toBe(false);
    await poller.refresh();
    expect(poller.failed).toBe(true);
    expect(poller.view?.pending).toBe(3);
    await poller.refresh();
    expect(poller.failed).toBe(true);
    expect(warn).toHaveBeenCalledTimes(1); // once per failure streak, not every 10 s
    await poller.refresh();
    expect(poller.failed).toBe(false);
    expect(poller.view?.pending).toBe(0);
  });

  it("recovers when the fetch throws at once", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const fetch = vi
      .fn<() => Promise<StatusAnswer>>()
      .mockImplementationOnce(() => {
        throw new Error("sync");
      })
      .mockResolvedValueOnce(ok(view(5)));
    const poller = new SyncPoller(fetch);
    await poller.refresh();
    expect(poller.failed).toBe(true);
    await poller.refresh();
    expect(poller.view?.pending).toBe(5);
  });
});

describe("SyncPoller.request", () => {
  it("shows a requested round as syncing until its answer arrives, which becomes the view", async () => {
    const poller = new SyncPoller(async () => ok(view(3)));
    await poller.refresh();
    expect(poller.status?.syncing).toBe(false);
    let release: (a: StatusAnswer) => void = () => {};
    const running = poller.request(() => new Promise<StatusAnswer>((r) => (release = r)));
    expect(poller.requesting).toBe(true);
    expect(poller.status).toEqual({ ...view(3), syncing: true });
    expect(poller.view?.syncing).toBe(false); // the status from Rust is left as it came
    await expect(poller.request(async () => ok(view(9)))).resolves.toBeNull(); // one at a time
    release(ok(view(0)));
    await expect(running).resolves.toEqual(ok(view(0)));
    expect(poller.requesting).toBe(false);
    expect(poller.status).toEqual(view(0));
  });

  it("keeps the view and hands back a refusal", async () => {
    const poller = new SyncPoller(async () => ok(view(3)));
    await poller.refresh();
    const refused: StatusAnswer = { status: "error", error: { code: "net", message: "Server tidak terjangkau.", field: null } };
    await expect(poller.request(async () => refused)).resolves.toEqual(refused);
    expect(poller.status).toEqual(view(3));
    expect(poller.requesting).toBe(false);
  });

  it("ends the request when the run throws", async () => {
    const poller = new SyncPoller(async () => ok(view(3)));
    await expect(poller.request(() => Promise.reject(new Error("no backend")))).rejects.toThrow("no backend");
    expect(poller.requesting).toBe(false);
  });
});
