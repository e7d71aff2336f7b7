import { describe, expect, it } from 'vitest';
import { behindStreak, changeKind, isChangeKind } from './changes';
import type { Status } from './status';

describe('changeKind', () => {
	it.each<[Status | null, Status, string]>([
		['behind', 'on_track', 'recovered'],
		['behind', 'ahead', 'recovered'],
		['behind', 'completed', 'recovered'],
		['not_started', 'on_track', 'recovered'],
		['not_started', 'completed', 'recovered'],
		['on_track', 'completed', 'newly_completed'],
		['ahead', 'completed', 'newly_completed'],
		['on_track', 'behind', 'newly_behind'],
		['ahead', 'not_started', 'newly_behind'],
		['completed', 'behind', 'newly_behind'],
		['ahead', 'on_track', 'worsened'],
		['completed', 'ahead', 'worsened'],
		['completed', 'on_track', 'worsened'],
		['behind', 'not_started', 'worsened'],
		['on_track', 'ahead', 'improved'],
		['not_started', 'behind', 'improved'],
		['behind', 'behind', 'unchanged'],
		['completed', 'completed', 'unchanged'],
		['on_track', 'on_track', 'unchanged'],
		['unknown', 'unknown', 'unknown'],
		['unknown', 'completed', 'unknown'],
		['behind', 'unknown', 'unknown'],
		[null, 'behind', 'unknown'],
		[null, 'completed', 'unknown']
	])('%s → %s is %s', (from, to, kind) => {
		expect(changeKind(from, to)).toBe(kind);
	});
});

describe('behindStreak', () => {
	it.each<[Status[], number]>([
		[[], 0],
		[['on_track'], 0],
		[['behind'], 1],
		[['not_started', 'behind', 'behind'], 3],
		[['behind', 'on_track', 'behind', 'not_started'], 2],
		[['behind', 'behind', 'completed'], 0],
		[['behind', 'unknown', 'behind'], 1],
		[['behind', 'behind', 'behind', 'behind'], 4]
	])('%j → %i', (statuses, n) => {
		expect(behindStreak(statuses)).toBe(n);
	});
});

describe('isChangeKind', () => {
	it.each([
		['recovered', true],
		['newly_behind', true],
		['behind', false],
		['', false],
		[3, false]
	])('%j → %s', (value, expected) => {
		expect(isChangeKind(value)).toBe(expected);
	});
});
