#!/usr/bin/env bash
# The step of action.yml: turns the inputs (INPUT_* variables) into one kalint command line, runs
# the bundled dist/kalint.js with the runner's node, and writes the step outputs to GITHUB_OUTPUT.
# Exits with kalint's exit code, so findings at or above fail-on fail the step.
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
kalint="$here/dist/kalint.js"

fail() { echo "::error title=kalint::$1"; exit 2; }

command -v node >/dev/null || fail "node is not on the PATH; add actions/setup-node (Node 20 or newer) before this step"
major=$(node -p 'process.versions.node.split(".")[0]')
[ "$major" -ge 20 ] || fail "kalint needs Node 20 or newer and the runner has $(node --version); add actions/setup-node before this step"
[ -f "$kalint" ] || fail "$kalint is missing: use a release tag (kalint/kalint@v0.1.0), whose commit carries dist/; a branch of the source tree has none"

paths=()
if [[ "${INPUT_PATHS:-.}" == *$'\n'* ]]; then
  while IFS= read -r p; do [ -n "${p//[[:space:]]/}" ] && paths+=("$p"); done <<< "$INPUT_PATHS"
else
  read -r -a paths <<< "${INPUT_PATHS:-.}"
fi
[ ${#paths[@]} -gt 0 ] || paths=(.)

args=(check --fail-on "${INPUT_FAIL_ON:-error}")
[ -n "${INPUT_TARGET_VERSION:-}" ] && args+=(--target-version "$INPUT_TARGET_VERSION")

format=${INPUT_FORMAT:-github}
out=
case "$format" in
  github | text) ;;
  sarif | json)
    out=${INPUT_OUTPUT_FILE:-kalint.$format}
    node "$kalint" "${args[@]}" --format "$format" -- "${paths[@]}" > "$out"
    code=$?
    if [ "$code" -ge 2 ]; then
      echo "exit-code=$code" >> "${GITHUB_OUTPUT:-/dev/null}"
      exit "$code"
    fi
    format=github ;;
  *) fail "format must be github, text, sarif or json, not '$format'" ;;
esac

node "$kalint" "${args[@]}" --format "$format" -- "${paths[@]}"
code=$?
{
  echo "exit-code=$code"
  echo "output-file=$out"
} >> "${GITHUB_OUTPUT:-/dev/null}"
exit "$code"
