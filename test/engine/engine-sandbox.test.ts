/**
 * Issue 17 items 10 and 12: rules from a pull request never make Suricata read a file they name, the engine
 * runs with a minimal environment, the generated config pins Lua rules off, engine messages land only on the
 * rule they name, and a relative --engine-path works.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseEngineLog } from '../../src/engine/engine-output.js';
import { readLoaderStatements } from '../../src/engine/loader-statements.js';
import { NEUTRAL_FILES, NO_SCRIPT, neutraliseRulesText, neutraliseStatement } from '../../src/engine/neutralise-file-options.js';
import { engineEnv, enginePathFor, runSuricata } from '../../src/engine/run-suricata.js';
import { buildSuricataConfig } from '../../src/engine/suricata-config.js';
import { BUILT, runCli } from '../cli-safety/run-cli.js';
import { HAS_SURICATA } from '../helpers/suricata.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'suricata-lint-sandbox-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const D = '/run/x';
describe('neutraliseStatement: options that name files point at the run\'s own files', () => {
  it.each([
    ['dataset load', 'alert http any any -> any any (http.uri; dataset:isset,x,type md5,load /etc/passwd; sid:1;)', `alert http any any -> any any (http.uri; dataset:isset,x,type md5,load ${D}/${NEUTRAL_FILES['dataset-args'].name}; sid:1;)`],
    ['dataset state and save, any case and spacing', 'alert http any any -> any any (http.uri; DATASET: set, x, type string, state .git/config, save  ../out; sid:1;)', `alert http any any -> any any (http.uri; DATASET: set, x, type string, state ${D}/empty-dataset.lst, save  ${D}/empty-dataset.lst; sid:1;)`],
    ['datarep load', 'alert dns any any -> any any (dns.query; datarep:r, >, 20, load /root/.aws/credentials, type string; sid:1;)', `alert dns any any -> any any (dns.query; datarep:r, >, 20, load ${D}/empty-dataset.lst, type string; sid:1;)`],
    ['lua and luajit', 'alert tcp any any -> any any (lua:/tmp/x.lua; luajit: evil.lua; sid:1;)', `alert tcp any any -> any any (lua:${NO_SCRIPT}; luajit:${NO_SCRIPT}; sid:1;)`],
    ['filemd5/sha1/sha256', 'alert http any any -> any any (filemd5:/etc/shadow; filesha1:a; filesha256:b; sid:1;)', `alert http any any -> any any (filemd5:${D}/zero.md5; filesha1:${D}/zero.sha1; filesha256:${D}/zero.sha256; sid:1;)`],
    ['an escaped ; inside another option does not split', 'alert tcp any any -> any any (msg:"a\\; lua:/x"; sid:1;)', 'alert tcp any any -> any any (msg:"a\\; lua:/x"; sid:1;)'],
    ['a rule without such options is unchanged', 'alert tls any any -> any any (tls.sni; content:"load /etc/passwd"; sid:1;)', 'alert tls any any -> any any (tls.sni; content:"load /etc/passwd"; sid:1;)'],
  ])('%s', (_name, input, want) => {
    expect(neutraliseStatement(input, D)).toBe(want);
  });

  it('neutraliseRulesText keeps every statement on the line Suricata reports', () => {
    const text = '# c\nalert tcp any any -> any any (msg:"a"; \\\n  lua:/x.lua; sid:1;)\n\n  indented\nalert tcp any any -> any any (sid:2;)\n';
    const out = neutraliseRulesText(text, D);
    expect(readLoaderStatements(out).map((s) => [s.line, s.text])).toEqual([
      [2, `alert tcp any any -> any any (msg:"a";   lua:${NO_SCRIPT}; sid:1;)`],
      [6, 'alert tcp any any -> any any (sid:2;)'],
    ]);
  });
});

describe('the engine process', () => {
  it('gets only PATH, locale, TZ, TMPDIR and library variables: no tokens or cloud credentials', () => {
    const env = engineEnv({ PATH: '/bin', LANG: 'C.UTF-8', GITHUB_TOKEN: 'ghp_x', AWS_SECRET_ACCESS_KEY: 'k', ACTIONS_RUNTIME_TOKEN: 't', SC_LOG_FORMAT: 'x', HOME: '/root' });
    expect(env).toEqual({ PATH: '/bin', LANG: 'C.UTF-8' });
  });

  it('a path with a folder part is made absolute (Suricata runs in a temporary folder); a bare name stays for PATH', () => {
    expect(enginePathFor('./suri')).toBe(join(process.cwd(), 'suri'));
    expect(enginePathFor('suricata8')).toBe('suricata8');
  });

  it('the generated config pins security.lua.allow-rules: no', () => {
    expect(buildSuricataConfig({ variables: [], protocols: [], logDir: '/l' })).toMatch(/^security:\n {2}lua:\n {4}allow-rules: no$/m);
  });

  it.skipIf(!BUILT || process.platform === 'win32')('through the CLI: a relative --engine-path runs, with no secret in its environment', () => {
    const envFile = join(dir, 'env.txt');
    const fake = join(dir, 'fake-suricata');
    writeFileSync(fake, `#!/bin/sh\nenv >> '${envFile}'\necho 'This is Suricata version 7.0.10 RELEASE'\n`);
    chmodSync(fake, 0o755);
    writeFileSync(join(dir, 'a.rules'), 'alert tcp any any -> any any (msg:"x"; sid:1; rev:1;)\n');
    const r = runCli(['--engine-path', './fake-suricata', 'a.rules'], { cwd: dir, env: { GITHUB_TOKEN: 'ghp_secret', AWS_SECRET_ACCESS_KEY: 'aws_secret', XDG_CACHE_HOME: join(dir, 'cache') } });
    expect(r.stderr).not.toMatch(/not found/);
    const env = readFileSync(envFile, 'utf8');
    // Written by both the probe and the -T run (which starts in a temporary folder).
    expect(env.match(/^PATH=/gm)?.length).toBeGreaterThanOrEqual(2);
    expect(env).not.toMatch(/ghp_secret|aws_secret|GITHUB_TOKEN|AWS_/);
  });
});

describe.skipIf(!HAS_SURICATA)('with the installed Suricata: no file named in a rule is read', () => {
  it('dataset/datarep load, filemd5 and lua naming a FIFO and a secret file: Suricata finishes, nothing of the file is shown', async () => {
    const secret = join(dir, 'secret.txt');
    writeFileSync(secret, 'U0VDUkVULVRPS0VO\nSECRET-TOKEN-1234\n');
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const rules = [
      `alert http any any -> any any (msg:"a"; http.uri; dataset:isset,a,type string,load ${secret}; sid:1;)`,
      `alert http any any -> any any (msg:"b"; http.uri; dataset:isset,b,type md5,load ${secret}; sid:2;)`,
      `alert http any any -> any any (msg:"c"; http.uri; datarep:c, >, 1, load ${fifo}, type string; sid:3;)`,
      `alert http any any -> any any (msg:"d"; filemd5:${fifo}; sid:4;)`,
      `alert tcp any any -> any any (msg:"e"; lua:${fifo}; sid:5;)`,
      '',
    ].join('\n');
    // A FIFO opened for reading would block Suricata until the timeout.
    const run = await runSuricata(rules, { timeoutMs: 60_000 });
    expect(run.status).toBe('ok');
    const everything = JSON.stringify(run);
    expect(everything).not.toMatch(/SECRET|U0VDUkVU/);
    expect(run.results.find((r) => r.line === 5)?.messages.map((m) => m.text).join(' ')).toMatch(/Lua rules disabled by security configuration/);
  });
});

describe('engine messages land only on the rule they name (issue 13 item 8)', () => {
  const statements = readLoaderStatements(
    ['alert tcp any any -> any any (msg:"one"; sid:1;)', 'alert tcp any any -> any any (msg:"two"; sid:2;)', 'alert tcp any any -> any any (msg:"three"; foo; sid:3;)', ''].join('\n'),
  );
  const boundary = (line: number) => `Error: detect: error parsing signature "${statements.find((s) => s.line === line)!.text}" from file r.rules at line ${line}`;
  const SUMMARY = 'Info: detect: 1 rule files processed. 2 rules successfully loaded, 1 rules failed';

  it('a warning logged while an accepted rule in between was read is not attached to the next refused rule', () => {
    const log = parseEngineLog(['Warning: detect-flowbits: a warning of some earlier rule', "Error: detect-parse: unknown rule keyword 'foo'.", boundary(3), SUMMARY].join('\n'), statements);
    expect(log.results.find((r) => r.line === 3)?.messages.map((m) => m.text)).toEqual(["Unknown rule keyword 'foo'."]);
    expect(log.general.map((m) => m.text)).toEqual(['A warning of some earlier rule']);
  });

  it('a warning naming a rule by sid goes to that rule, not to the next refused one', () => {
    const log = parseEngineLog(['Warning: detect: rule 2: some warning', "Error: detect-parse: unknown rule keyword 'foo'.", boundary(3), SUMMARY].join('\n'), statements);
    expect(log.results.find((r) => r.line === 2)?.messages.map((m) => m.text)).toEqual(['Some warning']);
    expect(log.results.find((r) => r.line === 3)?.messages.map((m) => m.text)).toEqual(["Unknown rule keyword 'foo'."]);
  });

  it('a warning logged right before the refused rule, with no other rule read in between, is attached to it', () => {
    const only = readLoaderStatements('alert tcp any any -> any any (msg:"three"; foo; sid:3;)\n');
    const log = parseEngineLog(['Warning: detect-parse: a warning', "Error: detect-parse: unknown rule keyword 'foo'.", `Error: detect: error parsing signature "${only[0].text}" from file r.rules at line 1`, SUMMARY].join('\n'), only);
    expect(log.results[0].messages.map((m) => m.text)).toEqual(['A warning', "Unknown rule keyword 'foo'."]);
  });
});

