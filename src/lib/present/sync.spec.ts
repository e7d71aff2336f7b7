import { afterEach, describe, expect, it } from 'vitest';
import { openSync, type DeckSync, type SyncState } from './sync';

const opened: DeckSync[] = [];
afterEach(() => {
	for (const sync of opened.splice(0)) sync.close();
});

function window(deck: string) {
	const received: SyncState[] = [];
	let hellos = 0;
	const sync = openSync(deck, { onState: (s) => received.push(s), onHello: () => hellos++ })!;
	opened.push(sync);
	return { sync, received, hellos: () => hellos };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('openSync (Node has BroadcastChannel, as browsers do)', () => {
	it('carries one window’s state to the other windows of the same deck only', async () => {
		const stage = window('/present?org=1');
		const presenter = window('/present?org=1');
		const other = window('/present?org=2');
		stage.sync.post({ index: 3, playing: false, blank: true });
		await settle();
		expect(presenter.received).toEqual([{ index: 3, playing: false, blank: true }]);
		expect(other.received).toEqual([]);
		expect(stage.received).toEqual([]);
	});

	it('passes a hello to the others, so a window that opens can ask where the deck is', async () => {
		const stage = window('d');
		const presenter = window('d');
		presenter.sync.hello();
		await settle();
		expect(stage.hellos()).toBe(1);
		expect(presenter.hellos()).toBe(0);
	});

	it('sends only the shared fields', async () => {
		const stage = window('d');
		const presenter = window('d');
		stage.sync.post({ index: 1, playing: true, blank: false, entry: '12', help: true } as SyncState);
		await settle();
		expect(presenter.received).toEqual([{ index: 1, playing: true, blank: false }]);
	});
});
