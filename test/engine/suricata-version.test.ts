import { describe, expect, it } from 'vitest';
import { parseSuricataVersion } from '../../src/engine/suricata-version.js';

describe('parseSuricataVersion', () => {
  it.each([
    ['This is Suricata version 7.0.10 RELEASE', '7.0.10', 7],
    ['This is Suricata version 8.0.0-dev (abc123)', '8.0.0', 8],
    ['This is Suricata version 6.0 RELEASE', '6.0.0', 6],
  ])('reads %s', (text, version, major) => {
    expect(parseSuricataVersion(text)).toMatchObject({ text: version, major });
  });

  it('returns undefined when no version is printed', () => {
    expect(parseSuricataVersion('command not found')).toBeUndefined();
  });
});
