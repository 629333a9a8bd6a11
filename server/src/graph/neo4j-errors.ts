/** Neo4j errors this project tells apart by their code. */

/**
 * Neo4j refused a statement the memory it needed (more than `db.memory.transaction.max` for one transaction, or
 * `db.memory.transaction.total.max`, 70 % of its heap by default, for all of them). A *Transient* error by its code,
 * so the driver counts it retriable — but the same statement asks for the same memory again and is refused again.
 */
export const NEO4J_OUT_OF_MEMORY = 'Neo.TransientError.General.MemoryPoolOutOfMemoryError';

/** Whether `e` is Neo4j's memory refusal (a Neo4jError, or anything carrying its code). */
export function isOutOfMemory(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === NEO4J_OUT_OF_MEMORY;
}
