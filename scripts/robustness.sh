#!/usr/bin/env bash
# A deeper robustness pass than CI's: many more line prefixes and token deletions, over several seeds,
# then the hostile-input scaling benchmark. Usage: scripts/robustness.sh [prefixes] [deletions] [seeds...]
#   scripts/robustness.sh                 # 2000 prefixes, 1500 deletions, seeds 1 2 3
#   scripts/robustness.sh 100000 5000 42  # every line prefix of every file, seed 42
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_CLI_UI_LANGUAGE=en MSBUILDDISABLENODEREUSE=1

prefixes="${1:-2000}"
deletions="${2:-1500}"
if [ $# -gt 2 ]; then seeds=("${@:3}"); else seeds=(1 2 3); fi

dotnet build tests/SecureServices.Analyzers.Tests -c Release -v:q -nologo >/dev/null || exit 1
status=0
for seed in "${seeds[@]}"; do
  echo "== seed $seed: $prefixes prefixes per file set, $deletions token deletions"
  SSA_ROBUSTNESS_PREFIXES="$prefixes" SSA_ROBUSTNESS_DELETIONS="$deletions" SSA_ROBUSTNESS_SEED="$seed" \
    dotnet test tests/SecureServices.Analyzers.Tests -c Release --no-build \
      --filter "FullyQualifiedName~Robustness" --logger "console;verbosity=normal" || status=1
done

echo "== hostile-input scaling (sizes n and 4n)"
dotnet run -c Release --project tests/SecureServices.Benchmarks -- scaling || status=1
exit $status
