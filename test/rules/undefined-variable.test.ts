import rule from '../../src/rules/undefined-variable.js';
import { col, runRuleTests } from './rule-tester.js';

const vars = new Set(['HTTP_SERVERS', 'HTTP_PORTS']);
const web = 'alert tcp $HOME_NET any -> $WEB_SERVERS $HTTP_PORTS (msg:"web"; sid:1;)';

runRuleTests(rule, {
  valid: [
    { name: 'unknown definitions: not checked', code: web },
    { name: 'HOME_NET and EXTERNAL_NET are predefined on AWS', code: 'alert tcp $HOME_NET any -> $EXTERNAL_NET $HTTP_PORTS (sid:1;)', options: { variables: vars } },
  ],
  invalid: [
    {
      code: web,
      options: { variables: vars },
      errors: [{ line: 1, column: col(web, '$WEB_SERVERS'), message: "variable '$WEB_SERVERS' in the destination address is not defined" }],
    },
    {
      name: 'under the suricata profile HOME_NET must be listed too',
      code: 'alert tcp $HOME_NET any -> any [80,$HTTP_PORT] (sid:1;)',
      options: { profile: 'suricata', variables: vars },
      errors: [{ column: 11, message: '$HOME_NET' }, { column: 36, message: "'$HTTP_PORT' in the destination port" }],
    },
  ],
});
