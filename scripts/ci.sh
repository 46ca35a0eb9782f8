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

echo "== tests on Node 24"
npx -y node@24 --version
npx -y node@24 node_modules/turbo/bin/turbo run test --concurrency=1
