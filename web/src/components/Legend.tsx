/** Legend: node shapes/colours by document type, edge styles by relation, inferred, stub, gap; the graph's keys. */
import { useState } from 'react';
import { EDGE_COLORS, LEGEND_TYPES, ORGANIZATION_STYLE, typeStyle } from '../graph/palette';
import { typeName, useI18n } from '../i18n';

/** Small SVG approximations of the Cytoscape node shapes. */
function ShapeIcon({ shape, color, dashed, border = '#333', double }: { shape: string; color: string; dashed?: boolean; border?: string; double?: boolean }) {
  const common = { fill: color, stroke: border, strokeWidth: double ? 3 : 1.5, strokeDasharray: dashed ? '3 2' : undefined };
  let el;
  switch (shape) {
    case 'hexagon': el = <polygon points="6,2 22,2 27,10 22,18 6,18 1,10" {...common} />; break;
    case 'octagon': el = <polygon points="8,1 20,1 27,6 27,14 20,19 8,19 1,14 1,6" {...common} />; break;
    case 'diamond': el = <polygon points="14,1 27,10 14,19 1,10" {...common} />; break;
    case 'ellipse': el = <ellipse cx="14" cy="10" rx="13" ry="8.5" {...common} />; break;
    case 'rectangle': el = <rect x="1" y="2" width="26" height="16" {...common} />; break;
    case 'barrel': el = <path d="M4,2 H24 Q28,10 24,18 H4 Q0,10 4,2 Z" {...common} />; break;
    case 'tag': el = <polygon points="1,2 21,2 27,10 21,18 1,18" {...common} />; break;
    case 'rhomboid': el = <polygon points="6,2 27,2 22,18 1,18" {...common} />; break;
    case 'cut-rectangle': el = <polygon points="5,2 23,2 27,6 27,14 23,18 5,18 1,14 1,6" {...common} />; break;
    default: el = <rect x="1" y="2" width="26" height="16" rx="4" {...common} />;
  }
  return <svg width="28" height="20" aria-hidden="true">{el}</svg>;
}

function LineIcon({ color, dash, width = 2.5 }: { color: string; dash?: string; width?: number }) {
  return (
    <svg width="36" height="12" aria-hidden="true">
      <line x1="1" y1="6" x2="29" y2="6" stroke={color} strokeWidth={width} strokeDasharray={dash} />
      <polygon points="28,2 35,6 28,10" fill={color} />
    </svg>
  );
}

export function Legend({ types }: { types: Set<string> }) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(true);
  const shown = LEGEND_TYPES.filter((k) => types.has(k));
  const others = [...types].filter((k) => !(LEGEND_TYPES as readonly string[]).includes(k));
  return (
    <div className={`legend${open ? '' : ' closed'}`} data-testid="legend">
      <button type="button" className="legend-toggle" onClick={() => setOpen(!open)} aria-expanded={open}>
        {t('legend')} {open ? '▾' : '▸'}
      </button>
      {open && (
        <ul>
          {[...shown, ...others].map((k) => (
            <li key={k}>
              <ShapeIcon shape={typeStyle(k).shape} color={typeStyle(k).color} /> {k} – {typeName(lang, k)}
            </li>
          ))}
          <li>
            <ShapeIcon shape={ORGANIZATION_STYLE.shape} color={ORGANIZATION_STYLE.color} border="#777" /> {t('organizationNode')}
          </li>
          <li>
            <ShapeIcon shape="round-rectangle" color="#ccc" dashed /> {t('stub')}
          </li>
          <li>
            <ShapeIcon shape="ellipse" color="#FBE3D1" border={EDGE_COLORS.gap} double /> {t('gapLegend')}
          </li>
          <li>
            <LineIcon color={EDGE_COLORS.IMPLEMENTS} /> {t('IMPLEMENTS')} ({t('lagDays', { n: 'n' })})
          </li>
          <li>
            <LineIcon color={EDGE_COLORS.CITES} dash="6 3" width={2} /> {t('CITES')}
          </li>
          <li>
            <LineIcon color={EDGE_COLORS.ASSIGNED_TO} dash="1.5 3" width={2} /> {t('ASSIGNED_TO')}
          </li>
          <li>
            <LineIcon color={EDGE_COLORS.inferred} /> {t('inferredLegend')}
          </li>
        </ul>
      )}
      {open && (
        <p className="legend-keys" data-testid="legend-keys">
          <strong>{t('keysLegend')}:</strong> {t('keysHelp')}
        </p>
      )}
    </div>
  );
}
