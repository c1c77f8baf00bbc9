/**
 * The one cache helper: least recently used, fixed capacity. Pure (no I/O or
 * clock), so scenarios/ can use it. Every cache's capacity is in CACHE_SIZES below, with its reason.
 */

/**
 * Capacities of every cache, with the measurement behind each (docs/benchmarks.md). Eviction is the
 * same everywhere: when full, the least recently read or written entry goes.
 */
export const CACHE_SIZES = {
  /** Fixtures per (scenario, seed): as many as the step forms kept, which hold their fixture anyway. */
  fixtures: 1_000,
  /** Step forms per (scenario, seed): ≈50 KB each with the fixture (descriptors only); a miss costs 0.1–0.2 ms. */
  attemptSteps: 1_000,
  /** Step outlines per scenario: one per scenario, so this only bounds a mistake. */
  stepOutlines: 100,
  /** Field zod schemas per configuration, shared by all attempts: step submit 483 → ≈570/s. */
  fieldSchemas: 2_000,
  /** Verified session cookie header → session id: saves the signature check (≈2–3 % of a request). */
  verifiedCookies: 10_000,
  /**
   * Hot attempts' latest states per database (app/models/attempt.server.ts): ≈5 KB of heap each
   * (2,000 states at mid-drill, measured), so ≈25 MB for a province's 4,800 officers drilling at once;
   * a miss costs a snapshot parse and the replay of up to SNAPSHOT_EVERY_EVENTS − 1 events.
   */
  hotAttempts: 5_000,
  /** Prepared statements per SQL text (per connection): 10–20 % less model-layer CPU. */
  statements: 500,
} as const;

export class Lru<K, V> {
  readonly #entries = new Map<K, V>();

  constructor(readonly capacity: number) {
    if (!(capacity >= 1)) throw new RangeError(`LRU capacity must be at least 1: ${capacity}`);
  }

  get size(): number {
    return this.#entries.size;
  }

  has(key: K): boolean {
    return this.#entries.has(key);
  }

  /** The value, now the most recently used; undefined when absent. */
  get(key: K): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined || this.#entries.has(key)) this.#touch(key, value as V);
    return value;
  }

  // A Map iterates in insertion order: re-inserting makes the key the newest.
  #touch(key: K, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
  }

  /** Stores the value as the most recently used, evicting the least recently used when full. */
  set(key: K, value: V): this {
    this.#entries.delete(key);
    if (this.#entries.size >= this.capacity) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(key, value);
    return this;
  }

  /** The cached value, or `make()`'s, stored. */
  getOrSet(key: K, make: () => V): V {
    const value = this.#entries.get(key);
    if (value !== undefined || this.#entries.has(key)) {
      this.#touch(key, value as V);
      return value as V;
    }
    const made = make();
    this.set(key, made);
    return made;
  }

  delete(key: K): boolean {
    return this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
  }

  /** Keys from least to most recently used. */
  keys(): IterableIterator<K> {
    return this.#entries.keys();
  }
}
