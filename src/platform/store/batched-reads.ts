/**
 * Reads asked for during one turn of the event loop, answered by one load of all their keys: the requests whose I/O
 * a turn brought in (each authenticating its caller, say) share one round trip to the store instead of one each.
 * Every read still sees the store as it is when the load runs, after it was asked: nothing is kept between turns.
 * `load` answers one value per key, in the order of the keys; when it fails, every read of that turn fails.
 */
export function batchedReads<K, V>(load: (keys: readonly K[]) => Promise<readonly V[]>): (key: K) => Promise<V> {
  let pending: { key: K; resolve: (v: V) => void; reject: (e: unknown) => void }[] = [];
  const flush = (): void => {
    const asks = pending;
    pending = [];
    load(asks.map((a) => a.key)).then(
      (values) => asks.forEach((a, i) => a.resolve(values[i] as V)),
      (error: unknown) => asks.forEach((a) => a.reject(error)),
    );
  };
  return (key) =>
    new Promise<V>((resolve, reject) => {
      if (pending.length === 0) setImmediate(flush);
      pending.push({ key, resolve, reject });
    });
}
