// autocannon ships no type declarations; the little of its API the benchmark uses.
declare module 'autocannon' {
  export interface Histogram {
    average: number;
    p50: number;
    p90: number;
    p97_5: number;
    p99: number;
    max: number;
    total: number;
  }
  export interface Result {
    latency: Histogram;
    requests: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
  }
  export interface Tracker {
    on(
      event: 'response',
      listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void,
    ): Tracker;
    stop(): void;
  }
  function autocannon(
    options: Record<string, unknown>,
    callback: (error: Error | null, result: Result) => void,
  ): Tracker;
  export default autocannon;
}
