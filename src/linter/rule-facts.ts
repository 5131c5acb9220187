import type { KeywordInfo } from '../catalog/keyword.js';
import { computeContents, PAYLOAD, type ContentAnalysis } from '../rules/utils/content-analysis.js';
import { listValues, type HeaderField } from '../rules/utils/header-values.js';
import { computeKeywords, type RuleKeywords } from '../rules/utils/rule-options.js';
import { computeSid, type RuleSid } from '../rules/utils/sid-index.js';
import { computeTls, type TlsRuleAnalysis } from '../rules/utils/tls-analysis.js';
import { bufferModel, emptyStickyBuffers, type BufferModel } from '../semantics/active-buffer.js';
import type { ListValue, RuleOption, RuleStatement } from '../syntax/tree.js';

/** One option of a rule with what the catalog and the rule's buffer model say about it. */
export interface OptionFacts {
  readonly option: RuleOption;
  /** Index in `rule.options`. */
  readonly index: number;
  /** Catalog entry of the keyword (name or alias, any case); undefined when unknown. */
  readonly keyword: KeywordInfo | undefined;
  /** Canonical keyword name (`tls_sni` -> `tls.sni`), or the option's name when unknown. */
  readonly name: string;
  /** The buffer the option works on (canonical sticky buffer name, or `payload`), from the buffer model. */
  readonly buffer: string;
}

/**
 * The buffer in force at each option (parallel to `rule.options`): the canonical sticky buffer name from
 * the buffer model (src/semantics/active-buffer.ts: sticky buffers, pkt_data, legacy modifiers), or `payload`.
 */
function activeBuffers(rule: RuleStatement, model: BufferModel): readonly string[] {
  const out: string[] = new Array(rule.options.length);
  for (let i = 0; i < out.length; i++) out[i] = model.active[i]?.name ?? PAYLOAD;
  return out;
}

/**
 * What the linter knows about one rule statement, handed to every lint rule with the statement
 * (`checkRule(rule, ctx, facts)`, `FileCheck.rule(rule, facts)`). Each fact is computed the first time a
 * rule asks for it and then shared by every lint rule for this statement; nothing outlives the statement
 * (lint rules keep no state between statements: they read facts). Pure: no I/O, never throws on user input.
 */
export class RuleFacts {
  private _keywords?: RuleKeywords;
  private _options?: readonly OptionFacts[];
  private _buffers?: readonly string[];
  private _bufferModel?: BufferModel;
  private _contents?: ContentAnalysis;
  private _tls?: TlsRuleAnalysis;
  private _sid?: RuleSid | null;
  private _header?: Partial<Record<HeaderField, readonly ListValue[]>>;

  constructor(readonly rule: RuleStatement) {}

  /** Catalog entries and canonical names of the options, parallel to `rule.options`. */
  get keywords(): RuleKeywords {
    return (this._keywords ??= computeKeywords(this.rule));
  }

  /** Each option with its catalog entry, canonical name and active buffer, in rule order. */
  get options(): readonly OptionFacts[] {
    if (!this._options) {
      const { infos, names } = this.keywords;
      const buffers = this.buffers;
      this._options = this.rule.options.map((option, index) => ({ option, index, keyword: infos[index], name: names[index], buffer: buffers[index] }));
    }
    return this._options;
  }

  /** The buffer model: the active buffer after each option, and the buffer-state mistakes Suricata refuses or warns about. */
  get bufferModel(): BufferModel {
    return (this._bufferModel ??= bufferModel(this.rule, this.keywords));
  }

  /** The buffer in force at each option, parallel to `rule.options`: a canonical sticky buffer name, or `payload`. */
  get buffers(): readonly string[] {
    return (this._buffers ??= activeBuffers(this.rule, this.bufferModel));
  }

  /** Contents with their buffers, modifiers and transforms; orphan modifiers; misplaced transforms; pcre; bsize. */
  get contents(): ContentAnalysis {
    return (this._contents ??= computeContents(this.rule, this.keywords));
  }

  /** When the rule can match on a TLS flow (ClientHello gating, server-side keywords, ssl_state). */
  get tls(): TlsRuleAnalysis {
    return (this._tls ??= computeTls(this.rule, () => emptyStickyBuffers(this.rule, this.bufferModel)));
  }

  /** sid, gid (default 1) and rev; undefined when the rule has no valid sid. */
  get sid(): RuleSid | undefined {
    if (this._sid === undefined) this._sid = computeSid(this.rule) ?? null;
    return this._sid ?? undefined;
  }

  /** Every single value of one header field (lists flattened, depth first). */
  headerValues(field: HeaderField): readonly ListValue[] {
    const cache = (this._header ??= {});
    return (cache[field] ??= listValues(this.rule.header[field]));
  }

  /** Options whose canonical keyword is one of `names`, in rule order. */
  optionsNamed(...names: string[]): RuleOption[] {
    const canonical = this.keywords.names;
    const out: RuleOption[] = [];
    for (let i = 0; i < canonical.length; i++) if (names.includes(canonical[i])) out.push(this.rule.options[i]);
    return out;
  }

  /** Whether the rule uses `requires:` (Suricata skips it silently when the requirement is not met). */
  get hasRequires(): boolean {
    const options = this.rule.options;
    for (let i = 0; i < options.length; i++) if (options[i].name === 'requires') return true;
    return false;
  }
}
