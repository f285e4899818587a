# Sourced by the bench scripts: every API call carries a bearer token (docs/security.md),
# SAKIP_TOKEN if set, else an admin token signed with the local stack's key pair.
BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export SAKIP_KEYS=${SAKIP_KEYS:-${SAKIP_STACK_DIR:-$BENCH_ROOT/.stack}/keys}
export SAKIP_TOKEN=${SAKIP_TOKEN:-$("$BENCH_ROOT/deploy/local/token.sh" --sub bench --hours 4)}
AUTH="Authorization: Bearer $SAKIP_TOKEN"
