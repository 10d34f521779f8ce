#!/usr/bin/env bash
# Growth observed on this machine, without Docker: the standalone Aspire dashboard (NuGet package
# Aspire.Dashboard.Sdk.linux-x64, an OTLP receiver with a trace view) and Debian's Prometheus, beside a silo and a
# web host (as an Orleans client) on Azurite. Sends one ingestion request and writes two screenshots:
#   docs/observability/trace-ingestion.png     that request's trace (HTTP -> grain calls -> ledger, web host and silo)
#   docs/observability/prometheus-growth.png   Prometheus' graph of the Grafana dashboard's queries
# The demo is seeded smaller than the default (50 existing customers) and grain calls may take 5 minutes: on a loaded
# 2-core machine the web host's start-up call seeding the demo took longer than the default 30 s and the host exited.
# Needs: a Release build (dotnet build Silo -c Release; dotnet build Dashboard -c Release), .azurite/ (test.sh installs
# it), apt packages prometheus and chromium. Everything listens on 127.0.0.1 only; everything started is stopped on exit.
# Not part of the test command.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=${OBSERVE_DIR:-$repo/.observe}          # git-ignored: the dashboard package, logs, Prometheus data
out=${OBSERVE_OUT:-$repo/docs/observability}
aspire_version=13.6.5
ui=18888 otlp=18889 prom=19090 azurite=10912 silo_http=18181 silo_port=11911 gateway=30911 web=18180 web_metrics=18164
password=${GROWTH_ADMIN_PASSWORD:-observe-$(head -c 9 /dev/urandom | base64 | tr -d '/+=')}
mkdir -p "$work/logs" "$out"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
trap 'exit 1' INT TERM

wait_http() {   # url, what
  for _ in $(seq 1 180); do curl -fs -o /dev/null "$1" && return 0; sleep 1; done
  echo "$2 did not answer at $1 (logs in $work/logs)" >&2; exit 1
}

# 1. The Aspire dashboard, restored from NuGet into $work (a download-only project, no build).
tools="$work/packages/aspire.dashboard.sdk.linux-x64/$aspire_version/tools"
if [ ! -x "$tools/Aspire.Dashboard" ]; then
  cat > "$work/aspire.proj" <<PROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup>
  <ItemGroup><PackageDownload Include="Aspire.Dashboard.Sdk.linux-x64" Version="[$aspire_version]" /></ItemGroup>
</Project>
PROJ
  dotnet restore "$work/aspire.proj" --packages "$work/packages" -nologo -v quiet
  chmod +x "$tools/Aspire.Dashboard"
fi
# Unsecured: no browser token and no OTLP key, acceptable only because it listens on loopback on this machine.
ASPNETCORE_URLS=http://127.0.0.1:$ui ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://127.0.0.1:$otlp \
  ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true "$tools/Aspire.Dashboard" > "$work/logs/aspire.log" 2>&1 &
pids+=($!)

# 2. Azurite (tables, in memory), then a silo and the web host, exporting OTLP to the dashboard.
"$repo/.azurite/node_modules/.bin/azurite-table" --tableHost 127.0.0.1 --tablePort $azurite --inMemoryPersistence \
  --disableTelemetry --silent > "$work/logs/azurite.log" 2>&1 &
pids+=($!)
export Storage__Kind=AzureTable Clustering__Kind=AzureTable Orleans__ClusterId=growth-observe Orleans__ServiceId=growth-observe \
  Orleans__AdvertisedAddress=127.0.0.1 OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:$otlp DOTNET_ENVIRONMENT=Production \
  ASPNETCORE_ENVIRONMENT=Production Demo__ExistingCustomers=50 Orleans__ResponseTimeoutSeconds=300
export Storage__ConnectionString="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$azurite/devstoreaccount1;"
sleep 3
(cd "$repo/Silo/bin/Release/net10.0" && OTEL_SERVICE_NAME=growth-silo ASPNETCORE_URLS=http://127.0.0.1:$silo_http \
  Orleans__SiloPort=$silo_port Orleans__GatewayPort=$gateway exec dotnet Growth.Silo.dll) > "$work/logs/silo.log" 2>&1 &
pids+=($!)
wait_http "http://127.0.0.1:$silo_http/health/ready" "the silo"
(cd "$repo/Dashboard/bin/Release/net10.0" && OTEL_SERVICE_NAME=growth-dashboard ASPNETCORE_URLS=http://127.0.0.1:$web \
  Cluster__Mode=Client Metrics__Port=$web_metrics Admin__UserName=admin Admin__Password="$password" \
  exec dotnet Growth.Dashboard.dll) > "$work/logs/dashboard.log" 2>&1 &
pids+=($!)
wait_http "http://127.0.0.1:$web/health/ready" "the web host"
wait_http "http://127.0.0.1:$ui/" "the Aspire dashboard"

# 3. Prometheus scraping both hosts' /metrics every 5 s (the silo's HTTP port, the web host's management port).
cat > "$work/prometheus.yml" <<PROM
global: { scrape_interval: 5s }
scrape_configs:
  - job_name: growth-silo
    static_configs: [ { targets: ["127.0.0.1:$silo_http"] } ]
  - job_name: growth-dashboard
    static_configs: [ { targets: ["127.0.0.1:$web_metrics"] } ]
PROM
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/prometheus" \
  --web.listen-address=127.0.0.1:$prom > "$work/logs/prometheus.log" 2>&1 &
pids+=($!)
wait_http "http://127.0.0.1:$prom/-/ready" "Prometheus"

# 4. The demo runs for a while (rates over 1 m need a few scrapes), then one request and the screenshots.
echo "waiting ${OBSERVE_WARMUP:-150} s for the demo to run and Prometheus to scrape it"
sleep "${OBSERVE_WARMUP:-150}"
dotnet build "$repo/tools/observe/Shots.csproj" -c Release -nologo -v quiet
dotnet "$repo/tools/observe/bin/Release/net10.0/Growth.Observe.Shots.dll" "http://127.0.0.1:$web" "http://127.0.0.1:$ui" \
  "http://127.0.0.1:$prom" "$password" "$out"
