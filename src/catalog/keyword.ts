/** Whether a keyword takes a value after `:`. */
export type ValueShape =
  /** `nocase;`, `tls.sni;`: Suricata rejects a value (SIGMATCH_NOOPT). */
  | 'none'
  /** `sid:1;`: Suricata rejects the keyword without a value. */
  | 'required'
  /** `fast_pattern;` and `fast_pattern:only;` both load (SIGMATCH_OPTIONAL_OPT). */
  | 'optional';

/** What a keyword does inside a rule; drives ordering and buffer checks. */
export type KeywordKind =
  /** Switches the inspection buffer for the following `content`/`pcre` (`tls.sni`, `http.host`). */
  | 'sticky-buffer'
  /** Binds to the preceding `content` (`nocase`, `depth`, `http_uri`, ...). */
  | 'content-modifier'
  /** Changes the current sticky buffer before matching (`dotprefix`, `to_lowercase`, ...). */
  | 'transform'
  /** Matches on the payload or current buffer (`content`, `pcre`, `byte_test`, `isdataat`, ...). */
  | 'payload'
  /** Describes the rule, never matches (`sid`, `msg`, `metadata`, ...). */
  | 'meta'
  /** Flow state and per-flow variables (`flow`, `flowbits`, `xbits`, ...). */
  | 'flow'
  /** Matches on app-layer protocol state (`ssl_state`, `tls.version`, `http2.frametype`, ...). */
  | 'app-layer'
  /** IP/TCP/UDP/ICMP header keywords (`ttl`, `ip_proto`, `tcp.flags`, ...). */
  | 'ip'
  | 'other';

/** One rule keyword Suricata (or AWS Network Firewall) knows. */
export interface KeywordInfo {
  /** Canonical name as Suricata 7.0.10 lists it, e.g. `tls.sni`. */
  readonly name: string;
  /** Other names Suricata accepts for the same keyword (usually deprecated legacy names), e.g. `tls_sni`. */
  readonly aliases: readonly string[];
  readonly description: string;
  readonly value: ValueShape;
  /** How Suricata treats a double-quoted value: must have (`content`, `msg`), may have, or rejects quotes. */
  readonly quotes: 'mandatory' | 'optional' | 'never';
  readonly kind: KeywordKind;
  /** App-layer protocol the keyword implies, e.g. `tls`, `http`, `dns` (absent when it implies none). */
  readonly appLayer?: string;
  /** Documentation URL. */
  readonly docs?: string;
  /** 7: Suricata 7.0.10 loads it; 8: only Suricata 8 knows it (recognised, but flagged for a 7 target). */
  readonly since: 7 | 8;
  /** AWS Network Firewall extension, unknown to upstream Suricata (`aws_domain_category`). */
  readonly vendor?: 'aws';
}
