import type { RuleVariable } from './rule-usage.js';
import { lookupTable } from '../catalog/lookup-table.js';

export interface SuricataConfigOptions {
  /** Variables the rules use; each gets a definition. `value` overrides the default. */
  readonly variables: readonly (RuleVariable & { readonly value?: string })[];
  /** Protocol names the rules use; those Suricata 7 disables by default are enabled. */
  readonly protocols: readonly string[];
  /** Where Suricata writes `suricata.log` and the engine-analysis files. */
  readonly logDir: string;
  /** Defaults to /etc/suricata/classification.config (installed with Suricata). */
  readonly classificationFile?: string;
  /** Defaults to /etc/suricata/reference.config. */
  readonly referenceConfigFile?: string;
}

/** Log line format of the generated config: full level name, subsystem, message (`Error: detect-parse: ...`). */
export const ENGINE_LOG_FORMAT = '%d: %S: %M';

/** Name of the log file the generated config writes in `logDir`. */
export const ENGINE_LOG_FILE = 'suricata.log';

/** Address variables of Suricata 7's shipped suricata.yaml, with its values. */
const STOCK_ADDRESS_VARS: Readonly<Record<string, string>> = lookupTable({
  HOME_NET: '[192.168.0.0/16,10.0.0.0/8,172.16.0.0/12]',
  EXTERNAL_NET: '!$HOME_NET',
  HTTP_SERVERS: '$HOME_NET',
  SMTP_SERVERS: '$HOME_NET',
  SQL_SERVERS: '$HOME_NET',
  DNS_SERVERS: '$HOME_NET',
  TELNET_SERVERS: '$HOME_NET',
  AIM_SERVERS: '$EXTERNAL_NET',
  DC_SERVERS: '$HOME_NET',
  DNP3_SERVER: '$HOME_NET',
  DNP3_CLIENT: '$HOME_NET',
  MODBUS_CLIENT: '$HOME_NET',
  MODBUS_SERVER: '$HOME_NET',
  ENIP_CLIENT: '$HOME_NET',
  ENIP_SERVER: '$HOME_NET',
});

/** Port variables of Suricata 7's shipped suricata.yaml, with its values. */
const STOCK_PORT_VARS: Readonly<Record<string, string>> = lookupTable({
  HTTP_PORTS: '80',
  SHELLCODE_PORTS: '!80',
  ORACLE_PORTS: '1521',
  SSH_PORTS: '22',
  DNP3_PORTS: '20000',
  MODBUS_PORTS: '502',
  FILE_DATA_PORTS: '[$HTTP_PORTS,110,143]',
  FTP_PORTS: '21',
  GENEVE_PORTS: '6081',
  VXLAN_PORTS: '4789',
  TEREDO_PORTS: '3544',
});

/**
 * App-layer protocols Suricata 7 registers but leaves disabled unless the config enables them, by the
 * config key that enables them (rules naming them otherwise fail with "protocol ... cannot be used").
 * Without `detection-ports` Suricata 7.0.10 still calls them disabled for `app-layer-event` (measured), so
 * they get the stock ports.
 */
const DISABLED_BY_DEFAULT: Readonly<Record<string, string>> = lookupTable({ modbus: 'modbus', dnp3: 'dnp3', enip: 'enip', cip: 'enip' });
const DETECTION_PORTS: Readonly<Record<string, readonly string[]>> = lookupTable({
  dnp3: ['dp: 20000'],
  enip: ['dp: 44818', 'sp: 44818'],
  modbus: ['dp: 502'],
});

/**
 * The smallest suricata.yaml that loads rules in test mode (`-T`) and engine-analysis mode: variables,
 * the protocols the rules need, classification/reference files, engine-analysis output and a log file in
 * `logDir` whose lines read `Error: detect-parse: message`. Pure: the caller checks the paths exist.
 *
 * Variables without a stock value get values that keep rules loadable: every unknown address variable its
 * own private /24 inside HOME_NET, every unknown port variable its own small high port range (distinct
 * values, so that `[$A,!$B]` never negates the whole space). `EXTERNAL_NET` is `!$HOME_NET` unless
 * HOME_NET is `any`, where `!any` would be invalid, and then it is `any`.
 */
export function buildSuricataConfig(opts: SuricataConfigOptions): string {
  const given = new Map(opts.variables.map((v) => [`${v.kind}:${v.name}`, v.value]));
  const address = new Map<string, string>();
  const ports = new Map<string, string>();
  for (const [name, value] of Object.entries(STOCK_ADDRESS_VARS)) address.set(name, given.get(`address:${name}`) ?? value);
  for (const [name, value] of Object.entries(STOCK_PORT_VARS)) ports.set(name, given.get(`port:${name}`) ?? value);
  if (/^\s*any\s*$/i.test(address.get('HOME_NET') ?? '') && given.get('address:EXTERNAL_NET') === undefined) address.set('EXTERNAL_NET', 'any');
  let extraAddress = 0;
  let extraPort = 0;
  for (const v of opts.variables) {
    if (v.kind === 'address' && !address.has(v.name)) address.set(v.name, v.value ?? defaultAddress(extraAddress++));
    if (v.kind === 'port' && !ports.has(v.name)) ports.set(v.name, v.value ?? defaultPorts(extraPort++));
  }
  const enable = [...new Set(opts.protocols.map((p) => DISABLED_BY_DEFAULT[p.toLowerCase()]).filter((p): p is string => !!p))].sort();
  const lines = [
    '%YAML 1.1',
    '---',
    'vars:',
    '  address-groups:',
    ...[...address].map(([name, value]) => `    ${name}: ${yamlString(value)}`),
    '  port-groups:',
    ...[...ports].map(([name, value]) => `    ${name}: ${yamlString(value)}`),
    `default-log-dir: ${yamlString(opts.logDir)}`,
    `classification-file: ${yamlString(opts.classificationFile ?? '/etc/suricata/classification.config')}`,
    `reference-config-file: ${yamlString(opts.referenceConfigFile ?? '/etc/suricata/reference.config')}`,
    ...(enable.length ? ['app-layer:', '  protocols:', ...enable.flatMap((p) => [`    ${p}:`, '      enabled: yes', '      detection-ports:', ...(DETECTION_PORTS[p] ?? []).map((port) => `        ${port}`)])] : []),
    // Lua rules run scripts: never, whatever the version's default (Suricata 8 allows them).
    'security:',
    '  lua:',
    '    allow-rules: no',
    'engine-analysis:',
    '  rules-fast-pattern: yes',
    '  rules: yes',
    'logging:',
    '  default-log-level: info',
    '  outputs:',
    '    - console:',
    '        enabled: no',
    '    - file:',
    '        enabled: yes',
    '        level: info',
    `        filename: ${yamlString(ENGINE_LOG_FILE)}`,
    `        format: ${yamlString(ENGINE_LOG_FORMAT)}`,
    '',
  ];
  return lines.join('\n');
}

function defaultAddress(index: number): string {
  return `[10.${200 + Math.floor(index / 256) % 56}.${index % 256}.0/24]`;
}

function defaultPorts(index: number): string {
  const base = 40000 + (index % 2500) * 10;
  return `${base}:${base + 9}`;
}

/** A double-quoted YAML scalar. */
function yamlString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}
