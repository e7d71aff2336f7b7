/**
 * Deck navigation as a pure state machine: what a key, a click, the auto-advance timer or the
 * other window (presenter view) does to the deck. The page only turns DOM events into actions
 * (`keyCommand`) and state into DOM, so every rule here is tested without a browser.
 */

export interface DeckState {
	/** The current slide, 0-based. */
	index: number;
	count: number;
	/** Digits typed towards a jump ("12" then Enter goes to slide 12). */
	entry: string;
	/** Advancing by itself now. */
	playing: boolean;
	/** Auto-advance is configured (`?auto=`), so P can resume it. */
	auto: boolean;
	/** After the last slide, auto-advance starts again at the first. */
	loop: boolean;
	/** The screen is blanked (B): nothing on the projector while the room talks. */
	blank: boolean;
	/** The key map is shown (?). */
	help: boolean;
}

export type DeckAction =
	| { type: 'next' }
	| { type: 'prev' }
	| { type: 'home' }
	| { type: 'end' }
	| { type: 'goto'; index: number }
	| { type: 'digit'; digit: string }
	| { type: 'enter' }
	| { type: 'backspace' }
	| { type: 'escape' }
	| { type: 'blank' }
	| { type: 'help' }
	/** P: resume auto-advance, or pause it when it runs. */
	| { type: 'play' }
	/** Any other key or a click: the presenter has taken over. */
	| { type: 'pause' }
	/** The auto-advance timer fired. */
	| { type: 'tick' }
	/** The other window moved or paused: adopt its state as is. */
	| { type: 'sync'; index: number; playing: boolean; blank: boolean };

/** What a key asks for: a deck action, or one of the two things only the page can do. */
export type KeyCommand = DeckAction | { type: 'fullscreen' } | { type: 'presenter' };

/** Longest jump number: four digits is more slides than any meeting has. */
const MAX_ENTRY = 4;

export function initialState(
	count: number,
	options: { index?: number; auto?: boolean; loop?: boolean } = {}
): DeckState {
	return {
		index: clamp(options.index ?? 0, count),
		count,
		entry: '',
		playing: !!options.auto,
		auto: !!options.auto,
		loop: !!options.loop,
		blank: false,
		help: false
	};
}

function clamp(index: number, count: number): number {
	if (!Number.isFinite(index)) return 0;
	return Math.max(0, Math.min(count - 1, Math.trunc(index)));
}

const MOVES = new Set<DeckAction['type']>(['next', 'prev', 'home', 'end', 'goto', 'enter', 'backspace']);

export function reduce(state: DeckState, action: DeckAction): DeckState {
	switch (action.type) {
		case 'tick':
			if (!state.playing || state.blank) return state;
			if (state.index < state.count - 1) return { ...state, index: state.index + 1 };
			return state.loop ? { ...state, index: 0 } : { ...state, playing: false };
		case 'sync':
			return {
				...state,
				index: clamp(action.index, state.count),
				playing: state.auto && action.playing,
				blank: action.blank,
				entry: ''
			};
		case 'play':
			return state.auto ? { ...state, playing: !state.playing, entry: '' } : state;
		default:
	}

	// Everything else is the presenter acting, which stops auto-advance.
	const taken = { ...state, playing: false };
	// A blanked screen comes back on the next move without moving, so a stray key never skips a slide unseen.
	if (state.blank && MOVES.has(action.type)) return { ...taken, blank: false, entry: '' };

	switch (action.type) {
		case 'next':
			return { ...taken, index: clamp(state.index + 1, state.count), entry: '', help: false };
		case 'prev':
			return { ...taken, index: clamp(state.index - 1, state.count), entry: '', help: false };
		case 'home':
			return { ...taken, index: 0, entry: '', help: false };
		case 'end':
			return { ...taken, index: state.count - 1, entry: '', help: false };
		case 'goto':
			return { ...taken, index: clamp(action.index, state.count), entry: '', help: false };
		case 'digit':
			if (!/^\d$/.test(action.digit)) return taken;
			return { ...taken, entry: (state.entry + action.digit).slice(0, MAX_ENTRY) };
		case 'enter':
			if (!state.entry) return reduce(taken, { type: 'next' });
			return { ...taken, index: clamp(Number(state.entry) - 1, state.count), entry: '', help: false };
		case 'backspace':
			if (state.entry) return { ...taken, entry: state.entry.slice(0, -1) };
			return reduce(taken, { type: 'prev' });
		case 'escape':
			return { ...taken, entry: '', help: false, blank: false };
		case 'blank':
			return { ...taken, blank: !state.blank, entry: '' };
		case 'help':
			return { ...taken, help: !state.help, entry: '' };
		case 'pause':
			return taken;
	}
}

/** The parts of a keyboard event that decide the command. */
export interface KeyLike {
	key: string;
	ctrlKey?: boolean;
	metaKey?: boolean;
	altKey?: boolean;
}

const KEYS: Record<string, KeyCommand> = {
	ArrowRight: { type: 'next' },
	ArrowDown: { type: 'next' },
	' ': { type: 'next' },
	PageDown: { type: 'next' },
	n: { type: 'next' },
	ArrowLeft: { type: 'prev' },
	ArrowUp: { type: 'prev' },
	PageUp: { type: 'prev' },
	Backspace: { type: 'backspace' },
	Home: { type: 'home' },
	End: { type: 'end' },
	Enter: { type: 'enter' },
	Escape: { type: 'escape' },
	f: { type: 'fullscreen' },
	b: { type: 'blank' },
	// Clickers' "blank screen" button sends a full stop.
	'.': { type: 'blank' },
	'?': { type: 'help' },
	h: { type: 'help' },
	p: { type: 'play' },
	s: { type: 'presenter' }
};

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock', 'Fn', 'OS']);

/**
 * The command for a key. Keys held with Ctrl, Alt or Meta belong to the browser (Ctrl+P prints,
 * Ctrl+R reloads) and give null, as do lone modifiers; any other unmapped key pauses auto-advance.
 */
export function keyCommand(event: KeyLike): KeyCommand | null {
	if (event.ctrlKey || event.metaKey || event.altKey) return null;
	if (MODIFIERS.has(event.key)) return null;
	if (/^\d$/.test(event.key)) return { type: 'digit', digit: event.key };
	const command = KEYS[event.key] ?? KEYS[event.key.toLowerCase()];
	return command ?? { type: 'pause' };
}

/** The slide a URL hash names (`#/3` is the third slide), as a 0-based index; null when it names none. */
export function slideFromHash(hash: string, count: number): number | null {
	const match = /^#\/(\d{1,4})$/.exec(hash);
	if (!match || count === 0) return null;
	return clamp(Number(match[1]) - 1, count);
}

export function hashForSlide(index: number): string {
	return `#/${index + 1}`;
}
