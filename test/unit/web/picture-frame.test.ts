/** Exported pictures carry what they show: a margin, the root's code and title (a briefing step's caption), a footer. */
import { describe, expect, it } from 'vitest';
import { FRAME, framedSvg, layoutFrame, wrapWords } from '../../../web/src/graph/picture-frame.js';

const mono = (s: string, size = 10) => s.length * size * 0.5;

describe('picture frame', () => {
  it('wraps words to the width; a word wider than a line stands alone', () => {
    expect(wrapWords('một hai ba bốn năm', 40, (s) => s.length * 5)).toEqual(['một hai', 'ba bốn', 'năm']);
    expect(wrapWords('Supercalifragilistic x', 30, (s) => s.length * 5)).toEqual(['Supercalifragilistic', 'x']);
    expect(wrapWords('  ', 30, mono)).toEqual([]);
  });

  it('puts the title and caption above the drawing, the footer below, margins all round (scaled with the picture)', () => {
    const l = layoutFrame({ title: '28-NQ/TW — về tiếp tục đổi mới', subtitle: 'Cấp tỉnh: 34 văn bản', footer: 'Directive Graph' }, 1000, 600, 2, mono);
    expect(l.width).toBe(1000 + 4 * FRAME.margin);
    expect(l.lines.map((x) => x.kind)).toEqual(['title', 'subtitle', 'footer']);
    expect(l.lines[0]!.size).toBe(2 * FRAME.title);
    expect(l.drawingY).toBeGreaterThan(l.lines[1]!.y);
    expect(l.lines[2]!.y).toBeGreaterThan(l.drawingY + 600);
    expect(l.height).toBeGreaterThan(l.lines[2]!.y);
    expect(l.drawingX).toBe(2 * FRAME.margin);
    // A narrow drawing: the text keeps 480 px, the drawing is centred under it.
    const narrow = layoutFrame({ title: 'x' }, 100, 100, 1, mono);
    expect(narrow.width).toBe(480 + 2 * FRAME.margin);
    expect(narrow.drawingX).toBe(FRAME.margin + 190);
  });

  it('an SVG keeps its drawing, nested at its place, under an escaped title', () => {
    const svg = '<?xml version="1.0" encoding="UTF-8"?><svg xmlns="http://www.w3.org/2000/svg" width="800" height="400"><rect width="800" height="400"/></svg>';
    const out = framedSvg(svg, { title: 'Sở <Y tế> & "Báo"', footer: 'Directive Graph' });
    expect(out.startsWith('<?xml version="1.0" encoding="UTF-8"?><svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(out).toContain('>Sở &lt;Y tế&gt; &amp; &quot;Báo&quot;</text>');
    expect(out).toMatch(/<svg x="24\.0" y="[\d.]+" xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="800" height="400"><rect width="800" height="400"\/><\/svg><\/svg>$/);
    expect(out).toMatch(new RegExp(`^<\\?xml[^>]*\\?><svg [^>]*width="${800 + 2 * FRAME.margin}"`));
    expect((out.match(/<svg\b/g) ?? []).length).toBe(2);
    // Not an SVG Cytoscape wrote (no size): left as it is.
    expect(framedSvg('<svg/>', { title: 't' })).toBe('<svg/>');
  });
});
