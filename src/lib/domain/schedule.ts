/**
 * 序时进度 traffic lights: how far a task with a numeric target is behind the share of the year
 * elapsed. Real rule sets differ, so the rule is a setting (JINDU_TRAFFIC_LIGHTS):
 * - yinchuan (default; 银川): yellow when 10–30 percentage points below 序时进度, red beyond 30;
 * - sanya (三亚): yellow when up to 50% short of 序时进度, red beyond.
 */
import type { MessageKey } from '../i18n';

export type TrafficLight = 'green' | 'yellow' | 'red';

/** Each light's label in the UI dictionary (绿灯 / 黄灯 / 红灯). */
export const LIGHT_LABEL: Record<TrafficLight, MessageKey> = {
	green: 'lightGreen',
	yellow: 'lightYellow',
	red: 'lightRed'
};

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
 * The light and the gap are measures (measures.ts defines every measure once); the generator still
 * names the gap by its old name.
 */
export { scheduleGap as deviationPoints, trafficLight } from './measures';
