#!/usr/bin/env bash
# Installs the Suricata engine for the engine cross-check tests (test/engine), using the shared installer
# beside the checkout (../shared/tools/install-suricata.sh: Debian bookworm-backports, Suricata 7.0.x).
# Never fails CI: without the installer, apt or root, the engine tests skip themselves. Always exits 0.
cd "$(dirname "$0")/.." || exit 0
installer=../shared/tools/install-suricata.sh
if command -v suricata >/dev/null 2>&1; then
  echo "install-engine: $(suricata -V 2>&1 | head -n 1) already installed"
  exit 0
fi
if [ ! -f "$installer" ]; then
  echo "install-engine: $installer not found; engine tests will be skipped"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-engine: apt-get not available; engine tests will be skipped"
  exit 0
fi
if [ "$(id -u)" != "0" ] && ! sudo -n true 2>/dev/null; then
  echo "install-engine: not root and no passwordless sudo; engine tests will be skipped"
  exit 0
fi
if [ "$(id -u)" = "0" ]; then
  bash "$installer" || echo "install-engine: installer failed; engine tests will be skipped"
else
  sudo -n bash "$installer" || echo "install-engine: installer failed; engine tests will be skipped"
fi
if command -v suricata >/dev/null 2>&1; then
  echo "install-engine: installed $(suricata -V 2>&1 | head -n 1)"
fi
exit 0
