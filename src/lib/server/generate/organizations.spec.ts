import { describe, expect, it } from 'vitest';
import { buildOrganizations } from './organizations';

/** Names of the real bodies in data/reports: no synthetic organization may carry one. */
const REAL = ['杭州市', '萧山区', '新街街道', '绍兴市', '柯桥区'];
const SUFFIX = { province: /省$/, city: /市$/, district: /区$/, county: /县$/, street: /街道$/, town: /镇$/ };

describe('buildOrganizations', () => {
	it.each([1, 2, 3, 20, 200, 401, 2000])(
		'builds exactly %i organizations, parents first, names unique and invented',
		(count) => {
			const nodes = buildOrganizations('1', count);
			expect(nodes).toHaveLength(count);
			expect(new Set(nodes.map((n) => n.name)).size).toBe(count);
			const byName = new Map(nodes.map((n) => [n.name, n]));
			for (const [i, node] of nodes.entries()) {
				expect(node.index).toBe(i);
				expect(node.name).toMatch(SUFFIX[node.level]);
				expect(REAL).not.toContain(node.name);
				expect(node.chain.at(-1)).toBe(node.name);
				const parent = node.chain.length > 1 ? byName.get(node.chain.at(-2)!) : undefined;
				if (parent) expect(parent.index).toBeLessThan(node.index);
			}
		}
	);

	it('makes a city of about ten districts at city scale, and a province of cities beyond', () => {
		const city = buildOrganizations('1', 200);
		expect(city[0].level).toBe('city');
		expect(city.filter((n) => n.level === 'district' || n.level === 'county')).toHaveLength(10);
		expect(city.filter((n) => n.chain.length === 3)).toHaveLength(189);

		const province = buildOrganizations('1', 2000);
		expect(province[0].level).toBe('province');
		expect(province.filter((n) => n.level === 'city')).toHaveLength(10);
		expect(Math.max(...province.map((n) => n.chain.length))).toBe(4);
	});

	it('is the same tree for the same seed and another for another seed', () => {
		expect(buildOrganizations('1', 50)).toEqual(buildOrganizations('1', 50));
		expect(buildOrganizations('2', 50).map((n) => n.name)).not.toEqual(buildOrganizations('1', 50).map((n) => n.name));
	});
});
