#!/usr/bin/env bash
# Benchmarks on demand (see docs/performance.md). Usage:
#   scripts/bench.sh [all|analyzers|dockerfile|scaling|bdn|smoke|peers] [extra arguments for the benchmark program]
#   scripts/bench.sh peers     our analyzers against the .NET SDK's, SonarAnalyzer.CSharp's and Security Code Scan's
#                              security rules on the same generated service (server GC, as the compiler)
#   scripts/bench.sh build     the Dockerfile task's cost in a real from-source `dotnet build` of
#                              samples/SecureService, and proof that a no-change build skips it
# Reports go to stdout and artifacts/benchmarks/.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_CLI_UI_LANGUAGE=en MSBUILDDISABLENODEREUSE=1

mode="${1:-all}"
shift || true
out=artifacts/benchmarks
mkdir -p "$out"

if [ "$mode" != "build" ]; then
  dotnet build tests/SecureServices.Benchmarks -c Release -v:q -nologo >/dev/null
  if [ "$mode" = "smoke" ]; then
    exec dotnet run -c Release --no-build --project tests/SecureServices.Benchmarks -- --smoke "$@"
  fi
  if [ "$mode" = "peers" ]; then
    export DOTNET_gcServer=1
  fi
  exec dotnet run -c Release --no-build --project tests/SecureServices.Benchmarks -- "$mode" "$@"
fi

# ---- build: the task in a real build -------------------------------------------------------------
project=samples/SecureService
dockerfile=$project/Dockerfile
runs=${RUNS:-5}
build() { dotnet build "$project" -f net10.0 -c Release --no-restore -nodeReuse:false "$@"; }

# Milliseconds of a target or task from MSBuild's performance summary ("   12 ms  Name   1 calls").
summary_ms() { grep -E "^\s+[0-9]+ ms\s+$2\s+[0-9]+ calls" "$1" | tail -n 1 | awk '{print $1}'; }
median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) print "n/a"; else if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

echo "== warm-up: restore and build $project (from source: builds the analyzers and the task too)"
dotnet restore "$project" -v:q >/dev/null
build -v:q >/dev/null

report="$out/build.md"
{
  echo "### Dockerfile task in a real build ($(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) cores, $(dotnet --version))"
  echo
  echo "Project: \`$project\` (-f net10.0, Release), Dockerfile touched before each build so the task runs; $runs builds per mode, medians."
  echo
  echo "| mode | task LintDockerfiles (ms) | target SecureServicesLintDockerfiles (ms) | whole build (ms) |"
  echo "|---|---:|---:|---:|"
} >"$report"

for factory in TaskHostFactory inproc; do
  args=(-clp:PerformanceSummary -v:n)
  label="from source (TaskHostFactory, out of process: what the samples use)"
  if [ "$factory" = inproc ]; then
    args+=(-p:SecureServicesTaskFactory=)
    label="in process (how the package loads it)"
  fi
  tasks=(); targets=(); walls=()
  for i in $(seq 1 "$runs"); do
    touch "$dockerfile"
    log="$out/build-$factory-$i.log"
    start=$(date +%s%N)
    build "${args[@]}" >"$log" 2>&1
    walls+=($(( ($(date +%s%N) - start) / 1000000 )))
    tasks+=("$(summary_ms "$log" LintDockerfiles)")
    targets+=("$(summary_ms "$log" SecureServicesLintDockerfiles)")
  done
  echo "$label: task ${tasks[*]} ms; target ${targets[*]} ms; build ${walls[*]} ms"
  printf '| %s | %s | %s | %s |\n' "$label" \
    "$(printf '%s\n' "${tasks[@]}" | median)" "$(printf '%s\n' "${targets[@]}" | median)" "$(printf '%s\n' "${walls[@]}" | median)" >>"$report"
done

echo "== no-change incremental build"
build -v:q >/dev/null
log="$out/build-nochange.log"
start=$(date +%s%N)
build -v:d >"$log" 2>&1
wall=$(( ($(date +%s%N) - start) / 1000000 ))
skip=$(grep -m1 -E 'Skipping target "SecureServicesLintDockerfiles" because all output files are up-to-date' "$log" || true)
ran=$(grep -c -E 'Task "LintDockerfiles"' "$log" || true)
{
  echo
  echo "No-change build ($wall ms): LintDockerfiles task executions: $ran; MSBuild says: \`${skip:-(no skip message found)}\`"
} >>"$report"
cat "$report"
if [ -z "$skip" ] || [ "$ran" != "0" ]; then
  echo "FAIL: the no-change build did not skip the Dockerfile lint target" >&2
  exit 1
fi
