import { describe, expect, it } from 'vitest';
import { collectRuleUsage } from '../../src/engine/rule-usage.js';

describe('collectRuleUsage', () => {
  it('finds address and port variables by header position, inside groups and negations', () => {
    const usage = collectRuleUsage([
      'alert tcp [$HOME_NET, !$DNS_SERVERS] $SRC_PORTS -> !$EXTERNAL_NET [80,$HTTP_PORTS] (msg:"$NOT_A_VAR"; sid:1;)',
    ]);
    expect(usage.variables).toEqual([
      { name: 'HOME_NET', kind: 'address' },
      { name: 'DNS_SERVERS', kind: 'address' },
      { name: 'SRC_PORTS', kind: 'port' },
      { name: 'EXTERNAL_NET', kind: 'address' },
      { name: 'HTTP_PORTS', kind: 'port' },
    ]);
  });

  it('collects header protocols, app-layer-protocol values and keyword families', () => {
    const usage = collectRuleUsage([
      'alert TLS any any -> any any (sid:1;)',
      'alert tcp any any -> any 502 (modbus: function 1; sid:2;)',
      'alert tcp any any -> any any (app-layer-protocol:!dnp3; sid:3;)',
      'alert tcp any any -> any any (cip_service:1; sid:4;)',
      'alert tls:client_hello_done any any -> any any (sid:5;)',
    ]);
    expect(usage.protocols).toEqual(['dnp3', 'enip', 'modbus', 'tcp', 'tls']);
  });

  it('does not throw on text that is not a rule', () => {
    expect(collectRuleUsage(['', '(((', '$$$ [ [ [']).variables).toEqual([]);
  });
});
