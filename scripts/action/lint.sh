#!/usr/bin/env bash
# The step of action.yml: runs the CLI of the action's own version (a weekly-issues of that version
# installed in the repository is used as it is; otherwise npx fetches it) with the inputs as arguments.
set -euo pipefail
set -f # the CLI expands the globs itself (with ! and .gitignore); the shell must not
args=(lint --format github)
if [ -n "${INPUT_CONFIG:-}" ]; then args+=(--config "$INPUT_CONFIG"); fi
if [ -n "${INPUT_MAX_WARNINGS:-}" ]; then args+=(--max-warnings "$INPUT_MAX_WARNINGS"); fi
while IFS= read -r glob || [ -n "$glob" ]; do
  glob="${glob#"${glob%%[![:space:]]*}"}"
  glob="${glob%"${glob##*[![:space:]]}"}"
  if [ -n "$glob" ]; then args+=("$glob"); fi
done <<< "${INPUT_GLOBS:-**/*.md}"
version="$(node -p 'require(process.argv[1]).version' "$GITHUB_ACTION_PATH/package.json")"
exec npx --yes "weekly-issues@$version" "${args[@]}"
