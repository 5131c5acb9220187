#!/usr/bin/env node
// Posts or updates one sticky pull-request comment, found by a hidden marker, through the GitHub REST API.
// Used by action.yml:  node scripts/github-comment.mjs --body-file report.md [--update-only]
// Env: GITHUB_TOKEN, GITHUB_REPOSITORY (owner/repo), GITHUB_EVENT_PATH (pull_request event) or PR_NUMBER,
// GITHUB_API_URL (default https://api.github.com).
// Request building is pure and exported for tests (test/integrations/github-comment.test.ts).
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const MARKER = '<!-- suricata-lint -->';
export const API_VERSION = '2022-11-28';
/** GitHub rejects comment bodies longer than this. */
export const COMMENT_LIMIT = 65_536;
const PER_PAGE = 100;
/** Stop paging after this many comments (a PR with more is an outlier; we then post a new comment). */
const MAX_PAGES = 30;

/** @typedef {{ apiUrl: string, owner: string, repo: string, issueNumber: number, token: string }} Target */
/** @typedef {{ method: 'GET' | 'POST' | 'PATCH', url: string, headers: Record<string, string>, body?: string }} ApiRequest */

/** @param {string} token */
export function apiHeaders(token) {
  return {
    Accept: 'application/vnd.github+json',
    Authorization: `Bearer ${token}`,
    'X-GitHub-Api-Version': API_VERSION,
    'User-Agent': 'suricata-lint-action',
  };
}

/** @param {string} apiUrl */
function base(apiUrl) {
  return apiUrl.replace(/\/+$/, '');
}

/** GET /repos/{owner}/{repo}/issues/{n}/comments, one page. @param {Target} t @param {number} page @returns {ApiRequest} */
export function listCommentsRequest(t, page) {
  const url = `${base(t.apiUrl)}/repos/${encodeURIComponent(t.owner)}/${encodeURIComponent(t.repo)}/issues/${t.issueNumber}/comments?per_page=${PER_PAGE}&page=${page}`;
  return { method: 'GET', url, headers: apiHeaders(t.token) };
}

/**
 * The comment to update: the first one whose body starts with the marker, preferring comments by bots
 * (so a human quoting our comment is never overwritten).
 * @param {Array<{ id: number, body?: string | null, user?: { type?: string } | null }>} comments
 */
export function findStickyComment(comments, marker = MARKER) {
  const ours = comments.filter((c) => typeof c.body === 'string' && c.body.trimStart().startsWith(marker));
  return ours.find((c) => c.user?.type === 'Bot') ?? ours[0];
}

/** Keeps a body within GitHub's limit (the markdown format already does; this is the last guard). @param {string} body */
export function fitBody(body) {
  if (body.length <= COMMENT_LIMIT) return body;
  const note = '\n\n_(truncated: the comment exceeded GitHub\'s size limit)_\n';
  return body.slice(0, COMMENT_LIMIT - note.length) + note;
}

/**
 * What to send: PATCH the existing comment, POST a new one, or nothing (same body, or `updateOnly`
 * and no comment yet, e.g. a clean report on a PR we never commented on).
 * @param {Target} t @param {{ id: number, body?: string | null } | undefined} existing @param {string} body
 * @param {{ updateOnly?: boolean }} [opts] @returns {ApiRequest | undefined}
 */
export function upsertRequest(t, existing, body, opts = {}) {
  const repoUrl = `${base(t.apiUrl)}/repos/${encodeURIComponent(t.owner)}/${encodeURIComponent(t.repo)}`;
  const payload = JSON.stringify({ body: fitBody(body) });
  const headers = { ...apiHeaders(t.token), 'Content-Type': 'application/json' };
  if (existing) {
    if (existing.body === fitBody(body)) return undefined;
    return { method: 'PATCH', url: `${repoUrl}/issues/comments/${existing.id}`, headers, body: payload };
  }
  if (opts.updateOnly) return undefined;
  return { method: 'POST', url: `${repoUrl}/issues/${t.issueNumber}/comments`, headers, body: payload };
}

/**
 * Lists the PR's comments, finds ours, and updates or creates it.
 * @param {Target} t @param {string} body @param {{ fetch?: typeof fetch, updateOnly?: boolean, marker?: string }} [opts]
 * @returns {Promise<{ action: 'created' | 'updated' | 'unchanged' | 'skipped', id?: number, url?: string }>}
 */
export async function upsertStickyComment(t, body, opts = {}) {
  const doFetch = opts.fetch ?? fetch;
  // Read every page before choosing: a human's comment that starts with the marker may come before ours.
  const all = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const req = listCommentsRequest(t, page);
    const res = await doFetch(req.url, { method: req.method, headers: req.headers });
    if (!res.ok) throw new Error(`GET ${req.url} failed: ${res.status} ${await res.text()}`);
    const comments = await res.json();
    all.push(...comments);
    if (comments.length < PER_PAGE) break;
  }
  const existing = findStickyComment(all, opts.marker);
  const req = upsertRequest(t, existing, body, opts);
  if (!req) return { action: existing ? 'unchanged' : 'skipped', id: existing?.id };
  const res = await doFetch(req.url, { method: req.method, headers: req.headers, body: req.body });
  if (!res.ok) {
    const hint = res.status === 403 || res.status === 404 ? ' (the token needs "pull-requests: write"; PRs from forks get a read-only token)' : '';
    throw new Error(`${req.method} ${req.url} failed: ${res.status}${hint} ${await res.text()}`);
  }
  const json = await res.json();
  return { action: req.method === 'PATCH' ? 'updated' : 'created', id: json.id, url: json.html_url };
}

/** The PR number from a pull_request / pull_request_target event payload, or PR_NUMBER. */
export function pullRequestNumber(event, env = {}) {
  const n = Number(env.PR_NUMBER ?? event?.pull_request?.number ?? event?.number);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

async function main(argv, env) {
  const arg = (name) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const bodyFile = arg('--body-file');
  const fail = (msg) => {
    process.stderr.write(`github-comment: ${msg}\n`);
    return 2;
  };
  if (!bodyFile) return fail('usage: github-comment.mjs --body-file FILE [--update-only]');
  if (!env.GITHUB_TOKEN) return fail('GITHUB_TOKEN is not set (pass the github-token input)');
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo) return fail('GITHUB_REPOSITORY must be owner/repo');
  const event = env.GITHUB_EVENT_PATH ? JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) : undefined;
  const issueNumber = pullRequestNumber(event, env);
  if (!issueNumber) {
    process.stdout.write('github-comment: not a pull request event; no comment posted\n');
    return 0;
  }
  const t = { apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com', owner, repo, issueNumber, token: env.GITHUB_TOKEN };
  try {
    const r = await upsertStickyComment(t, readFileSync(bodyFile, 'utf8'), { updateOnly: argv.includes('--update-only') });
    process.stdout.write(`github-comment: ${r.action}${r.url ? ` ${r.url}` : r.id ? ` comment ${r.id}` : ''}\n`);
    return 0;
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e));
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2), process.env);
}
