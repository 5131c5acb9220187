import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript module without type declarations
import * as gh from '../../scripts/github-comment.mjs';
import { formatMarkdown } from '../../src/formatters/markdown.js';
import { COMMENT_MARKER } from '../../src/formatters/tool-info.js';
import { fixtureReport } from '../formatters/fixture-report.js';

const FIXTURES = new URL('./fixtures/github/', import.meta.url);
const load = (name: string) => JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8'));
const expected = load('expected-requests.json');

type Comment = { id: number; body: string };
const target = { apiUrl: 'https://api.github.com/', owner: 'acme', repo: 'firewall-rules', issueNumber: 42, token: 'test-token' };
const BODY = '<!-- suricata-lint -->\n## suricata-lint\n\nnew report\n';

/** A fake fetch over recorded GitHub responses; records what we send. */
function fakeGitHub(pages: Comment[][], responses: { POST?: unknown; PATCH?: unknown } = {}) {
  const sent: { method: string; url: string; headers: Record<string, string>; body?: unknown }[] = [];
  const fetch = async (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => {
    sent.push({ method: init.method, url, headers: init.headers, ...(init.body ? { body: JSON.parse(init.body) } : {}) });
    const json = (status: number, data: unknown) => ({ ok: status < 300, status, json: async () => data, text: async () => JSON.stringify(data) });
    if (init.method === 'GET') {
      const page = Number(new URL(url).searchParams.get('page'));
      return json(200, pages[page - 1] ?? []);
    }
    const r = responses[init.method as 'POST' | 'PATCH'];
    return r ? json(init.method === 'POST' ? 201 : 200, r) : json(403, { message: 'Resource not accessible by integration' });
  };
  return { fetch, sent };
}

/** Page 1 holds 100 comments (so we must read page 2): the recorded ones padded with copies. */
function fullFirstPage(): Comment[] {
  const recorded: Comment[] = load('list-comments-page1.json');
  const padding = Array.from({ length: 100 - recorded.length }, (_, i) => ({ ...recorded[0], id: 1_050_000_000 + i, body: `comment ${i}` }));
  return [...padding, ...recorded];
}

describe('sticky PR comment (scripts/github-comment.mjs)', () => {
  it('our markdown body starts with the marker the script looks for', () => {
    expect(gh.MARKER).toBe(COMMENT_MARKER);
    expect(gh.findStickyComment([{ id: 1, body: formatMarkdown(fixtureReport(), { color: false }), user: { type: 'Bot' } }])?.id).toBe(1);
  });

  it('pages through the comments, skips a human quoting the marker, and PATCHes the bot comment', async () => {
    const gh2 = fakeGitHub([fullFirstPage(), load('list-comments-page2.json')], { PATCH: load('update-comment-response.json') });
    const r = await gh.upsertStickyComment(target, BODY, { fetch: gh2.fetch });
    expect(gh2.sent).toEqual(expected.update);
    expect(r).toEqual({ action: 'updated', id: 1200000002, url: 'https://github.com/acme/firewall-rules/pull/42#issuecomment-1200000002' });
  });

  it('POSTs a new comment when there is none', async () => {
    const gh2 = fakeGitHub([load('list-comments-no-sticky.json')], { POST: load('create-comment-response.json') });
    const r = await gh.upsertStickyComment(target, BODY, { fetch: gh2.fetch });
    expect(gh2.sent).toEqual(expected.create);
    expect(r.action).toBe('created');
  });

  it('sends nothing when the body is unchanged, or when --update-only and there is no comment yet', async () => {
    const same = fakeGitHub([[{ id: 7, body: BODY, user: { type: 'Bot' } } as Comment]]);
    expect(await gh.upsertStickyComment(target, BODY, { fetch: same.fetch })).toEqual({ action: 'unchanged', id: 7 });
    expect(same.sent.map((s) => s.method)).toEqual(['GET']);
    const none = fakeGitHub([load('list-comments-no-sticky.json')]);
    expect(await gh.upsertStickyComment(target, BODY, { fetch: none.fetch, updateOnly: true })).toEqual({ action: 'skipped', id: undefined });
    expect(none.sent.map((s) => s.method)).toEqual(['GET']);
  });

  it('explains a 403 (read-only token on fork PRs)', async () => {
    const gh2 = fakeGitHub([load('list-comments-no-sticky.json')]);
    await expect(gh.upsertStickyComment(target, BODY, { fetch: gh2.fetch })).rejects.toThrow(/403 \(the token needs "pull-requests: write"/);
  });

  it('keeps bodies within the 65,536-character limit', () => {
    const body = gh.fitBody('x'.repeat(70_000));
    expect(body.length).toBe(65_536);
    expect(body).toContain('truncated');
  });

  it('reads the PR number from the event payload or PR_NUMBER', () => {
    expect(gh.pullRequestNumber({ pull_request: { number: 42 } })).toBe(42);
    expect(gh.pullRequestNumber({ ref: 'refs/heads/main' })).toBeUndefined();
    expect(gh.pullRequestNumber(undefined, { PR_NUMBER: '7' })).toBe(7);
  });
});
