// Pure rules of product photos: which picked files are worth sending, and the thumbnail
// loader of the product list (only rows on screen, a few at a time, cached until the list
// changes). No Svelte, no Tauri: unit-tested in photos.test.ts.

/** What the file picker offers (the backend reads the picture itself and has the last word). */
export const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export const PHOTO_ACCEPT = PHOTO_TYPES.join(",");

/** The largest picture the backend takes (photo.rs MAX_ORIGINAL). */
export const MAX_PHOTO_BYTES = 20 * 1024 * 1024;

/**
 * True when a picked file cannot be a photo the backend takes: empty, larger than 20 MB, or
 * of another known type. A file whose type the system does not know is left to the backend.
 * Checked before the bytes are read, so a huge file is never sent.
 */
export function isRefusedPhoto(file: { size: number; type: string }): boolean {
  if (file.size <= 0 || file.size > MAX_PHOTO_BYTES) return true;
  const type = file.type.trim().toLowerCase();
  if (type === "") return false;
  // Some systems name JPEG "image/jpg" or "image/pjpeg".
  return !(PHOTO_TYPES as readonly string[]).includes(type) && type !== "image/jpg" && type !== "image/pjpeg";
}

// ---------- Thumbnails of the product list ----------

/** Reads one product's thumbnail (a data: URL), or null without one. May reject. */
export type ThumbnailFetch = (id: string) => Promise<string | null>;

export type ThumbnailLoaderOptions = {
  /** Reads running at the same time. */
  concurrency: number;
  /** Reads asked for and not finished yet (waiting and running), at most. */
  maxPending: number;
};

export const THUMBNAIL_DEFAULTS: ThumbnailLoaderOptions = { concurrency: 4, maxPending: 60 };

/**
 * Loads thumbnails of the rows on screen. A row reports itself shown or hidden; a shown row
 * with no thumbnail cached is read, at most `concurrency` at once and `maxPending` asked for
 * at a time (a hidden row leaves the queue before it is read). `invalidate()` after a change:
 * every thumbnail is read again, the old one still shown meanwhile, and a read started
 * before is dropped. `onLoaded` tells the screen to draw again.
 */
export class ThumbnailLoader {
  private readonly fresh = new Map<string, string | null>();
  private stale = new Map<string, string | null>();
  private readonly shown = new Set<string>();
  private queue: string[] = [];
  /** Reads of this generation now running. */
  private readonly running = new Set<string>();
  /** Reads running, older generations included (they still take a slot). */
  private busy = 0;
  private generation = 0;
  private disposed = false;

  constructor(
    private readonly fetch: ThumbnailFetch,
    private readonly onLoaded: (id: string) => void,
    private readonly options: ThumbnailLoaderOptions = THUMBNAIL_DEFAULTS,
  ) {}

  /** The thumbnail to draw: a data: URL, null (none), or undefined (not read yet). */
  get(id: string): string | null | undefined {
    return this.fresh.has(id) ? this.fresh.get(id) : this.stale.get(id);
  }

  /** How many reads are asked for and not finished (waiting and running). */
  get pending(): number {
    return this.queue.length + this.running.size;
  }

  /** A row with a photo came on screen. */
  show(id: string): void {
    if (this.disposed) return;
    this.shown.add(id);
    this.fill();
    this.pump();
  }

  /** A row left the screen (or the list): it is not read unless it comes back. */
  hide(id: string): void {
    this.shown.delete(id);
    this.queue = this.queue.filter((q) => q !== id);
    this.fill();
    this.pump();
  }

  /** The list was read again after a change: read every thumbnail again. */
  invalidate(): void {
    if (this.disposed) return;
    for (const [id, url] of this.fresh) this.stale.set(id, url);
    this.fresh.clear();
    this.queue = [];
    this.running.clear();
    this.generation++;
    this.fill();
    this.pump();
  }

  /** The screen is gone: nothing more is read or reported. */
  dispose(): void {
    this.disposed = true;
    this.generation++;
    this.queue = [];
    this.running.clear();
    this.shown.clear();
  }

  /** Queues shown rows still to read, in the order they came on screen. */
  private fill(): void {
    for (const id of this.shown) {
      if (this.pending >= this.options.maxPending) return;
      if (this.fresh.has(id) || this.running.has(id) || this.queue.includes(id)) continue;
      this.queue.push(id);
    }
  }

  private pump(): void {
    while (!this.disposed && this.busy < this.options.concurrency && this.queue.length > 0) {
      const id = this.queue.shift() as string;
      this.start(id);
    }
  }

  private start(id: string): void {
    const generation = this.generation;
    this.busy++;
    this.running.add(id);
    let read: Promise<string | null>;
    try {
      read = this.fetch(id);
    } catch (e) {
      read = Promise.reject(e);
    }
    void read
      .then(
        (url) => url,
        (e: unknown) => {
          console.error("reading a thumbnail failed", e);
          return null;
        },
      )
      .then((url) => {
        this.busy--;
        if (generation === this.generation) {
          this.running.delete(id);
          this.fresh.set(id, url);
          this.stale.delete(id);
          this.onLoaded(id);
        }
        this.fill();
        this.pump();
      });
  }
}
