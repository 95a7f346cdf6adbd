#!/usr/bin/env bash
# Native AOT: samples/AotChat (PublishAot=true in its project; a global -p:PublishAot would reach its netstandard2.0 references) publishes with zero trimming/AOT warnings (warnings are errors) and its chat, stream and
# embeddings work against the emulator. Installs what Native AOT needs on Linux when it is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v clang >/dev/null 2>&1 || ! dpkg -s zlib1g-dev >/dev/null 2>&1; then
  echo "installing clang and zlib1g-dev for Native AOT"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang zlib1g-dev >/dev/null
fi

mkdir -p artifacts
out="artifacts/aot"
rm -rf "$out"
# -m:1: the analyzer project is reached with and without the RuntimeIdentifier; built in parallel, the two builds raced
# to copy the same obj/ file (MSB3026, an error under -warnaserror) on a loaded machine.
dotnet publish samples/AotChat -c Release -r linux-x64 -m:1 -p:TreatWarningsAsErrors=true -warnaserror -o "$out" -nologo 2>&1 | tee artifacts/aot.publish.log
if grep -E 'warning (IL|CS)[0-9]+' artifacts/aot.publish.log; then
  echo "AotChat published with warnings"; exit 1
fi

source .ci/emulator.sh
start_emulator artifacts/aot.emulator.log
trap stop_emulator EXIT

answer=$(CLOVA_STUDIO_BASE_URL="$EMULATOR_BASE_URL" CLOVA_STUDIO_API_KEY="nv-ci-0000000000000000" "$out/AotChat")
echo "$answer"
grep -q '^chat: ' <<<"$answer"
grep -qE '^stream: .+\([0-9]+ chunks\)$' <<<"$answer"
grep -q '^embedding: 1024 dimensions' <<<"$answer"
echo "AOT sample OK: $(( $(stat -c %s "$out/AotChat") / 1024 )) KiB"
