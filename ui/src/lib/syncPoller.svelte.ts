// The latest sync status, shared by the top-bar chip and the Sinkronisasi page.
// Rust syncs on its own; this only asks it how things stand, on a timer while someone watches.
import { commands, type SyncView, type UiError } from "./bindings";

export type StatusAnswer = { status: "ok"; data: SyncView } | { status: "error"; error: UiError };

export class SyncPoller {
  /** The latest status; null until the first answer. */
  view: SyncView | null = $state(null);
  /** The last status request failed (the previous `view`, if any, is kept). */
  failed = $state(false);
  /** When (this PC's clock, ms) the latest `view` arrived. */
  checkedAt: number | null = $state(null);
  /** A round the user asked for ("Sinkronkan sekarang") is under way. */
  requesting = $state(false);

  /** What to show: the latest view, marked as syncing while a requested round runs. */
  readonly status: SyncView | null = $derived(
    this.view && this.requesting && !this.view.syncing ? { ...this.view, syncing: true } : this.view,
  );

  /** Each watcher's wish, in ms; the timer runs at the shortest one. */
  private readonly watchers = new Set<{ everyMs: number }>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private period: number | null = null;
  private inFlight: Promise<void> | null = null;
  /** Bumped when a view arrives from an action, so an older poll answer cannot overwrite it. */
  private generation = 0;

  constructor(
    private readonly fetchStatus: () => Promise<StatusAnswer>,
    private readonly clock: () => number = () => Date.now(),
  ) {}

  /**
   * Asks for the status now and then every `everyMs` until the returned function is called.
   * Several watchers share one timer at the shortest interval.
   */
  watch(everyMs: number): () => void {
    const watcher = { everyMs };
    this.watchers.add(watcher);
    this.reschedule();
    void this.refresh();
    return () => {
      if (this.watchers.delete(watcher)) this.reschedule();
    };
  }

  /** The interval the timer runs at now, or null when no one watches. */
  get interval(): number | null {
    return this.period;
  }

  /** Asks Rust for the status once; a request already under way is shared, not repeated. */
  refresh(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    // `finally` always runs later than this assignment, even if the fetch fails at once.
    const request: Promise<void> = this.ask(this.generation).finally(() => {
      if (this.inFlight === request) this.inFlight = null;
    });
    this.inFlight = request;
    return request;
  }

  private async ask(generation: number): Promise<void> {
    try {
      const answer = await this.fetchStatus();
      if (generation !== this.generation) return; // a newer view came from an action meanwhile
      if (answer.status === "ok") {
        this.accept(answer.data);
        return;
      }
      if (!this.failed) console.warn("sync_status refused", answer.error);
    } catch (e) {
      if (!this.failed) console.warn("sync_status failed", e);
    }
    this.failed = true;
  }

  /**
   * Runs a round the user asked for (sync_now), shown as syncing everywhere meanwhile; its
   * answer becomes the latest view. Returns the answer; a second request while one runs is refused
   * (null).
   */
  async request(run: () => Promise<StatusAnswer>): Promise<StatusAnswer | null> {
    if (this.requesting) return null;
    this.requesting = true;
    try {
      const answer = await run();
      if (answer.status === "ok") this.set(answer.data);
      return answer;
    } finally {
      this.requesting = false;
    }
  }

  /** A view an action returned (sync now, connect): newer than any poll answer still on its way. */
  set(view: SyncView): void {
    this.generation++;
    this.accept(view);
  }

  private accept(view: SyncView): void {
    this.view = view;
    this.failed = false;
    this.checkedAt = this.clock();
  }

  private reschedule(): void {
    let next: number | null = null;
    for (const w of this.watchers) next = next === null ? w.everyMs : Math.min(next, w.everyMs);
    if (next === this.period) return;
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = next === null ? null : setInterval(() => void this.refresh(), next);
    this.period = next;
  }
}

/** The app's one poller. */
export const syncPoller = new SyncPoller(() => commands.syncStatus());

/** How often the shell and the Sinkronisasi page ask. */
export const SHELL_POLL_MS = 10_000;
export const PAGE_POLL_MS = 5_000;
