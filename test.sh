#!/usr/bin/env bash
# Runs every test project of Growth on a fresh machine: restores what the tests need, builds, tests,
# and ends with one line "N passed, N failed, N skipped" summed over all projects.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

results=TestResults
rm -rf "$results"
mkdir -p "$results"

# The browser tests drive Debian's Chromium through Playwright (no browser download).
if [ ! -x /usr/bin/chromium ]; then
  echo "installing Chromium for the browser tests"
  if [ "$(id -u)" -eq 0 ]; then sudo_cmd=""; else sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null \
    || echo "could not install Chromium: the browser tests will fail and say so"
fi

# Durable-storage tests run against a real Azurite table service (npm package, started by the tests).
if [ ! -x .azurite/node_modules/.bin/azurite-table ]; then
  echo "installing Azurite for the storage tests"
  npm install --prefix .azurite --no-audit --no-fund --loglevel=error azurite@3.37.0 >/dev/null \
    || echo "could not install Azurite: the storage tests will fail and say so"
fi
export GROWTH_AZURITE_TABLE="$PWD/.azurite/node_modules/.bin/azurite-table"

# docker/compose.yaml and k8s/ are validated against the Compose Specification's and Kubernetes' published schemas
# by tools/schemas (Ajv, dclint's copy of the compose-spec schema, kubernetes-models), pinned by its package-lock.json.
if [ ! -f tools/schemas/node_modules/.package-lock.json ] || ! cmp -s tools/schemas/package-lock.json tools/schemas/.installed-lock; then
  echo "installing the schema validator for the deployment files"
  (npm ci --prefix tools/schemas --no-audit --no-fund --loglevel=error >/dev/null && cp tools/schemas/package-lock.json tools/schemas/.installed-lock) \
    || echo "could not install tools/schemas: the deployment schema tests will fail and say so"
fi

if [ -f .config/dotnet-tools.json ]; then dotnet tool restore || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }; fi

if ! dotnet build Growth.sln -c Release -nologo -v quiet; then
  echo "build failed"
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

projects=(Domain.Tests/Domain.Tests.csproj Grains.Tests/Grains.Tests.csproj Dashboard.Tests/Dashboard.Tests.csproj)
status=0
for project in "${projects[@]}"; do
  name=$(basename "$project" .csproj)
  # A hung test host is killed rather than eating CI's time; its missing results count as a failure below.
  timeout 1500 dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
    --results-directory "$results" || status=1
done

# The benchmark harness runs once at quick sizes so it cannot rot; its figures are printed, never asserted.
bench_status=0
timeout 900 dotnet Benchmarks/bin/Release/net10.0/Growth.Benchmarks.dll all --quick || bench_status=1

passed=0; failed=0; skipped=0
if [ "$bench_status" -eq 0 ]; then passed=1; else echo "the benchmark harness failed"; failed=1; status=1; fi
for project in "${projects[@]}"; do
  name=$(basename "$project" .csproj)
  trx="$results/$name.trx"
  if [ ! -f "$trx" ]; then
    echo "no results from $name"
    failed=$((failed + 1)); status=1; continue
  fi
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done

[ "$failed" -gt 0 ] && status=1

# CI keeps only the tail of this output, so the failed tests are named here, next to the totals.
# At most 20 are named (two lines each), so a run failing by the hundred still ends on its totals.
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  awk -v file="$(basename "$trx" .trx)" '
    /<UnitTestResult / && /outcome="Failed"/ { match($0, /testName="[^"]*"/); name = substr($0, RSTART + 10, RLENGTH - 11); want = 1 }
    want && /<Message>/ { line = $0; sub(/.*<Message>/, "", line); sub(/<\/Message>.*/, "", line)
                          printf "FAILED %s: %s\n    %s\n", file, name, substr(line, 1, 400); want = 0 }
  ' "$trx"
done | head -n 40
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
