/** Messages of a language with their parameters filled in (no React: the web app's components and Node's tests use it). */
import { DICTIONARIES, type Lang, type MessageKey } from './dictionary.js';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A count as a message got it (a number, or a string formatted with digit grouping: "1", "30.619", "30,619"). */
const countOf = (v: string | number): number => (typeof v === 'number' ? v : Number(v.replace(/[\s.,\u00a0]/g, '')));

/**
 * Messages name their parameters `{n}`; `{n:one|other}` is the word that agrees with n ("1 day", "3 days"), for the
 * languages whose nouns take a plural (Vietnamese messages do not use it).
 */
export function translator(lang: Lang): Translate {
  const dict = DICTIONARIES[lang];
  return (key, params) => {
    let text = dict[key] ?? key;
    if (!params) return text;
    text = text.replace(/\{(\w+):([^|{}]*)\|([^{}]*)\}/g, (whole: string, k: string, one: string, other: string) =>
      k in params ? (countOf(params[k]!) === 1 ? one : other) : whole,
    );
    for (const [k, v] of Object.entries(params)) text = text.replaceAll(`{${k}}`, String(v));
    return text;
  };
}
