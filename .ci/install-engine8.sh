#!/usr/bin/env bash
# Installs Suricata 8.0.x as `suricata8` beside Suricata 7 with the shared installer
# (../shared/tools/install-suricata8.sh: its own Debian trixie root; minutes on a first run).
# Never fails CI: without the installer, apt or root, the Suricata 8 tests skip themselves.
cd "$(dirname "$0")/.." || exit 0
installer=../shared/tools/install-suricata8.sh
if command -v suricata8 >/dev/null 2>&1; then echo "install-engine8: $(suricata8 -V 2>&1 | head -n 1) already installed"; exit 0; fi
[ -f "$installer" ] || { echo "install-engine8: $installer not found; Suricata 8 tests will be skipped"; exit 0; }
[ "$(id -u)" = "0" ] || { echo "install-engine8: not root; Suricata 8 tests will be skipped"; exit 0; }
bash "$installer" || echo "install-engine8: installer failed; Suricata 8 tests will be skipped"
exit 0
