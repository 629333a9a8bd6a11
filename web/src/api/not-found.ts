/**
 * What a NOT_FOUND answer names besides the missing text. Asked for a code with a date or province that matched
 * nothing, the server says which texts of that code it holds: "no directive 28-NQ/TW issued 2099-01-01 in the
 * graph; it holds 28-NQ/TW issued 2022-11-17 in Bình Thuận, 28-NQ/TW undated" (server/src/graph/queries/find-directive.ts).
 */
import type { RootRef } from './types.js';

const HOLDS = '; it holds ';
const VARIANT = /^(\S+?)(?: issued (\d{4}-\d{2}-\d{2})| undated)?(?: in (.+))?$/;

/** The texts of the code the server holds, as it listed them (none when the message lists none). */
export function heldVariants(message: string): RootRef[] {
  const at = message.indexOf(HOLDS);
  if (at < 0) return [];
  const list = message.slice(at + HOLDS.length).split(';')[0]!.replace(/ and more$/, '');
  const held: RootRef[] = [];
  for (const part of list.split(', ')) {
    const m = VARIANT.exec(part.trim());
    if (m) held.push({ code: m[1]!, issuedOn: m[2] ?? null, province: m[3] ?? null });
  }
  return held;
}
