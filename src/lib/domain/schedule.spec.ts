import { describe, expect, it } from 'vitest';
import { TRAFFIC_LIGHT_RULES, deviationPoints, trafficLight, trafficLightRule } from './schedule';

describe('trafficLight', () => {
	it.each([
		// ratio, elapsed, yinchuan, sanya
		[0.5, 0.5, 'green', 'green'],
		[2.23, 0.5, 'green', 'green'],
		[0.45, 0.5, 'green', 'yellow'],
		[0.39, 0.5, 'yellow', 'yellow'],
		[0.2, 0.5, 'yellow', 'red'],
		[0.19, 0.5, 'red', 'red'],
		[0.1, 0.25, 'yellow', 'red'],
		[0, 0.917, 'red', 'red']
	] as const)('ratio %s at %s → %s (银川), %s (三亚)', (ratio, elapsed, yinchuan, sanya) => {
		expect(trafficLight(ratio, elapsed, TRAFFIC_LIGHT_RULES.yinchuan)).toBe(yinchuan);
		expect(trafficLight(ratio, elapsed, TRAFFIC_LIGHT_RULES.sanya)).toBe(sanya);
	});

	it('defaults to the 银川 rule and rejects unknown names', () => {
		expect(trafficLightRule(undefined).name).toBe('yinchuan');
		expect(trafficLightRule('sanya').name).toBe('sanya');
		expect(() => trafficLightRule('beijing')).toThrow(/JINDU_TRAFFIC_LIGHTS/);
	});

	it('states deviation in percentage points', () => {
		expect(deviationPoints(0.376, 0.5)).toBe(-12.4);
	});
});
