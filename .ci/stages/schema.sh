#!/usr/bin/env bash
# The default spec validates against its JSON Schema (draft-07), with an independent validator. The .NET tests check
# that reader and schema agree on the format; this checks the spec against the schema itself.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! python3 -c 'import jsonschema' 2>/dev/null; then
  echo "python3 jsonschema is not available on this machine: schema validation not run" >&2
  exit 1
fi
python3 - <<'PY'
import json, jsonschema
schema = json.load(open("spec/clova-openai-compat.schema.json"))
spec = json.load(open("spec/clova-openai-compat.json"))
jsonschema.Draft7Validator.check_schema(schema)
errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(spec), key=lambda e: list(e.path))
for e in errors:
    print("spec/clova-openai-compat.json: " + "/".join(map(str, e.path)) + ": " + e.message)
if errors:
    raise SystemExit(1)
print("spec/clova-openai-compat.json validates against its schema")
PY
