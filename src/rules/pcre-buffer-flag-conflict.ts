import { defineLintRule } from '../linter/lint-rule.js';
import type { PcreValue } from '../syntax/option-values.js';
import { PAYLOAD } from './utils/content-analysis.js';
import { lookupTable } from '../catalog/lookup-table.js';

/** pcre buffer flags and the sticky buffers they stand for. */
const FLAG_BUFFERS: Readonly<Record<string, readonly string[]>> = lookupTable({
  U: ['http.uri'],
  I: ['http.uri.raw'],
  H: ['http.header'],
  D: ['http.header.raw'],
  M: ['http.method'],
  C: ['http.cookie'],
  P: ['http.request_body'],
  Q: ['file.data', 'http.response_body'],
  S: ['http.stat_code'],
  Y: ['http.stat_msg'],
  V: ['http.user_agent'],
  W: ['http.host'],
  Z: ['http.host.raw'],
});

export default defineLintRule({
  meta: {
    id: 'pcre-buffer-flag-conflict',
    category: 'hygiene',
    severity: { 'aws-nfw': 'error', suricata: 'error' },
    fix: 'none',
    docs: {
      summary: 'A pcre with an HTTP buffer flag (/U, /P, /H, ...) while a different sticky buffer is active.',
      rationale:
        'The upper-case pcre flags select an HTTP buffer the old way. With a sticky buffer active, Suricata rejects the rule unless the flag names that same buffer ("Expression seen with a sticky buffer still set; either (1) reset sticky buffer with pkt_data or (2) use a sticky buffer providing ...").',
      badExample: 'alert http any any -> any any (msg:"x"; http.header; content:"a"; pcre:"/^[0-9]{5}$/P"; sid:1;)',
      goodExample: 'alert http any any -> any any (msg:"x"; http.header; content:"a"; http.request_body; pcre:"/^[0-9]{5}$/"; sid:1;)',
    },
  },
  checkRule(_rule, ctx, facts) {
    for (const p of facts.contents.pcres) {
      if (p.buffer === PAYLOAD || p.option.parsed?.kind !== 'pcre') continue;
      const flags = (p.option.parsed as PcreValue).flags ?? '';
      if (!/^[A-Za-z]*$/.test(flags)) continue;
      for (const f of flags) {
        const buffers = FLAG_BUFFERS[f];
        if (!buffers || buffers.includes(p.buffer)) continue;
        ctx.report({
          range: p.option.range,
          message: `pcre flag '/${f}' selects ${buffers[0]}, but the active sticky buffer is '${p.bufferOption?.keyword.text ?? p.buffer}': Suricata rejects the rule`,
          hint: `put '${buffers[0]};' before the pcre and drop the '${f}' flag, or reset the buffer with pkt_data`,
        });
        break;
      }
    }
  },
});
