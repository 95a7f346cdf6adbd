#!/usr/bin/env bash
# Native AOT comparison: samples/AotChat (ClovaCodegen) against OpenAISdkChat (the OpenAI .NET SDK alone), both published
# the same way (Release, linux-x64, PublishAot) and both run against the local emulator on 127.0.0.1.
# Reports binary size and start-up-to-first-answer time (median of N runs of the whole chat + stream + embeddings).
#   bash bench/AotComparison/run.sh [runs]
# Needs clang and zlib1g-dev (see .ci/stages/aot.sh, which installs them).
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-7}"
out="artifacts/aot-comparison"
mkdir -p "$out"

publish() { # project name
  dotnet publish "$1" -c Release -r linux-x64 -o "$out/$2" -nologo -v:q 2>&1 | tee "$out/$2.publish.log" >/dev/null
}
publish samples/AotChat AotChat
publish bench/AotComparison/OpenAISdkChat OpenAISdkChat

source "$(dirname "$0")/../../.ci/emulator.sh"
start_emulator "$out/emulator.log"
trap stop_emulator EXIT

export CLOVA_STUDIO_BASE_URL="$EMULATOR_BASE_URL" CLOVA_STUDIO_API_KEY="nv-bench-0000000000000000"

median_ms() { # binary
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$1" > /dev/null
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

printf '%-16s %12s %14s\n' app "size (KiB)" "first answer (ms, median of $runs)"
for app in AotChat OpenAISdkChat; do
  size=$(( $(stat -c %s "$out/$app/$app") / 1024 ))
  ms=$(median_ms "$out/$app/$app")
  printf '%-16s %12s %14s\n' "$app" "$size" "$ms"
  eval "size_$app=$size ms_$app=$ms"
done
awk -v a="$size_AotChat" -v b="$size_OpenAISdkChat" -v c="$ms_AotChat" -v d="$ms_OpenAISdkChat" \
  'BEGIN {printf "ratio AotChat/OpenAISdkChat: size %.2f, time %.2f\n", a/b, c/d}'
echo "trim/AOT warnings: AotChat $(grep -c -E 'warning IL[0-9]+' "$out/AotChat.publish.log" || true), OpenAISdkChat $(grep -c -E 'warning IL[0-9]+' "$out/OpenAISdkChat.publish.log" || true)"
