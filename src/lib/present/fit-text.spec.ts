import { describe, expect, it } from 'vitest';
import { MIN_FIT, nextFit } from './fit-text';

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
