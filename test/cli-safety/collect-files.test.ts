/** File collection (issue 8): what is walked, what is followed, and what is reported. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectFiles } from '../../src/cli/collect-files.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'suricata-lint-collect-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function touch(rel: string): void {
  writeFileSync(join(dir, rel), 'alert tcp any any -> any any (sid:1;)\n');
}

describe('collectFiles', () => {
  it('walks folders for *.rules, skipping dot-entries, node_modules and .git; sorted; roots recorded', async () => {
    for (const d of ['a/b', 'node_modules/x', '.git', '.hidden', 'z.rules']) mkdirSync(join(dir, d), { recursive: true });
    for (const f of ['top.rules', 'a/one.rules', 'a/b/two.rules', 'a/notes.txt', 'node_modules/x/dep.rules', '.git/g.rules', '.hidden/h.rules', 'a/.dot.rules', 'z.rules/inside.rules']) touch(f);
    const r = await collectFiles([dir]);
    expect(r.files).toEqual([join(dir, 'a/b/two.rules'), join(dir, 'a/one.rules'), join(dir, 'top.rules'), join(dir, 'z.rules/inside.rules')]);
    expect(r.missing).toEqual([]);
    for (const f of r.files) expect(r.roots.get(f)).toBe(dir);
  });

  it('a file named on the command line is taken as given, its root is its folder', async () => {
    touch('x.txt');
    const r = await collectFiles([join(dir, 'x.txt')]);
    expect(r.files).toEqual([join(dir, 'x.txt')]);
    expect(r.roots.get(join(dir, 'x.txt'))).toBe(dir);
  });

  it('symlinked folders are not walked; symlinked files inside the folder are; outside ones are reported', async () => {
    mkdirSync(join(dir, 'tree/real'), { recursive: true });
    mkdirSync(join(dir, 'outside'));
    writeFileSync(join(dir, 'tree/real/r.rules'), '');
    writeFileSync(join(dir, 'outside/o.rules'), '');
    symlinkSync('real', join(dir, 'tree/linkdir'));
    symlinkSync('real/r.rules', join(dir, 'tree/in.rules'));
    symlinkSync('../outside/o.rules', join(dir, 'tree/out.rules'));
    symlinkSync('nowhere.rules', join(dir, 'tree/dangling.rules'));
    const tree = join(dir, 'tree');
    const r = await collectFiles([tree]);
    // in.rules links to real/r.rules: the file is taken once, under its own name (issue 17 item 12).
    expect(r.files).toEqual([join(tree, 'real/r.rules')]);
    expect(r.missing).toEqual([
      { path: join(tree, 'dangling.rules'), reason: 'symbolic link: no such file or directory' },
      { path: join(tree, 'out.rules'), reason: expect.stringMatching(/^is a symbolic link to .*outside\/o\.rules, outside .*tree; not followed/) },
    ].sort((a, b) => (a.path < b.path ? -1 : 1)));
  });

  it('an in-tree symlink and its target are taken once, the target, whichever the walk meets first; two links to one file: the first', async () => {
    writeFileSync(join(dir, 'b.rules'), '');
    symlinkSync('b.rules', join(dir, 'a.rules'));
    symlinkSync('b.rules', join(dir, 'c.rules'));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub/t.rules'), '');
    symlinkSync('sub/t.rules', join(dir, 'z.rules'));
    symlinkSync('t.rules', join(dir, 'sub/l1.rules'));
    symlinkSync('t.rules', join(dir, 'sub/l2.rules'));
    const r = await collectFiles([dir]);
    expect(r.files).toEqual([join(dir, 'b.rules'), join(dir, 'sub/t.rules')]);
    const links = await collectFiles([join(dir, 'a.rules'), join(dir, 'c.rules')]);
    expect(links.files).toEqual([join(dir, 'a.rules')]);
  });

  it('a very deep folder tree is walked without recursion (no stack overflow)', async () => {
    let p = dir;
    for (let i = 0; i < 1000; i++) p = join(p, 'd');
    mkdirSync(p, { recursive: true });
    writeFileSync(join(p, 'deep.rules'), '');
    const r = await collectFiles([dir]);
    expect(r.files).toEqual([join(p, 'deep.rules')]);
  });

  it('a folder without rules files and a missing path are reported, not ignored', async () => {
    mkdirSync(join(dir, 'empty'));
    const r = await collectFiles([join(dir, 'empty'), join(dir, 'nope')]);
    expect(r.files).toEqual([]);
    expect(r.missing).toEqual([
      { path: join(dir, 'empty'), reason: expect.stringMatching(/^no \*\.rules files.* in this folder$/) },
      { path: join(dir, 'nope'), reason: 'no such file or directory' },
    ]);
  });
});
