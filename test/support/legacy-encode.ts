/** Vietnamese text in the legacy VNI-Windows encoding, for tests of the conversion (files and the ingestDocument mutation). */

/** Unicode → VNI-Windows, written from the VNI keyboard rules (independent of the decoder's tables). */
const VNI_TONE: Record<string, [string, string]> = { '\u0301': ['ù', 'Ù'], '\u0300': ['ø', 'Ø'], '\u0309': ['û', 'Û'], '\u0303': ['õ', 'Õ'], '\u0323': ['ï', 'Ï'] };
const VNI_CIRC: Record<string, [string, string]> = { '': ['â', 'Â'], '\u0301': ['á', 'Á'], '\u0300': ['à', 'À'], '\u0309': ['å', 'Å'], '\u0303': ['ã', 'Ã'], '\u0323': ['ä', 'Ä'] };
const VNI_BREVE: Record<string, [string, string]> = { '': ['ê', 'Ê'], '\u0301': ['é', 'É'], '\u0300': ['è', 'È'], '\u0309': ['ú', 'Ú'], '\u0303': ['ü', 'Ü'], '\u0323': ['ë', 'Ë'] };
const VNI_I: Record<string, [string, string]> = { '\u0300': ['ì', 'Ì'], '\u0301': ['í', 'Í'], '\u0309': ['æ', 'Æ'], '\u0303': ['ó', 'Ó'], '\u0323': ['ò', 'Ò'] };
export function toVniChar(ch: string): string | null {
  if (ch.charCodeAt(0) < 0x80) return ch;
  if (ch === 'đ') return 'ñ';
  if (ch === 'Đ') return 'Ñ';
  const d = ch.normalize('NFD');
  const base = d[0]!;
  const up = base !== base.toLowerCase() ? 1 : 0;
  const marks = d.slice(1);
  const tone = [...marks].find((m) => m in VNI_TONE) ?? '';
  const shape = marks.replace(tone, '');
  const lower = base.toLowerCase();
  if (shape === '\u031b') return (lower === 'o' ? ['ô', 'Ô'] : ['ö', 'Ö'])[up]! + (tone ? VNI_TONE[tone]![up] : '');
  if (shape === '\u0302') return base + VNI_CIRC[tone]![up];
  if (shape === '\u0306') return base + VNI_BREVE[tone]![up];
  if (shape) return null;
  if (lower === 'i') return VNI_I[tone]?.[up] ?? null;
  if (lower === 'y' && tone === '\u0323') return ['î', 'Î'][up]!;
  if ('aeouy'.includes(lower) && tone) return base + VNI_TONE[tone]![up];
  return null;
}
export function vniWritable(s: string): boolean {
  return [...s].every((c) => toVniChar(c) !== null);
}
export function toVni(s: string): string {
  return [...s].map((c) => toVniChar(c) ?? '?').join('');
}
