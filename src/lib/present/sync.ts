/**
 * Keeps the windows that show one deck in step (the projector's stage and the presenter's
 * laptop view): each posts its slide, auto-advance and blank state when the presenter acts, and
 * a window that opens asks the others where they are. Messages for another deck (other filters
 * or agenda) are ignored, so two presentations in two tabs do not drive each other.
 */
export interface SyncState {
	index: number;
	playing: boolean;
	blank: boolean;
}

type Message = { deck: string; from: string } & ({ type: 'state'; state: SyncState } | { type: 'hello' });

export const SYNC_CHANNEL = 'jindu-present';

export interface DeckSync {
	post(state: SyncState): void;
	/** Asks the other windows of this deck to post their state. */
	hello(): void;
	close(): void;
}

/** Opens the channel for one deck; null where BroadcastChannel is missing (the window then runs alone). */
export function openSync(
	deck: string,
	handlers: { onState: (state: SyncState) => void; onHello: () => void }
): DeckSync | null {
	if (typeof BroadcastChannel === 'undefined') return null;
	const channel = new BroadcastChannel(SYNC_CHANNEL);
	const from = Math.random().toString(36).slice(2);
	channel.onmessage = (event: MessageEvent<Message>) => {
		const message = event.data;
		if (!message || message.deck !== deck || message.from === from) return;
		if (message.type === 'state') handlers.onState(message.state);
		else if (message.type === 'hello') handlers.onHello();
	};
	return {
		post: (state) =>
			channel.postMessage({
				deck,
				from,
				type: 'state',
				state: { index: state.index, playing: state.playing, blank: state.blank }
			} satisfies Message),
		hello: () => channel.postMessage({ deck, from, type: 'hello' } satisfies Message),
		close: () => channel.close()
	};
}
