import { describe, expect, it } from 'vitest';
import { buildSuricataConfig } from '../../src/engine/suricata-config.js';

describe('buildSuricataConfig', () => {
  it('defines the stock variables, the rules\' own variables and the log file', () => {
    const yaml = buildSuricataConfig({
      variables: [{ name: 'HOME_NET', kind: 'address' }, { name: 'MY_SERVERS', kind: 'address' }, { name: 'MY_PORTS', kind: 'port' }, { name: 'OTHER_PORTS', kind: 'port' }],
      protocols: ['tcp', 'tls'],
      logDir: '/tmp/x',
    });
    expect(yaml).toContain('    HOME_NET: "[192.168.0.0/16,10.0.0.0/8,172.16.0.0/12]"\n');
    expect(yaml).toContain('    EXTERNAL_NET: "!$HOME_NET"\n');
    expect(yaml).toContain('    MY_SERVERS: "[10.200.0.0/24]"\n');
    expect(yaml).toContain('    MY_PORTS: "40000:40009"\n');
    expect(yaml).toContain('    OTHER_PORTS: "40010:40019"\n');
    expect(yaml).toContain('default-log-dir: "/tmp/x"');
    expect(yaml).toContain('format: "%d: %S: %M"');
    expect(yaml).toContain('classification-file: "/etc/suricata/classification.config"');
    expect(yaml).not.toContain('app-layer:');
    expect(yaml.startsWith('%YAML 1.1\n---\n')).toBe(true);
  });

  it('makes EXTERNAL_NET any when HOME_NET is any', () => {
    const yaml = buildSuricataConfig({ variables: [{ name: 'HOME_NET', kind: 'address', value: 'any' }], protocols: [], logDir: '/l' });
    expect(yaml).toContain('    HOME_NET: "any"\n');
    expect(yaml).toContain('    EXTERNAL_NET: "any"\n');
  });

  it('keeps a given value and quotes it for YAML', () => {
    const yaml = buildSuricataConfig({ variables: [{ name: 'X', kind: 'port', value: '[80,"443"]' }], protocols: [], logDir: '/l' });
    expect(yaml).toContain('    X: "[80,\\"443\\"]"\n');
  });

  it('enables the app-layer protocols Suricata 7 leaves off, once each', () => {
    const yaml = buildSuricataConfig({ variables: [], protocols: ['modbus', 'dnp3', 'enip', 'cip', 'http', 'template'], logDir: '/l' });
    expect(yaml).toContain(
      [
        'app-layer:', '  protocols:',
        '    dnp3:', '      enabled: yes', '      detection-ports:', '        dp: 20000',
        '    enip:', '      enabled: yes', '      detection-ports:', '        dp: 44818', '        sp: 44818',
        '    modbus:', '      enabled: yes', '      detection-ports:', '        dp: 502', '',
      ].join('\n'),
    );
    expect(yaml).not.toContain('template');
  });
});
