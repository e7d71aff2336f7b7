/**
 * `/audit` and `/audit/export.csv`: the audit trail for admins, of the organizations they administer
 * (a row is filed under the organization written to; an account's rows under its grant's). Rows filed
 * under no organization are read from the database only. Nothing here edits or deletes: the table
 * refuses it anyway (migrations/0018).
 */
import { error } from '@sveltejs/kit';
import type { DB } from '../db';
import { requireUser } from '../auth/guard';
import { actorOf, administeredIds } from '../auth/accounts';
import { descendantIds } from '../queries/scope';
import * as audit from '../queries/audit-list';
import * as accounts from '../queries/accounts';
import { FilterError } from '../../filters';
import {
	AUDIT_PAGE_SIZE,
	beijingDayEnd,
	beijingDayStart,
	parseAuditParams,
	type AuditParams
} from '../../audit-params';
import { parseOr400 } from './request';
import { beijingTime } from '../../domain/clock';
import { BOM, contentDisposition, csvLine, exportFileName } from '../../export/cells';
import { messages, type Lang } from '../../i18n';

/** The filter of the URL, for an admin: their organizations, or the subtree of one of them that `org` names. */
async function auditFilter(
	db: DB,
	url: URL,
	locals: App.Locals
): Promise<{ params: AuditParams; filter: audit.AuditFilter; administered: number[] }> {
	const user = requireUser(locals, url);
	const administered = (await administeredIds(db, actorOf(user))) ?? [];
	if (administered.length === 0) error(403, 'Forbidden: the audit trail is for admins');
	const params = await parseOr400(() => parseAuditParams(url.searchParams));
	let organizationIds = administered;
	if (params.org) {
		const named = await parseOr400(() => namedOrganizations(db, params.org!));
		const inside = named.filter((id) => administered.includes(id));
		if (inside.length === 0) error(403, 'Forbidden: this organization is outside what you administer');
		organizationIds = await descendantIds(db, inside);
	}
	const filter = {
		organizationIds,
		actor: params.person,
		kind: params.kind,
		from: params.from && beijingDayStart(params.from),
		to: params.to && beijingDayEnd(params.to)
	};
	return { params, filter, administered };
}

async function namedOrganizations(db: DB, org: string): Promise<number[]> {
	const ids = /^\d+$/.test(org) ? [Number(org)] : (await accounts.findOrganizationsByName(db, org)).map((o) => o.id);
	const known = [];
	for (const id of ids) if ((await accounts.getOrganizationName(db, id)) !== undefined) known.push(id);
	if (known.length === 0) throw new FilterError('org', 'unknownOrganization', { value: org });
	return known;
}

export async function loadAuditPage(db: DB, url: URL, locals: App.Locals) {
	const { params, filter, administered } = await auditFilter(db, url, locals);
	const [total, actors, organizations] = await Promise.all([
		audit.countAuditEvents(db, filter),
		audit.listAuditActors(db, administered),
		accounts.listOrganizationOptions(db, administered)
	]);
	const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
	const rows = await audit.listAuditEvents(db, filter, {
		limit: AUDIT_PAGE_SIZE,
		offset: (Math.min(params.page, pages) - 1) * AUDIT_PAGE_SIZE
	});
	return {
		params,
		total,
		pages,
		actors,
		organizations,
		rows: rows.map((row) => ({ ...row, at: beijingTime(row.at) }))
	};
}

/** Rows of the export, a thousand at a time, newest first. */
async function* exportRows(db: DB, filter: audit.AuditFilter, lang: Lang): AsyncGenerator<string> {
	const t = messages[lang];
	yield BOM +
		csvLine([
			t.auditWhen,
			t.auditActor,
			t.auditKind,
			t.auditOrganization,
			t.auditSubject,
			t.auditBefore,
			t.auditAfter,
			t.auditReason
		]);
	let beforeId: number | undefined;
	for (;;) {
		const rows = await audit.listAuditEvents(db, filter, { limit: 1000, beforeId });
		if (rows.length === 0) return;
		yield rows
			.map((r) => csvLine([beijingTime(r.at), r.actor, r.kind, r.organization, r.subject, r.before, r.after, r.reason]))
			.join('');
		beforeId = rows.at(-1)!.id;
	}
}

/** The filtered trail as CSV (UTF-8 with BOM, cells that could start a formula neutralised). */
export async function loadAuditExport(db: DB, url: URL, locals: App.Locals): Promise<Response> {
	const { params, filter } = await auditFilter(db, url, locals);
	const rows = exportRows(db, filter, locals.lang);
	const encoder = new TextEncoder();
	const body = new ReadableStream<Uint8Array>({
		async pull(controller) {
			const next = await rows.next();
			if (next.done) controller.close();
			else controller.enqueue(encoder.encode(next.value));
		}
	});
	const name = exportFileName(
		messages[locals.lang].auditFilePrefix,
		[params.org, params.person, params.kind, params.from, params.to],
		new Date(),
		'csv'
	);
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': contentDisposition(name),
			'cache-control': 'no-store'
		}
	});
}
