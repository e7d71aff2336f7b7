import type { RequestHandler } from './$types';
import { respondWithPdf } from '$lib/server/pages/report-pdf';

export const GET: RequestHandler = ({ url, request, locals }) => respondWithPdf(url, request, locals);
