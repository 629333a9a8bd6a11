/**
 * What a screen reader is told about the node under the keyboard cursor (GraphCanvas's live region): a text by its
 * code (or type), type, level, unit below the province, province and date; an organisation by its name, level and province; then its place in
 * its layer, which ← / → walk.
 */
import type { Lang } from '../i18n/dictionary.js';
import { formatCount, formatDate, levelName, typeName } from '../i18n/format.js';
import type { Translate } from '../i18n/translate.js';
import type { GNode } from './model.js';

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function nodeAnnouncement(n: GNode, t: Translate, lang: Lang, place?: { index: number; count: number } | null): string {
  const parts: string[] = [];
  if (n.kind === 'ORGANIZATION') {
    // The API label may end with "(Province)": said once, after the level.
    const name = n.province ? n.label.replace(new RegExp(`\\s*\\(${escapeRegExp(n.province)}\\)\\s*$`), '') : n.label;
    parts.push(`${t('organization')}: ${name}`, levelName(t, n.level));
    if (n.province) parts.push(n.province);
  } else {
    const type = typeName(lang, n.type, n.typeName);
    parts.push(n.code ?? (type || n.label));
    if (n.code && type) parts.push(type);
    if (n.title) parts.push(clip(n.title, 120));
    if (n.isRoot) parts.push(t('rootLabel'));
    parts.push(levelName(t, n.level));
    if (n.unit) parts.push(n.unit);
    if (n.province) parts.push(n.province);
    if (n.issuedOn) parts.push(`${t('issuedOn')} ${formatDate(lang, n.issuedOn)}`);
    if (n.stub) parts.push(t('stub'));
    if ((n.implementersFolded ?? 0) > 0) parts.push(t('implementersFolded', { n: formatCount(lang, n.implementersFolded!) }));
    if ((n.assignees ?? 0) > 0) parts.push(t('assigneeCount', { n: formatCount(lang, n.assignees!) }));
  }
  if (place) parts.push(t('cursorPlace', { i: place.index, n: place.count }));
  return parts.filter(Boolean).join(', ');
}
