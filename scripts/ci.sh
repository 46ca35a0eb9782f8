#!/usr/bin/env bash
# Build, typecheck, lint, check packaging and run every test suite, on Node 20 and on Node 24.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-system-deps.sh

export SECLOG_SCHEMAS_DIR="${SECLOG_SCHEMAS_DIR:-$(cd .. && pwd)/shared/data}"

npm run build
npm run typecheck
npm run lint
npm run check:packages
npm run test:conformance

echo "== tests on $(node --version)"
npm test

# Node 24 comes from the npm registry; put it first on PATH so npm, turbo and every test use it.
node24="$(npx -y node@24 -p process.execPath)"
echo "== tests on $(PATH="$(dirname "$node24"):$PATH" node --version)"
PATH="$(dirname "$node24"):$PATH" npm test
