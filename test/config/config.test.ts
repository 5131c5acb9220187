import { describe, expect, it } from 'vitest';
import { suggestRuleId, validateConfig } from '../../src/config/config-schema.js';
import { globToRegExp, matchesAny } from '../../src/config/glob-match.js';
import { configSearchTop, loadConfigFile, loadConfigFor } from '../../src/config/load-config.js';
import { mergeConfig } from '../../src/config/merge-config.js';
import { lintText } from '../../src/linter/linter.js';

/** An in-memory file system for the injected readFile. */
const fsOf = (files: Record<string, string>) => (path: string) => files[path];

describe('validateConfig', () => {
  it('accepts a full config', () => {
    const { config, errors } = validateConfig(
      { $schema: 'x', profile: 'suricata', ruleOrder: 'action', suricataVersion: 8, rules: { 'missing-msg': 'off' }, variables: ['$HOME_NET', 'HTTP_PORTS'], ignore: ['vendor/**'] },
      'suricata-lint.config.json',
    );
    expect(errors).toEqual([]);
    expect(config).toEqual({ profile: 'suricata', ruleOrder: 'action', suricataVersion: 8, rules: { 'missing-msg': 'off' }, variables: ['HOME_NET', 'HTTP_PORTS'], ignore: ['vendor/**'] });
  });

  it.each([
    [{ rules: { 'tls-gate': 'error' } }, 'suricata-lint.config.json: rules.tls-gate: unknown rule id; did you mean tls-client-hello-gate?'],
    [{ rules: { 'missing-msg': 'warn' } }, 'suricata-lint.config.json: rules.missing-msg: severity must be "off", "info", "warning" or "error", not "warn"'],
    [{ profil: 'aws-nfw' }, 'suricata-lint.config.json: profil: unknown key; did you mean profile?'],
    [{ profile: 'aws' }, 'suricata-lint.config.json: profile: must be one of "aws-nfw", "suricata", "aws-nfw-firewall", "aws-nfw-ips", "suricata-firewall", not "aws"'],
    [{ ruleOrder: 'STRICT_ORDER' }, 'suricata-lint.config.json: ruleOrder: must be "strict" (STRICT_ORDER) or "action" (DEFAULT_ACTION_ORDER), not "STRICT_ORDER"'],
    [{ suricataVersion: 6 }, 'suricata-lint.config.json: suricataVersion: must be 7 or 8, not 6'],
    [{ inline: 'yes' }, 'suricata-lint.config.json: inline: must be true (IPS: the rules decide which packets go on, as on AWS Network Firewall) or false (IDS: passive), not "yes"'],
    [{ variables: 'HOME_NET' }, 'suricata-lint.config.json: variables: must be an array of variable names, like ["HOME_NET", "HTTP_PORTS"]'],
    [{ variables: ['HOME NET'] }, 'suricata-lint.config.json: variables: "HOME NET" is not a variable name'],
    [{ ignore: [1] }, 'suricata-lint.config.json: ignore: must be an array of glob patterns, like ["vendor/**"]'],
    [[], 'suricata-lint.config.json: the configuration must be a JSON object, like { "profile": "aws-nfw" }'],
  ])('reports %j clearly', (value, message) => {
    expect(validateConfig(value, 'suricata-lint.config.json').errors).toEqual([message]);
  });

  it('inline: true/false is kept; the default follows the profile (aws-nfw inline, suricata passive)', async () => {
    expect(validateConfig({ inline: false }, 'c.json')).toEqual({ config: { inline: false }, errors: [] });
    const { resolveLintOptions } = await import('../../src/linter/lint-options.js');
    expect(resolveLintOptions({}).inline).toBe(true);
    expect(resolveLintOptions({ profile: 'suricata' }).inline).toBe(false);
    expect(resolveLintOptions({ profile: 'suricata', inline: true }).inline).toBe(true);
    expect(resolveLintOptions({ profile: 'aws-nfw', inline: false }).inline).toBe(false);
  });

  it('keeps the valid parts of an invalid config', () => {
    const { config, errors } = validateConfig({ profile: 'suricata', rules: { 'missing-msg': 'off', nope: 'off' } }, 'c.json');
    expect(errors).toHaveLength(1);
    expect(config).toEqual({ profile: 'suricata', rules: { 'missing-msg': 'off' } });
  });

  it('suggests rule ids by spelling or by words', () => {
    expect(suggestRuleId('missing-sd')).toBe('missing-sid');
    expect(suggestRuleId('tls-gate')).toBe('tls-client-hello-gate');
    expect(suggestRuleId('zzz')).toBeUndefined();
  });
});

describe('loadConfigFor', () => {
  it('finds the nearest config walking up, preferring suricata-lint.config.json', () => {
    const read = fsOf({
      '/repo/suricata-lint.config.json': '{"profile":"suricata"}',
      '/repo/.suricata-lintrc.json': '{"profile":"aws-nfw"}',
      '/repo/sub/package.json': '{"name":"x"}',
    });
    const loaded = loadConfigFor('/repo/sub/deep/a.rules', read);
    expect(loaded).toEqual({ config: { profile: 'suricata' }, configPath: '/repo/suricata-lint.config.json', configDir: '/repo', errors: [] });
  });

  it('uses the suricata-lint key of a package.json', () => {
    const read = fsOf({ '/repo/package.json': '{"name":"x","suricata-lint":{"ruleOrder":"action"}}' });
    expect(loadConfigFor('/repo/rules/a.rules', read).config).toEqual({ ruleOrder: 'action' });
  });

  it('returns defaults when nothing is found, and errors for bad JSON', () => {
    expect(loadConfigFor('/x/a.rules', fsOf({}))).toEqual({ config: {}, errors: [] });
    const bad = loadConfigFor('/x/a.rules', fsOf({ '/x/.suricata-lintrc.json': '{ nope' }));
    expect(bad.errors[0]).toMatch(/^\/x\/\.suricata-lintrc\.json: not valid JSON/);
  });

  it('stops at the repository\'s top folder: a config above the checkout is not used (issue 17 item 11)', () => {
    const read = fsOf({ '/tmp/suricata-lint.config.json': '{"ignore":["**"]}', '/tmp/repo/.git/HEAD': 'ref: refs/heads/main\n' });
    expect(loadConfigFor('/tmp/repo/rules/a.rules', read)).toEqual({ config: {}, errors: [] });
    // A worktree or submodule has a .git file.
    const worktree = fsOf({ '/tmp/suricata-lint.config.json': '{"ignore":["**"]}', '/tmp/wt/.git': 'gitdir: /x\n' });
    expect(loadConfigFor('/tmp/wt/a.rules', worktree)).toEqual({ config: {}, errors: [] });
    // The repository's own config is found.
    const own = fsOf({ '/tmp/repo/.git/HEAD': 'x', '/tmp/repo/.suricata-lintrc.json': '{"profile":"suricata"}' });
    expect(loadConfigFor('/tmp/repo/rules/deep/a.rules', own).config).toEqual({ profile: 'suricata' });
  });

  it('outside a repository, stops at the current folder (the ceiling), or at the file\'s own folder when it is outside it', () => {
    const read = fsOf({ '/tmp/suricata-lint.config.json': '{"ignore":["**"]}', '/tmp/work/.suricata-lintrc.json': '{"profile":"suricata"}' });
    expect(loadConfigFor('/tmp/work/sub/a.rules', read, '/tmp/work/sub')).toEqual({ config: {}, errors: [] });
    expect(loadConfigFor('/tmp/work/sub/a.rules', read, '/tmp/work').config).toEqual({ profile: 'suricata' });
    expect(loadConfigFor('/tmp/other/a.rules', read, '/home/u')).toEqual({ config: {}, errors: [] });
    expect(configSearchTop('/tmp/other', read, '/home/u')).toBe('/tmp/other');
  });

  it('accepts "root": true (and refuses a non-boolean)', () => {
    expect(validateConfig({ root: true }, 'c').config).toEqual({ root: true });
    expect(validateConfig({ root: 'yes' }, 'c').errors).toEqual(['c: root: must be true or false, not "yes"']);
  });

  it('loads an explicit --config file', () => {
    expect(loadConfigFile('/c.json', fsOf({})).errors).toEqual(['/c.json: file not found']);
    expect(loadConfigFile('/p/package.json', fsOf({ '/p/package.json': '{}' })).errors).toEqual(['/p/package.json: has no "suricata-lint" key']);
  });
});

describe('mergeConfig', () => {
  it('lets the command line win and unions variables', () => {
    const merged = mergeConfig(
      { profile: 'suricata', rules: { 'missing-msg': 'off', 'missing-rev': 'info' }, variables: ['HOME_NET'], ignore: ['x/**'] },
      { profile: 'aws-nfw', rules: { 'missing-msg': 'error' }, variables: ['HTTP_PORTS'] },
    );
    expect(merged.profile).toBe('aws-nfw');
    expect(merged.rules).toEqual({ 'missing-msg': 'error', 'missing-rev': 'info' });
    expect([...merged.variables!]).toEqual(['HOME_NET', 'HTTP_PORTS']);
    expect(merged.ignore).toEqual(['x/**']);
  });

  it('leaves variables undefined (check skipped) when nobody defines any, and drives lintText', () => {
    const merged = mergeConfig({ rules: { 'missing-msg': 'off' } });
    expect(merged.variables).toBeUndefined();
    const ds = lintText('alert tcp $HOME_NET any -> $WEB any (sid:1; rev:1;)\n', merged);
    expect(ds.map((d) => d.ruleId)).toEqual([]);
    const withVars = lintText('alert tcp $HOME_NET any -> $WEB any (sid:1; rev:1;)\n', mergeConfig({ variables: ['HTTP_SERVERS'], rules: { 'missing-msg': 'off' } }));
    expect(withVars.map((d) => d.ruleId)).toEqual(['undefined-variable']);
  });
});

describe('ignore globs', () => {
  it.each([
    ['vendor/**', 'vendor/a/b.rules', true],
    ['vendor/**', 'src/vendor/b.rules', false],
    ['*.tmp.rules', 'a/b/c.tmp.rules', true],
    ['generated/', 'generated/x.rules', true],
    ['rules/?.rules', 'rules/a.rules', true],
    ['rules/?.rules', 'rules/ab.rules', false],
    ['**/test/*.rules', 'a/test/x.rules', true],
  ])('%s matches %s: %s', (pattern, path, expected) => {
    expect(matchesAny(path, [pattern])).toBe(expected);
    expect(globToRegExp(pattern)).toBeInstanceOf(RegExp);
  });
});
