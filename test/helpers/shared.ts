import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ORACLE_ERRATA } from '../../src/engine/corpus-crosscheck.js';

/** ../shared beside the checkout (corpora, oracle, reference). Tests skip when it is absent. */
export const SHARED_DIR = fileURLToPath(new URL('../../../shared/', import.meta.url));
export const HAS_SHARED = existsSync(`${SHARED_DIR}corpora`);

export interface CorpusFile {
  /** Path relative to corpora/, as the oracle names it. */
  readonly name: string;
  readonly text: string;
}

export function corpusFiles(): CorpusFile[] {
  if (!HAS_SHARED) return [];
  const root = `${SHARED_DIR}corpora/`;
  const out: CorpusFile[] = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(root + rel, { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.rules')) out.push({ name: p, text: readFileSync(root + p, 'utf8') });
    }
  };
  walk('');
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

export interface OracleEntry {
  readonly file: string;
  readonly line: number;
  readonly verdict: 'accepted' | 'rejected';
  readonly category: 'accepted' | 'rule' | 'environment' | 'newer-version';
  readonly reason?: string;
}

export function oracleEntries(): OracleEntry[] {
  if (!HAS_SHARED) return [];
  const dir = `${SHARED_DIR}oracle/`;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) =>
      readFileSync(dir + f, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as OracleEntry)
        .map((e) => {
          const fix = ORACLE_ERRATA[`${e.file}:${e.line}`];
          return fix ? { ...e, ...fix } as OracleEntry : e;
        }),
    );
}
