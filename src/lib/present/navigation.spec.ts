import { describe, expect, it } from 'vitest';
import {
	hashForSlide,
	initialState,
	keyCommand,
	reduce,
	slideFromHash,
	type DeckAction,
	type DeckState,
	type KeyCommand
} from './navigation';

const deck = (overrides: Partial<DeckState> = {}): DeckState => ({ ...initialState(10), ...overrides });
const run = (state: DeckState, ...actions: DeckAction[]) => actions.reduce(reduce, state);

describe('reduce', () => {
	const cases: [string, Partial<DeckState>, DeckAction[], Partial<DeckState>][] = [
		['next', { index: 0 }, [{ type: 'next' }], { index: 1 }],
		['next stops at the last slide', { index: 9 }, [{ type: 'next' }], { index: 9 }],
		['prev', { index: 3 }, [{ type: 'prev' }], { index: 2 }],
		['prev stops at the first slide', { index: 0 }, [{ type: 'prev' }], { index: 0 }],
		['home', { index: 5 }, [{ type: 'home' }], { index: 0 }],
		['end', { index: 2 }, [{ type: 'end' }], { index: 9 }],
		['goto is clamped', {}, [{ type: 'goto', index: 42 }], { index: 9 }],
		['number then Enter jumps', {}, [{ type: 'digit', digit: '7' }, { type: 'enter' }], { index: 6, entry: '' }],
		['two digits', {}, [{ type: 'digit', digit: '1' }, { type: 'digit', digit: '0' }, { type: 'enter' }], { index: 9 }],
		[
			'a number past the end goes to the last',
			{},
			[{ type: 'digit', digit: '9' }, { type: 'digit', digit: '9' }, { type: 'enter' }],
			{ index: 9 }
		],
		['0 goes to the first', { index: 4 }, [{ type: 'digit', digit: '0' }, { type: 'enter' }], { index: 0 }],
		[
			'digits are kept while typing',
			{},
			[
				{ type: 'digit', digit: '1' },
				{ type: 'digit', digit: '2' }
			],
			{ entry: '12', index: 0 }
		],
		[
			'the entry keeps four digits',
			{},
			'12345'.split('').map((digit) => ({ type: 'digit', digit }) as DeckAction),
			{ entry: '1234' }
		],
		[
			'Backspace edits the entry',
			{},
			[{ type: 'digit', digit: '1' }, { type: 'digit', digit: '2' }, { type: 'backspace' }],
			{ entry: '1' }
		],
		['Backspace without an entry goes back', { index: 4 }, [{ type: 'backspace' }], { index: 3 }],
		['Enter without an entry advances', { index: 4 }, [{ type: 'enter' }], { index: 5 }],
		[
			'a move drops a half-typed entry',
			{ index: 4 },
			[{ type: 'digit', digit: '8' }, { type: 'next' }],
			{ index: 5, entry: '' }
		],
		[
			'Escape clears the entry and the key map',
			{ entry: '3', help: true },
			[{ type: 'escape' }],
			{ entry: '', help: false }
		],
		['? toggles the key map', {}, [{ type: 'help' }], { help: true }],
		['a move closes the key map', { help: true }, [{ type: 'next' }], { help: false, index: 1 }],
		['B blanks', {}, [{ type: 'blank' }], { blank: true }],
		['B again unblanks', { blank: true }, [{ type: 'blank' }], { blank: false }],
		['a move while blank only unblanks', { blank: true, index: 2 }, [{ type: 'next' }], { blank: false, index: 2 }],
		['Escape unblanks', { blank: true }, [{ type: 'escape' }], { blank: false }]
	];
	it.each(cases)('%s', (_name, start, actions, expected) => {
		expect(run(deck(start), ...actions)).toMatchObject(expected);
	});
});

describe('auto-advance', () => {
	const auto = (overrides: Partial<DeckState> = {}) => ({ ...initialState(3, { auto: true }), ...overrides });
	const cases: [string, DeckState, DeckAction[], Partial<DeckState>][] = [
		['starts playing when configured', auto(), [], { playing: true, index: 0 }],
		['a tick advances', auto(), [{ type: 'tick' }], { index: 1, playing: true }],
		['stops at the end without loop', auto({ index: 2 }), [{ type: 'tick' }], { index: 2, playing: false }],
		['loops at the end with loop', auto({ index: 2, loop: true }), [{ type: 'tick' }], { index: 0, playing: true }],
		['any key pauses', auto(), [{ type: 'pause' }, { type: 'tick' }], { index: 0, playing: false }],
		['a move pauses and moves', auto(), [{ type: 'next' }, { type: 'tick' }], { index: 1, playing: false }],
		['P resumes', auto(), [{ type: 'pause' }, { type: 'play' }, { type: 'tick' }], { index: 1, playing: true }],
		['P pauses when playing', auto(), [{ type: 'play' }], { playing: false }],
		['P does nothing without ?auto', deck(), [{ type: 'play' }], { playing: false }],
		['a tick while paused does nothing', auto({ playing: false, index: 1 }), [{ type: 'tick' }], { index: 1 }],
		['a tick while blank waits', auto({ blank: true }), [{ type: 'tick' }], { index: 0, playing: true }]
	];
	it.each(cases)('%s', (_name, start, actions, expected) => {
		expect(run(start, ...actions)).toMatchObject(expected);
	});
});

describe('sync from the other window', () => {
	it('adopts index, playing and blank, clamped to this deck', () => {
		const state = initialState(5, { auto: true });
		expect(reduce(state, { type: 'sync', index: 3, playing: false, blank: true })).toMatchObject({
			index: 3,
			playing: false,
			blank: true
		});
		expect(reduce(state, { type: 'sync', index: 99, playing: true, blank: false })).toMatchObject({
			index: 4,
			playing: true
		});
	});
	it('never starts playing where auto-advance is not configured', () => {
		expect(reduce(initialState(5), { type: 'sync', index: 1, playing: true, blank: false }).playing).toBe(false);
	});
});

describe('keyCommand', () => {
	const cases: [string, KeyCommand['type'] | null][] = [
		['ArrowRight', 'next'],
		['ArrowDown', 'next'],
		[' ', 'next'],
		['PageDown', 'next'],
		['ArrowLeft', 'prev'],
		['ArrowUp', 'prev'],
		['PageUp', 'prev'],
		['Home', 'home'],
		['End', 'end'],
		['Enter', 'enter'],
		['Backspace', 'backspace'],
		['Escape', 'escape'],
		['5', 'digit'],
		['f', 'fullscreen'],
		['F', 'fullscreen'],
		['b', 'blank'],
		['B', 'blank'],
		['.', 'blank'],
		['?', 'help'],
		['p', 'play'],
		['P', 'play'],
		['s', 'presenter'],
		['x', 'pause'],
		['Tab', 'pause'],
		['Shift', null],
		['Control', null]
	];
	it.each(cases)('%j', (key, expected) => {
		expect(keyCommand({ key })?.type ?? null).toBe(expected);
	});
	it('leaves browser shortcuts alone (Ctrl+P prints)', () => {
		expect(keyCommand({ key: 'p', ctrlKey: true })).toBeNull();
		expect(keyCommand({ key: 'ArrowRight', altKey: true })).toBeNull();
		expect(keyCommand({ key: 'r', metaKey: true })).toBeNull();
	});
	it('carries the digit', () => {
		expect(keyCommand({ key: '7' })).toEqual({ type: 'digit', digit: '7' });
	});
});

describe('hash', () => {
	const cases: [string, number | null][] = [
		['#/1', 0],
		['#/3', 2],
		['#/99', 9],
		['#/0', 0],
		['', null],
		['#3', null],
		['#/abc', null],
		['#/3/4', null]
	];
	it.each(cases)('%j', (hash, expected) => {
		expect(slideFromHash(hash, 10)).toBe(expected);
	});
	it('round-trips', () => {
		for (let i = 0; i < 10; i++) expect(slideFromHash(hashForSlide(i), 10)).toBe(i);
	});
	it('names no slide of an empty deck', () => {
		expect(slideFromHash('#/1', 0)).toBeNull();
	});
});
