/**
 * An invented administrative tree for synthetic data: 市 → 区/县 → 街道/镇, under an invented
 * 省 when there are more organizations than one city has. Names are composed from
 * PLACE_SYLLABLES, so none is a real place.
 */
import { Random } from './random';
import { CITY_NAMES, PLACE_SYLLABLES, PROVINCE_NAMES } from './vocabulary';

export type OrganizationLevel = 'province' | 'city' | 'district' | 'county' | 'street' | 'town';

export interface OrganizationNode {
	/** Position in the tree's depth-first order, 0 for the root; keys the organization's random streams. */
	index: number;
	name: string;
	level: OrganizationLevel;
	/** Names from the root down to this organization, as writeReport takes them. */
	chain: string[];
	/** The name without its level suffix (霁湄区 → 霁湄), for contents such as 霁湄五小新建项目. */
	stem: string;
}

/** About this many organizations fit one city (≈ 10 districts of ≈ 19 streets each, as in a real city). */
const CITY_SIZE = 200;
const STREETS_PER_DISTRICT = 19;

/**
 * `count` organizations in depth-first order (every parent before its children). Up to
 * 2 × CITY_SIZE they form one city; beyond, a province of cities of about CITY_SIZE each.
 */
export function buildOrganizations(seed: string, count: number): OrganizationNode[] {
	if (!Number.isInteger(count) || count < 1)
		throw new Error(`organization count must be a positive integer, got ${count}`);
	const random = Random.for(seed, 'organizations');
	const names = new Names(random);
	const nodes: OrganizationNode[] = [];
	const add = (name: string, level: OrganizationLevel, parent: OrganizationNode | null): OrganizationNode => {
		const node = {
			index: nodes.length,
			name,
			level,
			chain: [...(parent?.chain ?? []), name],
			stem: name.replace(/(省|市|区|县|街道|镇)$/, '')
		};
		nodes.push(node);
		return node;
	};

	const city = (size: number, parent: OrganizationNode | null) => {
		const root = add(names.city(), 'city', parent);
		const districtCount =
			size === 1 ? 0 : Math.min(size - 1, Math.max(1, Math.round((size - 1) / (STREETS_PER_DISTRICT + 1))));
		const streets = split(random, size - 1 - districtCount, districtCount);
		for (let d = 0; d < districtCount; d++) {
			const county = random.chance(0.3);
			const district = add(names.compose(county ? '县' : '区'), county ? 'county' : 'district', root);
			for (let s = 0; s < streets[d]; s++) {
				const town = random.chance(county ? 0.8 : 0.25);
				add(names.compose(town ? '镇' : '街道'), town ? 'town' : 'street', district);
			}
		}
	};

	if (count <= 2 * CITY_SIZE) city(count, null);
	else {
		const province = add(names.province(), 'province', null);
		const cityCount = Math.round((count - 1) / CITY_SIZE);
		for (const size of split(random, count - 1 - cityCount, cityCount)) city(size + 1, province);
	}
	return nodes;
}

/** Splits `total` into `parts` shares of roughly equal size (±50%), summing exactly to `total`. */
function split(random: Random, total: number, parts: number): number[] {
	if (parts === 0) return [];
	const weights = Array.from({ length: parts }, () => random.between(0.5, 1.5));
	const sum = weights.reduce((a, b) => a + b, 0);
	const shares = weights.map((w) => Math.floor((w / sum) * total));
	for (let i = 0, rest = total - shares.reduce((a, b) => a + b, 0); rest > 0; i = (i + 1) % parts, rest--) shares[i]++;
	return shares;
}

/** Invented names, unique across the whole tree so that no two organizations read alike. */
class Names {
	readonly #used = new Set<string>();
	constructor(readonly random: Random) {}

	province(): string {
		return this.#fromList(PROVINCE_NAMES, '省');
	}

	city(): string {
		return this.#fromList(CITY_NAMES, '市');
	}

	compose(suffix: string): string {
		for (let attempt = 0; ; attempt++) {
			const first = this.random.pick(PLACE_SYLLABLES);
			let second = this.random.pick(PLACE_SYLLABLES);
			if (second === first) continue;
			// Past 2 600 names per suffix the pairs run short; a third syllable keeps names unique.
			if (attempt > 40) second += this.random.pick(PLACE_SYLLABLES);
			const name = first + second + suffix;
			if (!this.#used.has(name)) {
				this.#used.add(name);
				return name;
			}
		}
	}

	#fromList(list: readonly string[], suffix: string): string {
		const free = list.filter((n) => !this.#used.has(n));
		if (free.length === 0) return this.compose(suffix);
		const name = this.random.pick(free);
		this.#used.add(name);
		return name;
	}
}
