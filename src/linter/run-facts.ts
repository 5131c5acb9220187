import { BLOCKING_ACTIONS } from '../catalog/actions.js';
import type { TextRange } from '../source/text-range.js';
import type { FlowbitsValue } from '../syntax/option-values.js';
import type { RuleStatement } from '../syntax/tree.js';
import type { ResolvedLintOptions } from './lint-options.js';
import { RuleFacts } from './rule-facts.js';

/** One name in one `flowbits:` option of a checked rule. */
export interface FlowbitUse {
  /** The flowbit's name, as written. */
  readonly name: string;
  /** `set`, `unset`, `toggle`, `isset`, `isnotset`, ... as written. */
  readonly command: string;
  /** The rule's action (`drop`, `pass`, ...). */
  readonly action: string;
  /** The action blocks the flow (drop, reject, ...: catalog/actions.ts). */
  readonly blocking: boolean;
  /** Range of the name in the text. */
  readonly range: TextRange;
}

/** Every flowbit use of a run's checked rules, by name; built once, on first use. */
export class FlowbitIndex {
  private readonly byName = new Map<string, FlowbitUse[]>();

  constructor(rules: Iterable<RuleStatement>) {
    for (const rule of rules) {
      const action = rule.header.action?.name ?? '';
      const blocking = BLOCKING_ACTIONS.has(action);
      for (const o of rule.options) {
        if (o.parsed?.kind !== 'flowbits') continue;
        const v = o.parsed as FlowbitsValue;
        for (const n of v.names) {
          let uses = this.byName.get(n.name);
          if (!uses) this.byName.set(n.name, (uses = []));
          uses.push({ name: n.name, command: v.command, action, blocking, range: n.range });
        }
      }
    }
  }

  /** The uses of one flowbit name, in file order (empty when unused). */
  uses(name: string): readonly FlowbitUse[] {
    return this.byName.get(name) ?? [];
  }

  /** Whether a blocking rule tests the flowbit with `isset` (an early `set` makes that rule block early). */
  testedByBlockingRule(name: string): boolean {
    return this.uses(name).some((u) => u.blocking && u.command === 'isset');
  }
}

/**
 * What a lint rule may know about the whole run (one rules text): the options, the variables known to be
 * defined, and cross-rule indexes built on first use by a look-ahead over the rules that mention them
 * (`rulesMentioning`), then shared by every lint rule. Replaces per-rule caches keyed by the context.
 */
export class RunFacts {
  private _flowbits?: FlowbitIndex;
  private readonly memos = new Map<object, unknown>();

  constructor(
    readonly options: ResolvedLintOptions,
    private readonly rulesMentioning: (word: string) => Iterable<RuleStatement>,
  ) {}

  /** Variables known to be defined (without `$`); undefined when definitions are unknown. */
  get variables(): ReadonlySet<string> | undefined {
    return this.options.variables;
  }

  /** Every flowbit use of the run's checked rules. */
  get flowbits(): FlowbitIndex {
    return (this._flowbits ??= new FlowbitIndex(this.rulesMentioning('flowbits')));
  }

  /**
   * A value derived from the whole run (an index over its rules), computed once per run by `compute` and
   * kept under `key` (a module-level function or object of the lint rule that needs it) until the run ends:
   * the place for a lint rule's cross-rule caches, instead of module state or a WeakMap keyed by the context.
   */
  memo<T>(key: object, compute: () => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const value = compute();
    this.memos.set(key, value);
    return value;
  }

  /** Facts for a rule found by a look-ahead (the statement being checked gets its facts with it). */
  factsOf(rule: RuleStatement): RuleFacts {
    return new RuleFacts(rule);
  }
}
