/**
 * 序时进度 traffic lights: how far a task with a numeric target is behind the share of the year
 * elapsed. Real rule sets differ, so the rule is a setting (JINDU_TRAFFIC_LIGHTS):
 * - yinchuan (default; 银川): yellow when 10–30 percentage points below 序时进度, red beyond 30;
 * - sanya (三亚): yellow when up to 50% short of 序时进度, red beyond.
 */
export type TrafficLight = 'green' | 'yellow' | 'red';

export interface TrafficLightRule {
	name: string;
	/** 'points': percentage points below schedule; 'shortfall': share of the schedule missing. */
	measure: 'points' | 'shortfall';
	yellowFrom: number;
	redFrom: number;
}

export const TRAFFIC_LIGHT_RULES: Record<string, TrafficLightRule> = {
	yinchuan: { name: 'yinchuan', measure: 'points', yellowFrom: 10, redFrom: 30 },
	sanya: { name: 'sanya', measure: 'shortfall', yellowFrom: 0, redFrom: 50 }
};

export const DEFAULT_TRAFFIC_LIGHT_RULE = TRAFFIC_LIGHT_RULES.yinchuan;

/** The rule a setting names; unknown names fail loudly at start rather than colour wrongly. */
export function trafficLightRule(name: string | undefined): TrafficLightRule {
	if (!name) return DEFAULT_TRAFFIC_LIGHT_RULE;
	const rule = TRAFFIC_LIGHT_RULES[name];
	if (!rule)
		throw new Error(
			`JINDU_TRAFFIC_LIGHTS: unknown rule "${name}" (use ${Object.keys(TRAFFIC_LIGHT_RULES).join(' or ')})`
		);
	return rule;
}

/**
 * The light for a completion ratio (actual / target, may exceed 1) at a point of the year
 * (elapsed fraction, e.g. 0.5 for 上半年). Ceiling targets (lower is better) are not handled here.
 */
export function trafficLight(
	ratio: number,
	elapsed: number,
	rule: TrafficLightRule = DEFAULT_TRAFFIC_LIGHT_RULE
): TrafficLight {
	if (ratio >= elapsed) return 'green';
	const below = rule.measure === 'points' ? (elapsed - ratio) * 100 : ((elapsed - ratio) / elapsed) * 100;
	if (below > rule.redFrom) return 'red';
	return below > rule.yellowFrom ? 'yellow' : 'green';
}

/** Percentage points below (negative) or above 序时进度. */
export function deviationPoints(ratio: number, elapsed: number): number {
	return Math.round((ratio - elapsed) * 1000) / 10;
}
