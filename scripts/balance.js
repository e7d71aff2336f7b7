// Which worker the next connection goes to (scripts/serve.js): each in turn, whatever it is doing.
//
// node:cluster hands a connection to whichever worker has acknowledged the last one it was given, and a
// worker acknowledges only between two renders. When 32 keep-alive users connected at once, the worker busy
// rendering at that moment got 12 or 13 of them and the other 19 or 20, for as long as they stayed
// connected: every page on the busier worker waited behind more others, and its users set the 99th
// percentile. In turn, each gets 16. Counting each worker's open connections instead is no better: a busy
// worker reports a closed connection late, so the next users went mostly to the other one (its pages then
// waited 216 ms at the median, the busy one's 460).
// @ts-check

export class RoundRobin {
	/** @type {number[]} the workers ready for connections, in the order they became ready */
	#workers = [];
	#next = 0;

	/** @param {number} worker a worker ready for connections */
	add(worker) {
		if (!this.#workers.includes(worker)) this.#workers.push(worker);
	}

	/** @param {number} worker a worker that has stopped */
	remove(worker) {
		const at = this.#workers.indexOf(worker);
		if (at < 0) return;
		this.#workers.splice(at, 1);
		if (at < this.#next) this.#next--;
	}

	/** @returns {number | null} the worker for a new connection; null with no worker ready */
	take() {
		if (this.#workers.length === 0) return null;
		this.#next %= this.#workers.length;
		return this.#workers[this.#next++];
	}

	/** @returns {number} how many workers take connections */
	get size() {
		return this.#workers.length;
	}
}
