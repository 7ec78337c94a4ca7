/**
 * Reads the routes and violation codes that the API contract (API.md) and docs/api.md list, so a test can compare
 * them with what the server registers. Pure functions over the Markdown text; no file or server access.
 */

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const METHOD = `(?:${METHODS.join('|')})`;

/** The base path of the API: API.md writes the paths of its module sections relative to it. */
export const API_BASE = '/api/v1';

/** A route as `METHOD /path`, with the path in the form `normalisePath` gives. */
export type RouteKey = string;

/**
 * A path in one form whatever its source: no query string, no trailing slash, every path parameter (`:id` as the
 * server registers it, `{id}` as the documents write it) as `{}`. A wildcard `*` stays as it is.
 */
export function normalisePath(path: string): string {
  const bare = path.replace(/[?#].*$/, '');
  const params = bare.replace(/:[A-Za-z0-9_]+/g, '{}').replace(/\{[^}/]*\}/g, '{}');
  return params.length > 1 ? params.replace(/\/+$/, '') : params;
}

export function routeKey(method: string, path: string): RouteKey {
  return `${method.toUpperCase()} ${normalisePath(path)}`;
}

interface Section {
  readonly heading: string;
  readonly lines: readonly string[];
}

/** The text split at each `## ` heading (the text before the first one is the section with heading ''). */
export function sections(markdown: string): Section[] {
  const out: { heading: string; lines: string[] }[] = [{ heading: '', lines: [] }];
  for (const line of markdown.split(/\r?\n/)) {
    const h2 = /^##\s+(.*?)\s*$/.exec(line);
    if (h2 && !line.startsWith('###')) out.push({ heading: h2[1]!, lines: [] });
    else out[out.length - 1]!.lines.push(line);
  }
  return out;
}

/** The cells of a Markdown table row (`\|` inside a cell is a literal bar, not a cell border); null for other lines. */
export function tableCells(line: string): string[] | null {
  const trimmed = line.trim();
  if (!trimmed.startsWith('|')) return null;
  const cells = trimmed.replace(/^\|/, '').replace(/(?<!\\)\|$/, '').split(/(?<!\\)\|/).map((c) => c.trim());
  if (isSeparatorRow(trimmed)) return null;
  return cells;
}

/** The row under a table's header: |---|---|. */
function isSeparatorRow(line: string): boolean {
  return /^\|(\s*:?-+:?\s*\|)+$/.test(line.trim());
}

/** The text inside each pair of backticks of a line. */
function codeSpans(line: string): string[] {
  return [...line.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
}

/**
 * The routes one "method path" cell of an API.md table names. Its forms, all of which API.md uses:
 * - `GET /lots/{id}/genealogy?direction=...`: one route (the query is not part of the path);
 * - `PUT /sites/{id}, /areas/{id}`: the method carries over to each path after a comma;
 * - `POST /work-orders/{id}/release · /hold · /close`: a one-segment path after `·` replaces the last segment of the
 *   path before it, with the same method; `GET /nonconformances · GET /nonconformances/{id}`: a route after `·`;
 * - `GET /equipment/{id}/oee?from&to (also /work-centers, /areas, /sites)`: the same route with its first segment
 *   replaced by each alternative;
 * - `/integration/subscriptions` (no method): the row's body cell says what it is; a body is sent with POST, a row
 *   without one is read with GET.
 */
export function routesOfCell(cell: string, bodyCell: string): { method: string; path: string }[] {
  const text = cell.replace(/`/g, '');
  const alternatives: string[] = [];
  const withoutAlso = text.replace(/\(also\s+([^)]*)\)/g, (_m, list: string) => {
    alternatives.push(...list.split(',').map((s) => s.trim()).filter((s) => s.startsWith('/')));
    return '';
  });
  const out: { method: string; path: string }[] = [];
  const pattern = new RegExp(`(?:(${METHOD})\\s+)?(/[^\\s,·()]*)`, 'g');
  let method: string | null = null;
  let previous: string | null = null;
  let end = 0;
  for (const m of withoutAlso.matchAll(pattern)) {
    const between = withoutAlso.slice(end, m.index);
    end = m.index + m[0].length;
    const path = m[2]!.replace(/[?#].*$/, '');
    let full = path;
    if (m[1]) method = m[1];
    else if (previous !== null && between.includes('·') && path.split('/').filter(Boolean).length === 1) {
      full = previous.replace(/\/[^/]*$/, path);
    }
    method ??= bodyCell.trim() === '' ? 'GET' : 'POST';
    out.push({ method, path: full });
    previous = full;
  }
  for (const base of [...out]) {
    for (const alt of alternatives) out.push({ method: base.method, path: base.path.replace(/^\/[^/]+/, alt) });
  }
  return out;
}

/** A path of API.md as the server registers it: the General section writes full paths, the others API-relative ones. */
function absolute(path: string, section: string): string {
  if (path.startsWith('/api/') || /^general$/i.test(section)) return path;
  return `${API_BASE}${path}`;
}

/**
 * Every route API.md lists: the first cell of each table row, and each `METHOD /path` in backticks elsewhere (in
 * the General section also a bare path in backticks, such as `/api/docs`, which is a page to GET; the base path
 * `/api/v1` is named there too, and is no route).
 */
export function contractRoutes(markdown: string): Set<RouteKey> {
  const out = new Set<RouteKey>();
  for (const { heading, lines } of sections(markdown)) {
    for (const line of lines) {
      const cells = tableCells(line);
      if (cells) {
        const [first = '', body = ''] = cells;
        for (const r of routesOfCell(first, body)) out.add(routeKey(r.method, absolute(r.path, heading)));
        continue;
      }
      for (const span of codeSpans(line)) {
        const m = new RegExp(`^(${METHOD})\\s+(/\\S*)`).exec(span);
        if (m) out.add(routeKey(m[1]!, absolute(m[2]!, heading)));
        else if (/^general$/i.test(heading) && /^\/[\w./{}-]*$/.test(span) && span !== API_BASE) out.add(routeKey('GET', span));
      }
    }
  }
  return out;
}

/** The violation codes API.md lists: the names in backticks of its "Violation codes" section. */
export function contractCodes(markdown: string): Set<string> {
  const out = new Set<string>();
  for (const { heading, lines } of sections(markdown)) {
    if (!/^violation codes/i.test(heading)) continue;
    for (const line of lines) for (const span of codeSpans(line)) if (/^[A-Z][A-Z0-9_]*$/.test(span)) out.add(span);
  }
  return out;
}

/** One row of a docs/api.md route table. */
export interface DocRoute {
  readonly method: string;
  readonly path: string;
  readonly key: RouteKey;
  /** The roles cell as written: `none`, `any`, `admin`, or roles separated by commas. */
  readonly roles: string;
}

/** One row of the docs/api.md code table. */
export interface DocCode {
  readonly code: string;
  readonly status: number;
}

export interface ApiDoc {
  readonly routes: readonly DocRoute[];
  readonly codes: readonly DocCode[];
  /** Table rows of the two sections that are not a route or a code in the expected form (each is a mistake). */
  readonly malformed: readonly string[];
}

/**
 * docs/api.md: the rows of the tables in its "Routes" section (first cell `` `METHOD /path` ``, second the roles)
 * and of its "Violation codes" section (first cell `` `CODE` ``, second the HTTP status). Header rows are skipped.
 */
export function parseApiDoc(markdown: string): ApiDoc {
  const routes: DocRoute[] = [];
  const codes: DocCode[] = [];
  const malformed: string[] = [];
  for (const { heading, lines } of sections(markdown)) {
    const kind = /^routes\b/i.test(heading) ? 'routes' : /^violation codes\b/i.test(heading) ? 'codes' : null;
    if (!kind) continue;
    let header = true;
    for (const line of lines) {
      if (isSeparatorRow(line)) continue;
      const cells = tableCells(line);
      if (!cells) {
        header = true;
        continue;
      }
      if (header) {
        header = false;
        continue;
      }
      const [first = '', second = ''] = cells;
      const route = new RegExp(`^\`(${METHOD}) (/[^\\s\`]*)\`$`).exec(first);
      const code = /^`([A-Z][A-Z0-9_]*)`$/.exec(first);
      if (kind === 'routes' && route) routes.push({ method: route[1]!, path: route[2]!, key: routeKey(route[1]!, route[2]!), roles: second });
      else if (kind === 'codes' && code && /^\d{3}$/.test(second)) codes.push({ code: code[1]!, status: Number(second) });
      else malformed.push(line.trim());
    }
  }
  return { routes, codes, malformed };
}

/** The roles cell docs/api.md writes for a route that allows `roles` (admin may always act; none: no sign-in). */
export function rolesCell(roles: readonly string[] | undefined, isPublic: boolean, everyRole: readonly string[]): string {
  if (isPublic || roles === undefined) return 'none';
  const others = [...new Set(roles.filter((r) => r !== 'admin'))];
  if (others.length === 0) return 'admin';
  if (everyRole.filter((r) => r !== 'admin').every((r) => others.includes(r))) return 'any';
  return others.sort().join(', ');
}

/** A roles cell in one form: its roles sorted, so `quality, supervisor` and `supervisor, quality` compare equal. */
export function normaliseRolesCell(cell: string): string {
  return cell.split(',').map((r) => r.trim()).filter(Boolean).sort().join(', ');
}
