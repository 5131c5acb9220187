import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/*
 * Lint rules keep no state between statements: what they need about a statement is in its RuleFacts, what
 * they need about the run in ctx.run (RunFacts, with memo for cross-rule indexes), what they need across
 * statements in the FileCheck object checkFile returns. This test reads every module under src/rules and
 * fails on module-level state: a `let`/`var`, a WeakMap/WeakSet, or a Map/Set/array that is not declared
 * read-only, unless it is a memo of a pure function of the catalog (listed below, with why).
 */

/** `file:name` -> why this module-level collection is not state between statements. */
const PURE_CACHES: Readonly<Record<string, string>> = {
  'app-layer-keyword-conflict.ts:OWN_PROTOCOL': 'memo of a pure function of a keyword name (the catalog)',
  'app-layer-keyword-conflict.ts:KEYWORD_LISTS': 'memo of a pure function of a catalog entry',
  'app-layer-keyword-conflict.ts:HEADERS': 'memo of a pure function of a protocol name (the catalog)',
  'header-unknown-protocol.ts:GUESSES': 'memo of a pure function of a protocol name (did-you-mean over the protocol table)',
  'unknown-keyword.ts:CANDIDATE_CACHE': 'memo of a pure function of a keyword name (did-you-mean over the catalog)',
};

const root = fileURLToPath(new URL('../../src/rules/', import.meta.url));
function modules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? modules(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

const MUTABLE_COLLECTIONS = /^(?:Map|Set|WeakMap|WeakSet|Array)$/;

/** Module-level state of one source file: `[name, why]`. */
function moduleState(path: string, text = readFileSync(path, 'utf8')): [string, string][] {
  const sf = ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true);
  const out: [string, string][] = [];
  for (const st of sf.statements) {
    if (ts.isClassDeclaration(st)) {
      for (const m of st.members) {
        const isStatic = ts.canHaveModifiers(m) && ts.getModifiers(m)?.some((x) => x.kind === ts.SyntaxKind.StaticKeyword);
        const isReadonly = ts.canHaveModifiers(m) && ts.getModifiers(m)?.some((x) => x.kind === ts.SyntaxKind.ReadonlyKeyword);
        if (ts.isPropertyDeclaration(m) && isStatic && !isReadonly) out.push([`${st.name?.text}.${m.name.getText()}`, 'a static field']);
      }
    }
    if (!ts.isVariableStatement(st)) continue;
    const flags = st.declarationList.flags;
    for (const d of st.declarationList.declarations) {
      const name = d.name.getText();
      if (!(flags & ts.NodeFlags.Const)) {
        out.push([name, 'a module-level let/var']);
        continue;
      }
      const init = d.initializer;
      const type = d.type?.getText() ?? '';
      const readonlyType = /^(?:Readonly|readonly\b)/.test(type);
      const frozen = !!init && /^Object\.freeze\(|\bas const$/.test(init.getText());
      if (init && ts.isNewExpression(init) && MUTABLE_COLLECTIONS.test(init.expression.getText())) {
        if (/^Weak/.test(init.expression.getText())) out.push([name, `a module-level ${init.expression.getText()}`]);
        else if (!readonlyType) out.push([name, `a mutable ${init.expression.getText()} (declare it Readonly${init.expression.getText()}, or list it as a pure cache)`]);
      } else if (init && (ts.isArrayLiteralExpression(init) || ts.isObjectLiteralExpression(init)) && !readonlyType && !frozen && !type) {
        // Untyped literal tables: fine when never written; flagged only when the module assigns into them.
        const text = sf.text;
        if (new RegExp(`\\b${name}(?:\\[[^\\]]+\\]|\\.\\w+)?\\s*(?:=[^=>]|\\.push\\(|\\.set\\(|\\.add\\()`).test(text.slice(st.end))) out.push([name, 'a module-level table written to']);
      }
    }
  }
  return out;
}

describe('no module in src/rules keeps state between statements', () => {
  const files = modules(root);

  it('reads every module (the test cannot pass by finding none)', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  for (const file of files) {
    const rel = file.slice(root.length);
    it(rel, () => {
      const found = moduleState(file).filter(([name]) => !PURE_CACHES[`${rel}:${name}`]);
      expect(found.map(([name, why]) => `${name}: ${why}`)).toEqual([]);
    });
  }

  it('lists only pure caches that exist', () => {
    for (const key of Object.keys(PURE_CACHES)) {
      const [rel, name] = key.split(':');
      expect(moduleState(join(root, rel)).map(([n]) => n), key).toContain(name);
    }
  });

  it('catches the kinds it is about', () => {
    const names = (text: string) => moduleState('probe.ts', text).map(([n]) => n);
    expect(names('let lastRule: RuleStatement | undefined;\nlet lastAnalysis;')).toEqual(['lastRule', 'lastAnalysis']);
    expect(names('const readCache = new WeakMap<RuleContext, Set<string>>();')).toEqual(['readCache']);
    expect(names('const seen = new Set<string>();')).toEqual(['seen']);
    expect(names('const seen: ReadonlySet<string> = new Set(["a"]);')).toEqual([]);
    expect(names('const hits = [];\nfunction f() { hits.push(1); }')).toEqual(['hits']);
    expect(names('const TABLE = { a: 1 };\nfunction f() { return TABLE.a; }')).toEqual([]);
    expect(names('class C { static last = 0; }')).toEqual(['C.last']);
  });
});
