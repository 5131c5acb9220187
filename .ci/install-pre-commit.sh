#!/bin/sh
# Installs Debian's pre-commit for test/integrations/pre-commit.test.ts. Best effort: the test skips
# with a reason when pre-commit is missing, so this script never fails the build.
command -v pre-commit >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends pre-commit) >/dev/null 2>&1 \
    || echo "install-pre-commit: apt-get could not install pre-commit; the pre-commit test will be skipped" >&2
else
  echo "install-pre-commit: not root or no apt-get; the pre-commit test will be skipped" >&2
fi
exit 0
