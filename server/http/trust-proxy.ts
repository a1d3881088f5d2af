import { isIP } from 'node:net';

/**
 * Which proxies may tell Parley the client's address. Fastify walks X-Forwarded-For from the right
 * (the hop nearest to Parley) and stops at the first address it does not trust: that is the client.
 * So a client who writes its own X-Forwarded-For only adds entries to the left of the real one.
 *
 * - `false` (the default): no proxy; the connection's address is the client.
 * - addresses and ranges, comma-separated: `10.0.0.5, 10.1.0.0/16, loopback` (also `linklocal`,
 *   `uniquelocal`): only these are believed.
 * - a hop count, `1`: the number of proxies in front of Parley (a single load balancer is 1). The
 *   nearest hop is then believed whoever it is, so use a count only where nothing but the proxies
 *   can reach Parley; naming them is safer.
 *
 * `true` (believe every hop, so the left-most address the client wrote wins) is refused.
 */
export type TrustProxy = false | number | string[];

const NAMED = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isRange(entry: string): boolean {
  if (NAMED.has(entry)) return true;
  const [address, bits, extra] = entry.split('/');
  if (!address || extra !== undefined) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}

/** The setting's value, or a sentence saying what is wrong with it. */
export function parseTrustProxy(value: string): TrustProxy | string {
  const text = value.trim();
  if (text === '' || text === 'false') return false;
  if (text === 'true')
    return 'true would believe any address a client writes; list the proxies (10.0.0.0/8, loopback) or give their number (1)';
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops >= 1 && hops <= 10 ? hops : 'a hop count must be between 1 and 10';
  }
  const entries = text.split(',').map((e) => e.trim());
  const bad = entries.filter((e) => !isRange(e));
  if (bad.length > 0)
    return `${bad.map((b) => `"${b}"`).join(', ')} is not an address, a range like 10.0.0.0/8, loopback, linklocal or uniquelocal`;
  return entries;
}

/** What Fastify's trustProxy option takes: a hop count becomes "the first n hops", by index. */
export function fastifyTrustProxy(
  setting: TrustProxy,
): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return setting;
}
