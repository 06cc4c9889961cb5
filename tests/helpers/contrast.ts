import type { Page } from 'playwright-core';

/**
 * WCAG 2 contrast of every piece of text on a page, measured in the browser.
 *
 * Why our own check: axe-core 4.14 treats Arabic text as not applicable to its color-contrast
 * rule (its icon-ligature heuristic mistakes joined Arabic letters for an icon font), so on an
 * Arabic page it silently checks nothing. This walks every element with its own visible text,
 * takes its computed color and the first opaque background behind it, and applies the AA
 * thresholds: 4.5:1, or 3:1 for large text (≥ 24 px, or ≥ 18.66 px bold).
 */
export async function contrastFailures(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const parse = (css: string): [number, number, number, number] => {
      const m = css.match(/rgba?\(([^)]+)\)/);
      if (!m) return [0, 0, 0, 0];
      const parts = m[1]!.split(/[ ,/]+/).filter(Boolean).map(Number);
      return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1];
    };
    const luminance = ([r, g, b]: number[]) => {
      const lin = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
    };
    const background = (el: Element | null): [number, number, number] => {
      for (let e = el; e; e = e.parentElement) {
        const [r, g, b, a] = parse(getComputedStyle(e).backgroundColor);
        if (a >= 0.99) return [r, g, b];
      }
      return [255, 255, 255];
    };
    const failures: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      const ownText = [...el.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim();
      if (!ownText) continue;
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      if (style.visibility === 'hidden' || style.display === 'none' || rect.width === 0 || rect.height === 0) continue;
      if (rect.bottom < 0 || rect.right < 0) continue; // parked off-screen (e.g. the skip link before focus)
      const [r, g, b, a] = parse(style.color);
      const bg = background(el);
      const fg = [r * a + bg[0] * (1 - a), g * a + bg[1] * (1 - a), b * a + bg[2] * (1 - a)];
      const [l1, l2] = [luminance(fg), luminance(bg)].sort((x, y) => y - x) as [number, number];
      const ratio = (l1 + 0.05) / (l2 + 0.05);
      const size = parseFloat(style.fontSize);
      const bold = Number(style.fontWeight) >= 700;
      const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
      if (ratio < needed) failures.push(`${ratio.toFixed(2)}:1 < ${needed}:1 «${ownText.slice(0, 40)}» (${el.tagName.toLowerCase()}.${el.className})`);
    }
    return failures;
  });
}
