#!/usr/bin/env bash
# Lints the four services' OpenAPI documents as built (<service>/target/openapi/openapi.json) with
# Redocly's recommended rules, as a dashboard team would before generating a client (issue 24).
# Errors fail the build; warnings are printed (the accepted ones are listed in README.md).
# Needs Node.js (npx) and the npm registry. Without npx the lint is skipped with a notice, so that
# ./mvnw verify still runs on a machine with only a JDK; CI sets SAKIP_REQUIRE_LINT=1 (and installs
# Node.js), where a missing npx is a failure.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
version="${REDOCLY_VERSION:-2.77.0}"
documents=()
for service in planning-service realization-service budget-service reporting-service; do
  document="$root/$service/target/openapi/openapi.json"
  [[ -f "$document" ]] || { echo "lint: $document is missing: package the services first" >&2; exit 1; }
  documents+=("$document")
done
if ! command -v npx >/dev/null 2>&1; then
  if [[ "${SAKIP_REQUIRE_LINT:-0}" == "1" ]]; then
    echo "lint: npx (Node.js) is required here (SAKIP_REQUIRE_LINT=1) but not found" >&2
    exit 1
  fi
  echo "lint: SKIPPED, Node.js (npx) is not installed; install it to lint the OpenAPI documents"
  exit 0
fi
cd "$root/deploy/clients"
# redocly.yaml extends the recommended rules; --format=stylish lists each problem with its place
npx --yes "@redocly/cli@$version" lint --config redocly.yaml --format=stylish "${documents[@]}"
