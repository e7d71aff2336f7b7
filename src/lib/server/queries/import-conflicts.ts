/**
 * What an import would do to statuses a person confirmed: planned exactly as the write plans it
 * (import-state.ts + import-plan.ts, nothing written), so the preview's conflicts are the write's.
 */
import type { DB } from '../db';
import type { Status, StatusSource } from '../../domain/status';
import type { ReportDraft } from '../import/types';
import { readWriteState } from './import-state';
import { planWrite, type DocumentInput } from './import-plan';

/** A task whose current status a person confirmed, and what the document reads for it. */
export interface ConfirmedConflict {
	taskId: number;
	taskName: string;
	confirmed: { status: Status; by: string | null; at: string; reason: string | null };
	reading: { status: Status; statusSource: StatusSource; statusText: string | null };
}

/** The confirmed statuses a document's write would meet in its periods, in task order. */
export async function findConfirmedConflicts(
	db: DB,
	draft: ReportDraft,
	doc: DocumentInput,
	organization: string[]
): Promise<ConfirmedConflict[]> {
	if (organization.length === 0) return [];
	const state = await readWriteState(db, draft, organization);
	const now = new Date().toISOString();
	const plan = planWrite({ draft, doc, organization, now, sample: false, replaceConfirmed: false }, state);
	const kept = plan.updates.flatMap((period) => period.keptConfirmed);
	if (kept.length === 0) return [];
	const confirmed = await db
		.selectFrom('updates')
		.innerJoin('tasks', 'tasks.id', 'updates.task_id')
		.select([
			'updates.task_id as taskId',
			'updates.period_id as periodId',
			'tasks.name as taskName',
			'updates.status',
			'updates.confirmed_by as by',
			'updates.created_at as at',
			'updates.reason'
		])
		.where('updates.id', 'in', kept)
		.orderBy('tasks.position')
		.execute();
	return confirmed.flatMap(({ taskId, periodId, taskName, status, by, at, reason }) => {
		const row = plan.updates.find((u) => u.periodId === periodId)?.rows.find((r) => r.task_id === taskId);
		if (!row) return [];
		return [
			{
				taskId,
				taskName,
				confirmed: { status, by, at, reason },
				reading: { status: row.status, statusSource: row.status_source, statusText: row.status_text ?? null }
			}
		];
	});
}
