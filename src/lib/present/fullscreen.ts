/**
 * The Fullscreen API for the whole page. Browsers allow entering only right after a key press or
 * click, and refuse with a rejected promise otherwise; a refusal leaves the page as it was.
 */
export function toggleFullscreen(element: Element = document.documentElement): void {
	if (document.fullscreenElement) exitFullscreen();
	else element.requestFullscreen?.().catch(() => {});
}

export function exitFullscreen(): void {
	if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
}
