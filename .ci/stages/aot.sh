#!/usr/bin/env bash
# Native AOT: samples/AotChat and samples/ToolsAndStructuredOutput (PublishAot=true in their projects; a global
# -p:PublishAot would reach their netstandard2.0 references) publish with zero trimming/AOT warnings (warnings are
# errors), and each works against the emulator: AotChat's chat, stream and embeddings; ToolsAndStructuredOutput's
# generated tools run by the tool loop (whole and streamed) and its structured answer read. Installs what Native AOT
# needs on Linux when it is missing. ToolsAndStructuredOutput also runs its tools through Microsoft.Extensions.AI's
# UseFunctionInvocation() with AsAIFunctions(), the one Native AOT publish of that adapter.
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v clang >/dev/null 2>&1 || ! dpkg -s zlib1g-dev >/dev/null 2>&1; then
  echo "installing clang and zlib1g-dev for Native AOT"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang zlib1g-dev >/dev/null
fi

mkdir -p artifacts
samples=(AotChat ToolsAndStructuredOutput)
for sample in "${samples[@]}"; do
  out="artifacts/aot/$sample"
  rm -rf "$out"
  # -m:1: the analyzer project is reached with and without the RuntimeIdentifier; built in parallel, the two builds raced
  # to copy the same obj/ file (MSB3026, an error under -warnaserror) on a loaded machine.
  dotnet publish "samples/$sample" -c Release -r linux-x64 -m:1 -p:TreatWarningsAsErrors=true -warnaserror -o "$out" -nologo 2>&1 | tee "artifacts/aot.$sample.publish.log"
  if grep -E 'warning (IL|CS)[0-9]+' "artifacts/aot.$sample.publish.log"; then
    echo "$sample published with warnings"; exit 1
  fi
done

source .ci/emulator.sh
start_emulator artifacts/aot.emulator.log
trap stop_emulator EXIT

answer=$(CLOVA_STUDIO_BASE_URL="$EMULATOR_BASE_URL" CLOVA_STUDIO_API_KEY="nv-ci-0000000000000000" artifacts/aot/AotChat/AotChat)
echo "$answer"
grep -q '^chat: ' <<<"$answer"
grep -qE '^stream: .+\([0-9]+ chunks\)$' <<<"$answer"
grep -q '^embedding: 1024 dimensions' <<<"$answer"

# No key: the sample takes the emulator's URL and a fake key of its own. The emulator calls the first tool offered (or
# the one tool_choice names) with arguments generated from its schema and answers a tool result with "Tool said: ...";
# its structured answer is generated from TripPlan's schema, so every line below needs the generated code to work.
answer=$(CLOVA_STUDIO_BASE_URL="$EMULATOR_BASE_URL" CLOVA_STUDIO_API_KEY= artifacts/aot/ToolsAndStructuredOutput/ToolsAndStructuredOutput)
echo "$answer"
grep -q '^tool ran: GetWeather(city: .\+, unit: Celsius)$' <<<"$answer"
grep -q '^tool loop: Tool said: {"City":".\+","Degrees":21.5,"Unit":"Celsius","Sky":"clear"}$' <<<"$answer"
grep -q '^tool ran: convert_won(won: .\+, currency: .\+)$' <<<"$answer"
grep -qE '^streamed tool loop: Tool said: [0-9.]+ \([0-9]+ chunks\)$' <<<"$answer"
grep -qE '^structured: .+, Relaxed, budget [0-9]+, [1-9][0-9]* stop\(s\): .+ \([0-9.]+ h\)$' <<<"$answer"
# Microsoft.Extensions.AI's UseFunctionInvocation() with TravelTools.All.AsAIFunctions(): the same generated tool, called
# through FunctionInvokingChatClient in the AOT binary.
grep -q '^tool ran: GetWeather(city: What is the weather in Busan today?, unit: Celsius)$' <<<"$answer"
grep -q '^function invocation: Tool said: {"City":"What is the weather in Busan today?","Degrees":21.5,"Unit":"Celsius","Sky":"clear"}$' <<<"$answer"

for sample in "${samples[@]}"; do
  echo "AOT sample $sample OK: $(( $(stat -c %s "artifacts/aot/$sample/$sample") / 1024 )) KiB"
done
