// The parts of autocannon's API the benchmarks use (the package ships no types).
declare module 'autocannon' {
  namespace autocannon {
    type Histogram = { average: number; p50: number; p90: number; p99: number; max: number };
    type Result = {
      requests: Histogram & { total: number };
      latency: Histogram;
      errors: number;
      timeouts: number;
      non2xx: number;
    };
    type Options = {
      url: string;
      connections?: number;
      duration?: number;
      requests?: {
        method?: string;
        path?: string;
        setupRequest?: (request: Record<string, unknown>) => Record<string, unknown>;
      }[];
    };
    /**
     * A run in progress: awaited for its result, and telling of each response as it comes
     * (`responseTime` in milliseconds with their fractions, as measured by the client).
     */
    type Run = Promise<Result> & {
      on(
        event: 'response',
        listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void,
      ): Run;
    };
  }
  function autocannon(options: autocannon.Options): autocannon.Run;
  export default autocannon;
}
