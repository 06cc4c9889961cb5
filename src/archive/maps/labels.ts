/**
 * Where names go. Greedy: the most important places are labelled first, each label taking the
 * first of a few positions around its marker that stays inside the map and clear of every
 * marker and every label already placed; a name that fits nowhere is left off (its marker stays,
 * with a tooltip, and the text alternative lists it).
 *
 * There are no font metrics at build time, so a label's box is estimated from a table of the
 * site font's letter widths (`textWidth`); another font makes the estimate rougher, not wrong:
 * each label is anchored at the side facing its marker, so only its far end moves.
 */

/** A rectangle in viewBox units. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Which end of a right-to-left text its x is: `start` is its right end. */
export type Anchor = 'start' | 'middle' | 'end';

/** A placed label: its box, and where its text goes (anchor x, baseline y). */
export interface PlacedLabel {
  box: Box;
  x: number;
  y: number;
  anchor: Anchor;
}

// Advance widths in em of Noto Naskh Arabic (the site font), measured in Chromium: for each
// letter, its isolated, initial, medial and final form. Letters sharing their widths share a line.
const FORMS: Record<string, readonly [number, number, number, number]> = {
  ء: [0.44, 0.44, 0.44, 0.44],
  آأإا: [0.24, 0.24, 0.29, 0.29],
  ؤو: [0.47, 0.47, 0.51, 0.51],
  ئى: [0.62, 0.28, 0.33, 0.73],
  ب: [0.77, 0.28, 0.33, 0.86],
  ة: [0.41, 0.41, 0.49, 0.49],
  تث: [0.77, 0.34, 0.4, 0.86],
  جحخ: [0.64, 0.64, 0.71, 0.71],
  دذ: [0.41, 0.41, 0.51, 0.51],
  رز: [0.39, 0.39, 0.44, 0.44],
  سش: [1.01, 0.66, 0.7, 1.06],
  صض: [1.1, 0.79, 0.82, 1.14],
  طظ: [0.77, 0.66, 0.67, 0.81],
  عغ: [0.6, 0.51, 0.45, 0.52],
  ف: [0.85, 0.42, 0.43, 0.86],
  ق: [0.65, 0.42, 0.43, 0.68],
  ك: [0.56, 0.41, 0.5, 0.78],
  ل: [0.59, 0.21, 0.28, 0.63],
  م: [0.49, 0.46, 0.45, 0.57],
  ن: [0.59, 0.28, 0.33, 0.62],
  ه: [0.63, 0.51, 0.42, 0.49],
  ي: [0.62, 0.34, 0.4, 0.73],
};
const WIDTHS = new Map<string, readonly [number, number, number, number]>();
for (const [letters, widths] of Object.entries(FORMS)) for (const letter of letters) WIDTHS.set(letter, widths);
// Letters that never join the letter after them (the alefs, dal, ra, waw…).
const RIGHT_JOINING = new Set('ءآأؤإاةدذرزو');
const ALEFS = new Set('اأإآ');
const TATWEEL = 'ـ';

/**
 * Estimated width of a name in em, shaping Arabic the way the font does: a letter takes its
 * initial, medial, final or isolated form by whether it joins its neighbours (medial س is a third
 * narrower than isolated س), lam-alef is one ligature, marks take no room.
 */
export function textWidth(name: string): number {
  const chars = [...name.normalize('NFC')].filter((c) => !/\p{M}|\p{Cf}/u.test(c));
  let width = 0;
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] ?? '';
    const forms = WIDTHS.get(char);
    if (!forms) {
      width += char === TATWEEL ? 0.21 : /\s/u.test(char) ? 0.22 : /\p{Lu}/u.test(char) ? 0.67 : 0.56;
      continue;
    }
    const previous = chars[i - 1] ?? '';
    const next = chars[i + 1] ?? '';
    const joinsPrevious = previous === TATWEEL || (WIDTHS.has(previous) && !RIGHT_JOINING.has(previous));
    if (char === 'ل' && ALEFS.has(next)) {
      width += joinsPrevious ? 0.65 : 0.52;
      i++;
      continue;
    }
    const joinsNext = !RIGHT_JOINING.has(char) && (next === TATWEEL || (WIDTHS.has(next) && next !== 'ء'));
    width += forms[joinsPrevious ? (joinsNext ? 2 : 3) : joinsNext ? 1 : 0];
  }
  return width;
}

/**
 * Estimated box of a name at a type size: its shaped width, and the ink's height. Naskh is tall:
 * ط and ل reach 0.85 em above the baseline and the tails of ن, س and ي 0.5 em below it, so two
 * names one above the other need 1.35 em between their baselines not to touch.
 */
export function labelSize(name: string, fontSize: number): { width: number; height: number } {
  return { width: Math.max(textWidth(name), 0.5) * fontSize, height: LINE * fontSize };
}

/** The height of a name's box, in em. */
const LINE = 1.35;

/** Reserves room on a map, first come, first served. */
export class LabelPlacer {
  readonly #taken: Box[] = [];
  readonly #frame: Box;

  /** A placer for a frame, keeping labels `margin` units from its edges. */
  constructor(width: number, height: number, margin: number) {
    this.#frame = { x0: margin, y0: margin, x1: width - margin, y1: height - margin };
  }

  /** Marks an area no label may cover (a marker). */
  block(box: Box): void {
    this.#taken.push(box);
  }

  /**
   * Places a label of the given size at the first free position around a point: the side where
   * Arabic text would follow the marker (its left), then its right, above, below, and the two
   * left corners. With `side`, only that side, its two corners, above and below: the name of a
   * place with a close neighbour stays on its own side of it. `gap` is the distance from the
   * point (the marker's radius and some air).
   */
  placeBeside(x: number, y: number, gap: number, size: { width: number; height: number }, side: 'any' | 'left' | 'right' = 'any'): PlacedLabel | undefined {
    const { width: w, height: h } = size;
    const left: [Box, Anchor] = [{ x0: x - gap - w, y0: y - h / 2, x1: x - gap, y1: y + h / 2 }, 'start'];
    const right: [Box, Anchor] = [{ x0: x + gap, y0: y - h / 2, x1: x + gap + w, y1: y + h / 2 }, 'end'];
    const above: [Box, Anchor] = [{ x0: x - w / 2, y0: y - gap - h, x1: x + w / 2, y1: y - gap }, 'middle'];
    const below: [Box, Anchor] = [{ x0: x - w / 2, y0: y + gap, x1: x + w / 2, y1: y + gap + h }, 'middle'];
    const corners = (to: 'left' | 'right'): [Box, Anchor][] =>
      to === 'left'
        ? [
            [{ x0: x - gap - w, y0: y - gap / 2 - h, x1: x - gap, y1: y - gap / 2 }, 'start'],
            [{ x0: x - gap - w, y0: y + gap / 2, x1: x - gap, y1: y + gap / 2 + h }, 'start'],
          ]
        : [
            [{ x0: x + gap, y0: y - gap / 2 - h, x1: x + gap + w, y1: y - gap / 2 }, 'end'],
            [{ x0: x + gap, y0: y + gap / 2, x1: x + gap + w, y1: y + gap / 2 + h }, 'end'],
          ];
    const candidates: [Box, Anchor][] =
      side === 'any' ? [left, right, above, below, ...corners('left')] : [side === 'left' ? left : right, ...corners(side), above, below];
    return this.#first(candidates, size.height);
  }

  /** Places a label centred on a point, or nudged up or down by up to a line (or `maxShift` units). */
  placeCentred(x: number, y: number, size: { width: number; height: number }, maxShift = Infinity): PlacedLabel | undefined {
    const { width: w, height: h } = size;
    const candidates = [0, -0.6, 0.6, -1.2, 1.2]
      .filter((shift) => Math.abs(shift * h) <= maxShift)
      .map((shift): [Box, Anchor] => [{ x0: x - w / 2, y0: y - h / 2 + shift * h, x1: x + w / 2, y1: y + h / 2 + shift * h }, 'middle']);
    return this.#first(candidates, size.height);
  }

  #first(candidates: [Box, Anchor][], height: number): PlacedLabel | undefined {
    for (const [box, anchor] of candidates) {
      if (!contains(this.#frame, box) || this.#taken.some((t) => overlap(t, box))) continue;
      // Names keep a space between them, or two would read as one («وهران الدار البيضاء»),
      // and a little air above and below (two names one over the other must not touch).
      const space = height / 4;
      this.#taken.push({ x0: box.x0 - space, y0: box.y0 - space / 2, x1: box.x1 + space, y1: box.y1 + space / 2 });
      // Right-to-left text starts at its right edge: a label left of its marker is anchored
      // there (`start`), one to its right at its left edge (`end`), so an error in the width
      // estimate moves only the end away from the marker.
      const x = anchor === 'start' ? box.x1 : anchor === 'end' ? box.x0 : (box.x0 + box.x1) / 2;
      // Arabic letters sit mostly above the baseline: a baseline 0.85 em below the box's top
      // (0.175 em below its middle) centres the ink in it.
      return { box, x, y: (box.y0 + box.y1) / 2 + 0.175 * (height / LINE), anchor };
    }
    return undefined;
  }
}

function contains(outer: Box, inner: Box): boolean {
  return inner.x0 >= outer.x0 && inner.y0 >= outer.y0 && inner.x1 <= outer.x1 && inner.y1 <= outer.y1;
}

function overlap(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}
