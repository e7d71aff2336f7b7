/**
 * One deck's navigation in a window: the pure state machine of navigation.ts, plus the two
 * things it must not know about — the URL hash (`#/3`: deep links, reload, back/forward) and the
 * other windows of the deck (stage ↔ presenter view, through sync.ts).
 */
import { exitFullscreen, toggleFullscreen } from './fullscreen';
import {
	hashForSlide,
	initialState,
	keyCommand,
	reduce,
	slideFromHash,
	type DeckAction,
	type DeckState
} from './navigation';
import { openSync, type DeckSync } from './sync';

export class DeckController {
	state: DeckState = $state(initialState(1));
	#sync: DeckSync | null = null;

	constructor(count: number, options: { auto: boolean; loop: boolean }) {
		this.state = initialState(count, options);
	}

	/**
	 * Applies an action. Moves the presenter makes add a history entry (Back goes to the slide
	 * before); moves of the timer or of the other window replace it, so history does not fill up.
	 * Only local changes are posted: the other window's own changes must not echo back.
	 */
	dispatch = (action: DeckAction, origin: 'local' | 'remote' = 'local') => {
		const before = this.state;
		const after = reduce(before, action);
		if (after === before) return;
		this.state = after;
		if (after.index !== before.index)
			writeHash(after.index, action.type === 'tick' || origin === 'remote' ? 'replace' : 'push');
		if (
			origin === 'local' &&
			(after.index !== before.index || after.playing !== before.playing || after.blank !== before.blank)
		) {
			this.#sync?.post(after);
		}
	};

	/**
	 * The window's keydown: keys drive the deck (any other key pauses auto-advance), F toggles
	 * full screen, S calls `openPresenter`. Keys typed into a field, and Space or Enter on a focused
	 * button or link, are left to the browser.
	 */
	keydown = (event: KeyboardEvent, openPresenter?: () => void) => {
		if (event.defaultPrevented || event.isComposing) return;
		const target = event.target instanceof Element ? event.target : null;
		if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
		if ((event.key === ' ' || event.key === 'Enter') && target?.closest('button, a')) return;
		const command = keyCommand(event);
		if (!command) return;
		if (command.type !== 'pause') event.preventDefault();
		if (command.type === 'fullscreen') {
			toggleFullscreen();
			this.dispatch({ type: 'pause' });
		} else if (command.type === 'presenter') {
			openPresenter?.();
			this.dispatch({ type: 'pause' });
		} else {
			// Browsers leave full screen on Esc themselves; headless ones and some kiosks do not.
			if (command.type === 'escape') exitFullscreen();
			this.dispatch(command);
		}
	};

	/** Starts following the hash and, given a deck key, the other windows of the deck; returns the teardown. */
	connect(deckKey: string | null): () => void {
		const linked = slideFromHash(location.hash, this.state.count);
		// A deep link is not the presenter taking over: it moves without pausing auto-advance.
		if (linked !== null) this.state = { ...this.state, index: linked };
		writeHash(this.state.index, 'replace');
		const onHash = () => {
			const index = slideFromHash(location.hash, this.state.count);
			if (index !== null && index !== this.state.index) this.dispatch({ type: 'goto', index });
		};
		addEventListener('hashchange', onHash);
		this.#sync = deckKey
			? openSync(deckKey, {
					onState: (s) => this.dispatch({ type: 'sync', ...s }, 'remote'),
					onHello: () => this.#sync?.post(this.state)
				})
			: null;
		this.#sync?.hello();
		return () => {
			removeEventListener('hashchange', onHash);
			this.#sync?.close();
			this.#sync = null;
		};
	}
}

function writeHash(index: number, mode: 'push' | 'replace') {
	const hash = hashForSlide(index);
	if (location.hash === hash) return;
	if (mode === 'push') location.hash = hash;
	else location.replace(hash);
}
