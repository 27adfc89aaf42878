#!/usr/bin/env bash
# Runs Electronegativity on the built app inside a network namespace of its own with nothing but
# loopback: the tool tries to download translations and Electron's release list, and on our
# machines no traffic may leave. Findings must be fixed or justified in SECURITY.md.
set -euo pipefail
cd "$(dirname "$0")/../../.."
mkdir -p test-results
csv=test-results/electronegativity.csv
electron_version=$(node -p "require('electron/package.json').version")
run=(npx electronegativity -i out -o "$csv" -x AvailableSecurityFixesGlobalCheck -e "$electron_version")
ns="tc-eneg-$$"
if ip netns add "$ns" 2>/dev/null; then
  trap 'ip netns del "$ns" 2>/dev/null || true' EXIT
  ip netns exec "$ns" ip link set lo up
  ip netns exec "$ns" "${run[@]}"
else
  echo "Electronegativity skipped: it needs root to run in an isolated network namespace (the tool reaches for the internet)."
  exit 0
fi
node test/integration/security/electronegativity-check.mjs "$csv" SECURITY.md
