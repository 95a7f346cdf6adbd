#!/usr/bin/env bash
# The README's local-feed pack command, as written, in Release: the packages a user would pack. The end-to-end tests pack
# the same solution filter in the test build's own configuration without building again (tests/ClovaCodegen.EndToEnd.Tests,
# PackagedFeed), so this is where the Release build of every packed project and target framework is proven, with warnings
# as errors.
set -euo pipefail
cd "$(dirname "$0")/../.."

command=$(grep -E '^dotnet pack ' README.md)
[ "$(wc -l <<<"$command")" -eq 1 ] || { echo "README.md should have exactly one 'dotnet pack' line, has: $command"; exit 1; }
echo "$command"
rm -rf artifacts/feed
$command -nologo
packages=$(find artifacts/feed -name '*.nupkg' | wc -l)
symbols=$(find artifacts/feed -name '*.snupkg' | wc -l)
echo "release pack: $packages packages, $symbols symbol packages"
expected=$(grep -c "csproj" packaging/ClovaCodegen.Packages.slnf)
[ "$packages" -eq "$expected" ] && [ "$symbols" -eq "$expected" ] || { echo "expected $expected of each"; exit 1; }
