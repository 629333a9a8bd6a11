/**
 * The driver @neo4j/graphql runs its statements with: the same Driver, except that a managed transaction
 * (`session.executeRead` / `executeWrite`, as its Executor runs every statement) refused by Neo4j for memory fails at
 * once instead of being tried again. The refusal's code is a *Transient* error, which the driver retries for up to
 * `maxTransactionRetryTime` (30 s) — and it is refused the same way every time: on the national store a sorted
 * `directivesConnection` answered QUERY_TOO_LARGE after 41.6 s where one attempt fails in 1.1–2.2 s. Every other
 * retriable error (a leader change, a member gone, a deadlock) is still retried, as clusters and Aura need.
 *
 * The driver decides with `Neo4jError.isRetriable(e)`, that is `e instanceof Neo4jError && e.retriable`
 * (neo4j-driver-core's transaction-executor.js): the work's rejection is marked not retriable and otherwise left as
 * it is, its `code` kept for formatError (api/errors.ts).
 */
import type { Driver, ManagedTransaction, Session } from 'neo4j-driver';
import { isOutOfMemory } from '../graph/neo4j-errors.js';

const proxies = new WeakMap<Driver, Driver>();

/** `driver` whose managed transactions do not retry a memory refusal (one proxy per driver, kept). */
export function noRetryOnMemory(driver: Driver): Driver {
  let proxy = proxies.get(driver);
  if (!proxy) {
    proxy = new Proxy(driver, {
      get(target, prop) {
        if (prop === 'session') return (...args: Parameters<Driver['session']>) => triedOnceOnMemory(target.session(...args));
        // Everything else is the driver's own (executeQueryBookmarkManager, close, …), run on the driver itself.
        const value: unknown = Reflect.get(target, prop, target);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    proxies.set(driver, proxy);
  }
  return proxy;
}

type Work<T> = (tx: ManagedTransaction) => Promise<T> | T;

function notRetriedOnMemory<T>(work: Work<T>): Work<T> {
  return async (tx) => {
    try {
      return await work(tx);
    } catch (e) {
      if (isOutOfMemory(e)) (e as { retriable?: boolean }).retriable = false;
      throw e;
    }
  };
}

/** The session itself, its executeRead / executeWrite running the work through notRetriedOnMemory. */
function triedOnceOnMemory(session: Session): Session {
  const executeRead = session.executeRead.bind(session);
  const executeWrite = session.executeWrite.bind(session);
  session.executeRead = (work, config) => executeRead(notRetriedOnMemory(work), config);
  session.executeWrite = (work, config) => executeWrite(notRetriedOnMemory(work), config);
  return session;
}
