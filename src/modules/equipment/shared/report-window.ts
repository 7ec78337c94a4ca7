/** The report window moved to the HTTP edge, shared by every module with `?from&to` reports. */
export { MAX_WINDOW_MS, reportWindow, windowQuery, windowQuerySchema } from '../../../platform/http/report-window.js';
