#!/bin/sh
# Installs the Debian tools the tests drive: tshark (validates generated pcaps), neovim (the editor
# end-to-end test of the language server), pre-commit (the hook integration test). Best effort: each
# test skips with a reason when its tool is missing, so this script never fails the build.
missing=""
command -v tshark >/dev/null 2>&1 || missing="$missing tshark"
command -v nvim >/dev/null 2>&1 || missing="$missing neovim"
command -v pre-commit >/dev/null 2>&1 || missing="$missing pre-commit"
[ -n "$missing" ] || exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "install-tools: installing$missing"
  (apt-get update -qq && echo "wireshark-common wireshark-common/install-setuid boolean false" | debconf-set-selections \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing) >/dev/null 2>&1 \
    || echo "install-tools: apt-get could not install$missing; the tests that need them will be skipped" >&2
else
  echo "install-tools: not root or no apt-get; tests needing$missing will be skipped" >&2
fi
exit 0
