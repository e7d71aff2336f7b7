import { describe, expect, it } from 'vitest';
import { MIN_FIT, guessFit, nextFit } from './fit-text';

const box = (scrollWidth: number, clientWidth: number, scrollHeight = 10, clientHeight = 10) => ({
	scrollWidth,
	clientWidth,
	scrollHeight,
	clientHeight
});

describe('nextFit', () => {
	it.each([
		['every box fits: the scale stays', 1, [box(100, 100), box(50, 80)], 1],
		['the widest overflow decides', 1, [box(200, 100), box(125, 100)], 0.49],
		['a box too tall shrinks too', 1, [box(10, 10, 120, 100)], 0.81],
		['from a scale already reduced', 0.8, [box(110, 100)], 0.71],
		['never below the floor', 1, [box(1000, 100)], MIN_FIT],
		['an empty box does not divide by zero', 1, [box(0, 0, 0, 0)], 1]
	])('%s', (_, current, boxes, expected) => {
		expect(nextFit(current, boxes)).toBe(expected);
	});
});

describe('guessFit', () => {
	/** The widest line of the city's KPI slide at 1920 × 1080: 3711 (bold, 104) and 73% (36), 16 apart. */
	const cityValue = {
		runs: [
			{ text: '3711', size: 104, digit: 0.59 },
			{ text: '73%', size: 36 }
		],
		gap: 16
	};

	it('guesses the scale the browser fitted the city tiles to (0.82, its 281 units wide)', () => {
		expect(guessFit([cityValue, { runs: [{ text: '其中推断 3035*', size: 28 }] }], 281)).toBeCloseTo(0.82, 1);
	});

	it('leaves type that fits as designed', () => {
		expect(guessFit([{ runs: [{ text: '24', size: 104, digit: 0.59 }] }], 281)).toBe(1);
		expect(guessFit([], 281)).toBe(1);
	});

	it('counts a Chinese character wider than a Latin letter, and never goes below the floor', () => {
		const line = (text: string) => [{ runs: [{ text, size: 28 }] }];
		expect(guessFit(line('其中推断其中推断其中推断'), 281)).toBeLessThan(guessFit(line('of which inferred'), 281));
		expect(guessFit(line('很长'.repeat(100)), 281)).toBe(MIN_FIT);
	});
});
