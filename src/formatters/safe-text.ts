/**
 * The one sanitiser for attacker-controlled text (rule text, messages that quote it, file names, engine
 * output) in human output: terminal text, GitHub workflow logs and annotations, markdown PR comments,
 * stderr. Machine formats (JSON, SARIF, GitLab) escape through JSON.stringify; JUnit through xml-text.
 *
 * What it prevents, and where the threat comes from:
 * - terminal escape sequences (ESC, CSI, OSC 8 links, title changes) and Trojan Source bidi reordering
 *   (CVE-2021-42574) reaching a terminal or the Actions log viewer, which renders ANSI sequences;
 * - a line of output that starts with `::` from data: the GitHub runner reads such a line as a workflow
 *   command (`::error`, `::add-mask`, `::stop-commands`), leading blanks ignored
 *   (https://docs.github.com/actions/reference/workflow-commands-for-github-actions);
 * - `@name` mentions and bare URLs in markdown, which GitHub turns into notifications and links.
 */

/** Unicode control pictures (U+2400 block) for C0 controls, and U+2421 for DEL. One code unit each. */
function controlPicture(code: number): string {
  return String.fromCharCode(code === 0x7f ? 0x2421 : 0x2400 + code);
}

/**
 * C0 controls except tab and line breaks, DEL, C1 controls, bidi embeddings/overrides/isolates
 * (U+202A–U+202E, U+2066–U+2069), and the Unicode line/paragraph separators (U+2028, U+2029).
 */
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/**
 * Control characters made visible, one UTF-16 unit for one, so columns stay aligned (code frames put a
 * caret under a column): C0 controls and DEL become their control pictures (ESC: `␛`); C1 controls,
 * bidi controls and U+2028/U+2029 become U+FFFD. Tab, LF and CR are kept (callers decide about lines).
 */
export function visibleControls(s: string): string {
  return s.replace(CONTROLS, (ch) => {
    const code = ch.charCodeAt(0);
    return code < 0x20 || code === 0x7f ? controlPicture(code) : '\uFFFD';
  });
}

/** Data for one line of output: controls visible, and CR/LF shown as `␍`/`␊`, so data never starts a line. */
export function oneLine(s: string): string {
  return visibleControls(s).replace(/\r/g, '\u240D').replace(/\n/g, '\u240A');
}

/**
 * A line of human output that begins with data: if it starts (after blanks) with `::`, a backslash goes
 * before it, so no CI runner reads it as a workflow command. Apply to each whole line.
 */
export function guardLineStart(line: string): string {
  return line.replace(/^([ \t]*)::/, '$1\\::');
}

/** Every line of a multi-line block through `guardLineStart`, with controls visible. */
export function safeLines(text: string): string {
  return visibleControls(text)
    .split('\n')
    .map((l) => guardLineStart(l.replace(/\r$/, '')))
    .join('\n');
}

/**
 * A file path to print at the start of a line: controls and line breaks visible, and a relative path
 * that starts with `::` (or blanks then `::`) shown as `./::…` (the same file, not a workflow command).
 */
export function displayPath(path: string): string {
  const p = oneLine(path);
  return /^[ \t]*::/.test(p) ? `./${p}` : p;
}

/** Zero-width space: breaks GitHub's mention and autolink recognition without changing what is read. */
const ZWSP = '\u200B';

/**
 * Markdown text neutralised for GitHub: `@name` (mentions, team mentions, e-mail autolinks) and bare
 * URLs (`scheme://`, `www.`) get a zero-width space so they stay plain text, as Dependabot does in
 * release notes. Apply to text that is not inside code (inline code and code blocks are inert).
 */
export function neutraliseMentionsAndLinks(s: string): string {
  return s
    .replace(/@(?=[\w-])/g, `@${ZWSP}`)
    .replace(/([A-Za-z][A-Za-z0-9+.-]*):\/\//g, `$1:${ZWSP}//`)
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}${ZWSP}.`);
}
