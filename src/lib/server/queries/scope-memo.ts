/**
 * Answers kept on a request's scope. A scope object lives for one request, so a page that asks the same
 * question of it twice (the overview's numbers and its comparison, its trend line and its period counts)
 * reads the database once, and nothing outlives the request or a write.
 */
export function memoOnScope<V>(): (scope: object, key: string | number, compute: () => Promise<V>) => Promise<V> {
	const answers = new WeakMap<object, Map<string | number, Promise<V>>>();
	return (scope, key, compute) => {
		let asked = answers.get(scope);
		if (!asked) answers.set(scope, (asked = new Map()));
		let answer = asked.get(key);
		if (!answer) asked.set(key, (answer = compute()));
		return answer;
	};
}
