/**
 * What goes wrong on a phone-sized screen: a page wider than the screen (the person has to scroll sideways),
 * and cells or list items that lie on top of each other or whose text spills out of them.
 */
import type { Page } from 'playwright-core';

export const PHONE = { width: 390, height: 844 } as const;

export interface LayoutProblems {
  /** document.documentElement.scrollWidth beyond window.innerWidth, with the elements that stick out. */
  overflow: string[];
  /** Sibling cells of a row, or neighbouring list items, whose boxes intersect. */
  overlaps: string[];
  /** Cells whose text is wider than the cell and shows over its neighbours. */
  spills: string[];
}

/** The layout problems of the page as it is now. */
export function findLayoutProblems(page: Page): Promise<LayoutProblems> {
  return page.evaluate(() => {
    const name = (element: Element) => {
      const tagged = element.closest('[data-testid]');
      const text = (element.textContent ?? '').trim().slice(0, 40);
      return `${element.tagName.toLowerCase()}${tagged ? ` in [data-testid="${tagged.getAttribute('data-testid')}"]` : ''} "${text}"`;
    };
    const shown = (element: Element) => {
      const box = element.getBoundingClientRect();
      return element.checkVisibility({ visibilityProperty: true }) && box.width > 0 && box.height > 0;
    };
    // One CSS pixel of rounding is not an overlap.
    const intersect = (a: DOMRect, b: DOMRect) =>
      Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
      Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;

    const overflow: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth) {
      overflow.push(
        `the page is ${document.documentElement.scrollWidth}px wide on a ${window.innerWidth}px screen`,
      );
      for (const element of document.body.querySelectorAll('*')) {
        if (overflow.length > 6) break;
        if (shown(element) && element.getBoundingClientRect().right > window.innerWidth + 1)
          overflow.push(`sticks out: ${name(element)}`);
      }
    }

    const overlaps: string[] = [];
    const spills: string[] = [];
    const rows = document.body.querySelectorAll('tr, [role="row"]');
    for (const row of rows) {
      const cells = [...row.children].filter(shown);
      for (let i = 0; i < cells.length; i++) {
        const cell = cells[i] as HTMLElement;
        if (getComputedStyle(cell).overflowX === 'visible' && cell.scrollWidth > cell.clientWidth + 1)
          spills.push(name(cell));
        for (let j = i + 1; j < cells.length; j++)
          if (intersect(cell.getBoundingClientRect(), (cells[j] as Element).getBoundingClientRect()))
            overlaps.push(`${name(cell)} and ${name(cells[j] as Element)}`);
      }
    }
    for (const list of document.body.querySelectorAll('ul, ol, [role="list"]')) {
      const items = [...list.children].filter(shown);
      for (let i = 1; i < items.length; i++)
        if (
          intersect(
            (items[i - 1] as Element).getBoundingClientRect(),
            (items[i] as Element).getBoundingClientRect(),
          )
        )
          overlaps.push(`${name(items[i - 1] as Element)} and ${name(items[i] as Element)}`);
    }
    return { overflow, overlaps, spills };
  });
}
