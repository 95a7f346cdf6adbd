# Sourced by CI stages and bench scripts: starts the CLOVA Studio emulator from the command line on 127.0.0.1 and a
# free port, waits until it answers, and exports EMULATOR_BASE_URL. stop_emulator ends it.
start_emulator() { # log file
  local log="$1"
  dotnet build runtime/ClovaCodegen.Emulator -c Release -nologo -v:q >/dev/null
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  dotnet runtime/ClovaCodegen.Emulator/bin/Release/net10.0/ClovaCodegen.Emulator.dll --urls "http://127.0.0.1:$port" >"$log" 2>&1 &
  EMULATOR_PID=$!
  export EMULATOR_BASE_URL="http://127.0.0.1:$port/v1/openai/"
  for _ in $(seq 100); do
    if curl -fsS -H "Authorization: Bearer nv-ci-0000000000000000" "${EMULATOR_BASE_URL}models" >/dev/null 2>&1; then
      return 0
    fi
    sleep 0.2
  done
  echo "emulator did not start; its log:" >&2
  cat "$log" >&2
  return 1
}

stop_emulator() {
  [ -n "${EMULATOR_PID:-}" ] && kill "$EMULATOR_PID" 2>/dev/null || true
}
