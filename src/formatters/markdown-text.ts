/** Markdown helpers for GitHub-flavoured markdown. */
import { neutraliseMentionsAndLinks, visibleControls } from './safe-text.js';

/**
 * Escapes text so GitHub renders it literally (no emphasis, links, HTML or table breaks), with control
 * characters visible and `@` mentions and bare URLs neutralised (safe-text).
 */
export function escapeMarkdown(s: string): string {
  return neutraliseMentionsAndLinks(visibleControls(s).replace(/[\\`*_[\]<>|~&]/g, (ch) => `\\${ch}`).replace(/\r?\n|\r/g, ' '));
}

/** Inline code that survives backticks in the content. */
export function inlineCode(s: string): string {
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((m) => m.length));
  const ticks = '`'.repeat(longest + 1);
  const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${visibleControls(s).replace(/\r?\n|\r/g, ' ')}${pad}${ticks}`;
}

/** A fenced block with a fence longer than any backtick run inside. */
export function fencedBlock(info: string, body: string): string {
  const longest = Math.max(2, ...(body.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${info}\n${body}\n${fence}`;
}

/** `https://github.com/o/r` + sha + `rules/a b.rules` + lines -> a blob link with a line anchor. */
export function blobLink(repoUrl: string, sha: string, path: string, line: number, endLine = line): string {
  const p = path.split('/').map(encodeURIComponent).join('/');
  const anchor = endLine > line ? `#L${line}-L${endLine}` : `#L${line}`;
  return `${repoUrl.replace(/\/+$/, '')}/blob/${encodeURIComponent(sha)}/${p}${anchor}`;
}
