import { join } from 'node:path';
import { lookupTable } from '../catalog/lookup-table.js';
import { readLoaderStatements } from './loader-statements.js';

/**
 * Rule options that make Suricata open a file named in the rule while it loads the rule (`-T`), and what
 * each becomes before a rule is sent to the engine (SECURITY.md, guarantee 9). A pull request controls the
 * rules: `dataset:isset,x,type md5,load /etc/passwd;` made Suricata read the file and log its lines.
 *
 * - `dataset`, `datarep` (Suricata 7: detect-dataset.c, detect-datarep.c; `datajson` in 8): the `load`,
 *   `state` and `save` arguments name files; each path becomes an empty file in the run's own folder.
 * - `filemd5`, `filesha1`, `filesha256` (detect-filemd5.c, detect-filesha*.c): the value is a hash list
 *   file; it becomes a list of one all-zero hash in that folder.
 * - `lua`, `luajit` (detect-lua.c) and `luaxform` (Suricata 8): the value is a script to run; it becomes a
 *   name that does not exist, and the generated config pins `security.lua.allow-rules: no` as well.
 *
 * `iprep` names a category of the reputation files the config loads (the generated config loads none), and
 * `classtype`/`reference` resolve through the config's own files: none of them name a file in the rule.
 */
type Neutraliser = 'dataset-args' | 'md5' | 'sha1' | 'sha256' | 'script';
const FILE_OPTIONS: Readonly<Record<string, Neutraliser>> = lookupTable({
  dataset: 'dataset-args',
  datarep: 'dataset-args',
  datajson: 'dataset-args',
  filemd5: 'md5',
  filesha1: 'sha1',
  filesha256: 'sha256',
  lua: 'script',
  luajit: 'script',
  luaxform: 'script',
});

/**
 * The files the run's folder must hold before Suricata starts, by name: an empty dataset file, and hash
 * lists of one all-zero hash (Suricata refuses an empty list with "no items", which is not the rule's fault).
 */
export const NEUTRAL_FILES: Readonly<Record<'dataset-args' | 'md5' | 'sha1' | 'sha256', { name: string; content: string }>> = {
  'dataset-args': { name: 'empty-dataset.lst', content: '' },
  md5: { name: 'zero.md5', content: `${'0'.repeat(32)}\n` },
  sha1: { name: 'zero.sha1', content: `${'0'.repeat(40)}\n` },
  sha256: { name: 'zero.sha256', content: `${'0'.repeat(64)}\n` },
};

/** The file name a Lua script option is given instead of the rule's (it is never created). */
export const NO_SCRIPT = 'suricata-lint-no-script.lua';

/**
 * One statement's text with every file-naming option rewritten (see FILE_OPTIONS) to name a file of
 * NEUTRAL_FILES in `dir` (the run's own folder); options are split the
 * way Suricata splits them (on `;` not escaped by `\`, quotes not special), and nothing else changes.
 */
export function neutraliseStatement(text: string, dir: string): string {
  const open = text.indexOf('(');
  if (open === -1) return text;
  let out = text.slice(0, open + 1);
  let start = open + 1;
  for (let i = start; i <= text.length; i++) {
    const ch = text[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch !== ';' && i !== text.length) continue;
    out += neutraliseOption(text.slice(start, i), dir) + (i < text.length ? ';' : '');
    start = i + 1;
  }
  return out;
}

function neutraliseOption(option: string, dir: string): string {
  const colon = option.indexOf(':');
  if (colon === -1) return option;
  const kind = FILE_OPTIONS[option.slice(0, colon).trim().toLowerCase()];
  if (!kind) return option;
  const name = option.slice(0, colon + 1);
  if (kind === 'script') return `${name}${NO_SCRIPT}`;
  if (kind !== 'dataset-args') return `${name}${join(dir, NEUTRAL_FILES[kind].name)}`;
  const emptyFile = join(dir, NEUTRAL_FILES['dataset-args'].name);
  const args = option
    .slice(colon + 1)
    .split(',')
    .map((arg) => {
      const m = /^(\s*)(load|state|save)(\s+)/i.exec(arg);
      return m ? `${m[1]}${m[2]}${m[3]}${emptyFile}` : arg;
    });
  return `${name}${args.join(',')}`;
}

/**
 * The rules text Suricata is given: every statement with its file-naming options neutralised
 * (neutraliseStatement), on the line where it starts; its continuation lines, comments and blank lines
 * become empty lines, so Suricata's "at line N" still names the same statement.
 */
export function neutraliseRulesText(rulesText: string, dir: string): string {
  const statements = readLoaderStatements(rulesText);
  const lineCount = rulesText.split('\n').length - (rulesText.endsWith('\n') ? 1 : 0);
  const lines: string[] = new Array<string>(Math.max(0, lineCount)).fill('');
  for (const s of statements) lines[s.line - 1] = neutraliseStatement(s.text, dir);
  return lines.length ? `${lines.join('\n')}\n` : '';
}
