#!/usr/bin/env bash
# Prints a bearer token for the local stack, signed with the key pair deploy/local/start.sh made
# (docs/security.md has the roles and claims):
#   deploy/local/token.sh [--sub NAME] [--roles ROLE[,ROLE]] [--agency CODE] [--unit UNIT] [--hours H] [--audience AUD]
# ROLE: admin, planner, operator, verifier, viewer, integration. Without options: an admin token.
#   curl -H "Authorization: Bearer $(deploy/local/token.sh --roles viewer --agency dinsos-maluku)" \
#        http://localhost:8084/api/v1/agencies/dinsos-maluku/years/2022/performance
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
STACK=${SAKIP_STACK_DIR:-$ROOT/.stack}
[ -f "$STACK/keys/private.pem" ] || { echo "no key pair in $STACK/keys: run deploy/local/start.sh first" >&2; exit 1; }
SAKIP_KEYS="$STACK/keys" SAKIP_JWT_ISSUER=${SAKIP_JWT_ISSUER:-http://localhost/sakip-local} \
  SAKIP_JWT_AUDIENCE=${SAKIP_JWT_AUDIENCE:-sakip} \
  exec java "$ROOT/deploy/local/StackTool.java" token "$@"
