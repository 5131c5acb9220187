/** Identity of the tool in machine formats (SARIF driver, JUnit, GitLab). */
export const TOOL_NAME = 'suricata-lint';
/** Where users learn about the tool (SARIF `informationUri`). */
export const TOOL_INFORMATION_URI = 'https://www.npmjs.com/package/suricata-lint';
/** Hidden marker that identifies our sticky PR comment (markdown format, scripts/github-comment.mjs). */
export const COMMENT_MARKER = '<!-- suricata-lint -->';
