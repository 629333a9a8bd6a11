/**
 * "The graph changed": ingest announces it, in-process caches (resolved references, API responses) listen and
 * drop what they hold. Other processes' writes are announced by the API's graph-version watch (graph-version.ts).
 */
const listeners = new Set<() => void>();

export function onGraphChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function graphChanged(): void {
  for (const l of listeners) l();
}
