/**
 * What the filter bar's pickers show and how the keyboard moves through them (pure, so node tests
 * cover it): the options of an organization tree with each one's path (市 › 区 › 街道), the matches of
 * what a person types, and the next active option for a key.
 */

export interface PickerOption {
	/** What the form sends ('' for "all"). */
	value: string;
	label: string;
	/** Names of the ancestors, top first: shown beside a match so two streets of one name differ. */
	path: string[];
	/** Indentation in the unfiltered tree. */
	depth: number;
}

interface TreeNode {
	id: number;
	name: string;
	parentId: number | null;
	depth: number;
	isSample?: boolean;
}

/** The tree's options in its depth-first order, each with its ancestors' names; `suffix` marks sample data. */
export function treeOptions(nodes: TreeNode[], sampleSuffix: string): PickerOption[] {
	const byId = new Map(nodes.map((n) => [n.id, n]));
	return nodes.map((node) => {
		const path: string[] = [];
		for (let up = byId.get(node.parentId ?? -1); up; up = byId.get(up.parentId ?? -1)) path.unshift(up.name);
		return {
			value: String(node.id),
			label: node.isSample ? `${node.name}${sampleSuffix}` : node.name,
			path,
			depth: node.depth
		};
	});
}

/** Options of a flat list whose values are their names (categories). */
export function flatOptions(names: string[]): PickerOption[] {
	return names.map((name) => ({ value: name, label: name, path: [], depth: 0 }));
}

/** Text as a search compares it: full-width forms folded, no spaces, lower case. */
const folded = (text: string) => text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/**
 * The options whose name holds `query` (ignoring width, spaces and case): names that start with it first,
 * each group in the list's own order; all options for an empty query. At most `limit`, and how many matched.
 */
export function matchOptions(
	options: PickerOption[],
	query: string,
	limit: number
): { shown: PickerOption[]; matched: number } {
	const q = folded(query);
	if (!q) return { shown: options.slice(0, limit), matched: options.length };
	const starts: PickerOption[] = [];
	const contains: PickerOption[] = [];
	for (const option of options) {
		const name = folded(option.label);
		if (name.startsWith(q)) starts.push(option);
		else if (name.includes(q)) contains.push(option);
	}
	const all = [...starts, ...contains];
	return { shown: all.slice(0, limit), matched: all.length };
}

/** The active option after a key (-1: none); null for a key the list does not handle. */
export function nextActive(key: string, active: number, count: number): number | null {
	if (count === 0) return key === 'ArrowDown' || key === 'ArrowUp' ? -1 : null;
	switch (key) {
		case 'ArrowDown':
			return active < count - 1 ? active + 1 : 0;
		case 'ArrowUp':
			return active > 0 ? active - 1 : count - 1;
		case 'Home':
			return 0;
		case 'End':
			return count - 1;
		default:
			return null;
	}
}
