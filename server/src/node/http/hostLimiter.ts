/**
 * At most `total` requests in flight, and at most `perHost` to one host (the link checker's politeness;
 * hovers and lookups share it). p-limit does the queueing; a host's limiter is dropped once idle, so a
 * day of requests to many hosts keeps no map entry per host.
 */
import pLimit, { type Limit as LimitFunction } from 'p-limit';

export interface HostLimiter {
  run<T>(host: string, task: () => Promise<T>): Promise<T>;
  /** Hosts with a request queued or in flight (for tests: the map empties when idle). */
  readonly busyHosts: number;
}

export function createHostLimiter(limits: { total: number; perHost: number }): HostLimiter {
  const total = pLimit(Math.max(1, limits.total));
  const hosts = new Map<string, LimitFunction>();
  return {
    run(host, task) {
      let limit = hosts.get(host);
      if (!limit) hosts.set(host, (limit = pLimit(Math.max(1, limits.perHost))));
      const own = limit;
      return own(() => total(task)).finally(() => {
        if (own.activeCount === 0 && own.pendingCount === 0 && hosts.get(host) === own) hosts.delete(host);
      });
    },
    get busyHosts() {
      return hosts.size;
    },
  };
}
