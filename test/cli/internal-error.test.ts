/** Issue 17 item 7: an internal error always exits 2 with one line (never 1, "problems found"; never a stack trace). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/commands/lint.js';
import { internalErrorLine, main } from '../../src/cli/main.js';

describe('the top-level handler', () => {
  it('an exception inside a run (here: stdout throws a stack overflow) becomes exit 2 and one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'suricata-lint-internal-'));
    try {
      writeFileSync(join(dir, 'a.rules'), 'alert ip any any -> any any (msg:"x"; sid:1; rev:1;)\n');
      const err: string[] = [];
      const io: Io = {
        stdout: () => {
          throw new RangeError('Maximum call stack size exceeded');
        },
        stderr: (s) => void err.push(s),
        readStdin: async () => '',
        isTTY: false,
      };
      expect(await main(['-f', 'json', join(dir, 'a.rules')], io)).toBe(2);
      expect(err.join('')).toBe(
        'suricata-lint: internal error: RangeError: Maximum call stack size exceeded; nothing was reported for this run (please report this with the command line and, if you can, the input)\n',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the line is one line whatever the message holds', () => {
    expect(internalErrorLine(new Error('a\n::error::x\u001b[2J'))).toMatch(/^suricata-lint: internal error: Error: a␊::error::x␛\[2J; [^\n]*\n$/);
  });
});
