#!/usr/bin/env bash
# Brings the public API baseline of the shipped libraries (runtime/*/PublicAPI.Unshipped.txt) up to date with the code:
# builds them with the analyzers' findings as warnings, adds each public symbol the build reports as undeclared (RS0016)
# to the Unshipped file of its project, and removes each declared one it reports as gone (RS0017). Review the diff: it is
# the change to what users can call. See CONTRIBUTING.md.
set -euo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
trap 'rm -f "$log"' EXIT
# The Testing library references the runtime and the emulator; the two interop libraries complete the set.
for project in runtime/ClovaCodegen.Testing runtime/ClovaCodegen.OpenAI runtime/ClovaCodegen.Extensions.AI; do
  dotnet build "$project" --no-incremental -nologo -p:TreatWarningsAsErrors=false >> "$log" 2>&1 || true
done

# Lines look like: <file>(l,c): warning RS0016: Symbol '<symbol>' is not part of the declared public API (...) [<dir>/<name>.csproj::TargetFramework=...]
added=$(sed -nE "s/.*warning RS0016: Symbol '(.*)' is not part of the declared public API.*\[(.*)\/[^/]+\.csproj.*/\2\t\1/p" "$log" | sort -u)
removed=$(sed -nE "s/.*warning RS0017: Symbol '(.*)' is part of the declared API, but is either not public or could not be found.*\[(.*)\/[^/]+\.csproj.*/\2\t\1/p" "$log" | sort -u)

for project in runtime/ClovaCodegen.Runtime runtime/ClovaCodegen.OpenAI runtime/ClovaCodegen.Extensions.AI runtime/ClovaCodegen.Emulator runtime/ClovaCodegen.Testing; do
  dir=$(cd "$project" && pwd)
  file="$project/PublicAPI.Unshipped.txt"
  [ -f "$file" ] || printf '#nullable enable\n' > "$file"
  {
    grep -v '^#nullable enable$' "$file" || true
    printf '%s\n' "$added" | awk -F'\t' -v dir="$dir" '$1 == dir { print $2 }'
  } | grep -v '^$' | grep -vxF -f <(printf '%s\n' "$removed" | awk -F'\t' -v dir="$dir" '$1 == dir { print $2 }' | grep -v '^$' || true) | LC_ALL=C sort -u > "$file.new" || true
  { printf '#nullable enable\n'; cat "$file.new"; } > "$file"
  rm -f "$file.new"
done

if grep -q "error" "$log" && ! grep -qE "warning RS001[67]" "$log"; then
  grep -E ": error " "$log" | sort -u | head -20 >&2
  echo "The build failed for another reason (above)." >&2
  exit 1
fi
git --no-pager diff --stat -- 'runtime/*/PublicAPI.*.txt'
