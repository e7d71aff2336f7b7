import type { Page } from '@playwright/test';

/**
 * Text that does not fit its box, measured in the page rather than judged by eye: an element whose own
 * text is wider than its box (scrollWidth > clientWidth while its overflow is not meant to scroll or to
 * be cut with an ellipsis), or whose box sticks out of the page's width. Scrolling boxes (a table in its
 * horizontal scroller) and charts' canvases are left out: what they hold is meant to move.
 * Returns one line per offender, naming it, so a failing test says what to fix.
 */
export async function findOverflow(page: Page, root = 'body'): Promise<string[]> {
	return page.evaluate((rootSelector) => {
		const scope = document.querySelector(rootSelector) ?? document.body;
		const pageWidth = document.documentElement.clientWidth;
		const name = (el: Element) => {
			const id = el.id ? `#${el.id}` : '';
			const cls =
				typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
			const text = (el.textContent ?? '').trim().slice(0, 30);
			return `${el.tagName.toLowerCase()}${id}${cls} "${text}"`;
		};
		/** Inside a box that scrolls or clips on purpose: its overflow is the design, not a fault. */
		const inScroller = (el: Element) => {
			for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
				const style = getComputedStyle(up);
				if (['auto', 'scroll'].includes(style.overflowX)) return true;
			}
			return false;
		};
		const out: string[] = [];
		for (const el of scope.querySelectorAll<HTMLElement>('*')) {
			if (el.closest('.echart, svg, canvas, [hidden], template')) continue;
			const style = getComputedStyle(el);
			if (style.display === 'none' || style.visibility === 'hidden' || style.position === 'fixed') continue;
			// Visually hidden on purpose, for screen readers only (SvelteKit's route announcer, a 1px clipped box).
			if (style.clipPath.startsWith('inset(50%') || style.clip === 'rect(0px, 0px, 0px, 0px)') continue;
			const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
			const rect = el.getBoundingClientRect();
			if (rect.width === 0 || rect.height === 0) continue;
			const scrolls = ['auto', 'scroll'].includes(style.overflowX);
			const clips = style.overflowX === 'hidden' && style.textOverflow === 'ellipsis';
			if (ownText && !scrolls && !clips && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) {
				out.push(`${name(el)}: text ${el.scrollWidth}px in a box of ${el.clientWidth}px`);
			}
			if (!inScroller(el) && (rect.right > pageWidth + 1 || rect.left < -1)) {
				out.push(
					`${name(el)}: box ${Math.round(rect.left)}–${Math.round(rect.right)}px outside the page's ${pageWidth}px`
				);
			}
		}
		return out;
	}, root);
}
