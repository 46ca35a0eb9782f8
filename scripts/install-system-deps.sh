#!/usr/bin/env bash
# System tools some tests need (promtool validates generated Prometheus rules).
set -euo pipefail
if ! command -v promtool >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends prometheus >/dev/null
fi
