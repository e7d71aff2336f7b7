/**
 * An attachment that reports when the pointer has been still for `ms`: the stage then hides the
 * cursor and its controls, so nothing but the slide is on the projector. Keys do not wake it —
 * a clicker should not bring the controls back.
 */
import type { Attachment } from 'svelte/attachments';

const WAKE = ['pointermove', 'pointerdown', 'wheel', 'touchstart'] as const;

export function idleAfter(ms: number, onchange: (idle: boolean) => void): Attachment<HTMLElement> {
	return (element) => {
		let timer: ReturnType<typeof setTimeout> | undefined;
		let idle = false;
		const wake = () => {
			if (idle) {
				idle = false;
				onchange(false);
			}
			clearTimeout(timer);
			timer = setTimeout(() => {
				idle = true;
				onchange(true);
			}, ms);
		};
		for (const type of WAKE) element.addEventListener(type, wake, { passive: true });
		wake();
		return () => {
			clearTimeout(timer);
			for (const type of WAKE) element.removeEventListener(type, wake);
		};
	};
}
