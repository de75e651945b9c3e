#!/usr/bin/env bash
# Usage: ensure-package.sh PATH-OR-COMMAND DEBIAN-PACKAGE
# Installs a Debian package the tests need when what it provides is missing and we are allowed to
# (nothing installed by hand survives to a fresh machine).
set -euo pipefail
want="$1"
package="$2"
if [ "${want#/}" != "$want" ]; then [ -x "$want" ] && exit 0; else command -v "$want" >/dev/null && exit 0; fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "$package is missing: run 'apt-get install -y $package' as root" >&2; exit 1; }
  SUDO="sudo"
fi
echo "Installing Debian's $package for the tests…"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "$package" >/dev/null
