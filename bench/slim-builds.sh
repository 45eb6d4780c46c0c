#!/usr/bin/env bash
# Measures, on this machine and in one run, what a slim build saves:
#   1. Pulumi plugin discovery (what every `pulumi preview/up` runs first):
#        java -cp target/redis-enterprise.jar com.pulumi.bootstrap.internal.Main packages
#   2. the offline plan of one stack, from JVM start to exit.
# for the full jar and each one-cloud jar (mvn package -P <cloud>), the median of RUNS runs each, and the ratios.
# Usage: bench/slim-builds.sh [RUNS]   (default 7; needs java and mvn; builds into target/bench/)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-7}"
OUT=target/bench
rm -rf "$OUT"
mkdir -p "$OUT"

build() { # name, maven profile args
  local name="$1"; shift
  rm -rf target/lib target/classes target/redis-enterprise.jar
  mvn -B -q package -DskipTests -Dcds.skip "$@" >/dev/null
  mkdir -p "$OUT/$name"
  cp -r target/redis-enterprise.jar target/lib "$OUT/$name/"
}

seconds() { # command... -> wall seconds of one run
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1
  end=$(date +%s%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", (e - s) / 1e9 }'
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

measure() { # name, stack file -> "discovery plan plugins"
  local name="$1" stack="$2" jar="$OUT/$1/redis-enterprise.jar" d=() p=()
  for _ in $(seq "$RUNS"); do
    d+=("$(seconds java -cp "$jar" com.pulumi.bootstrap.internal.Main packages)")
    p+=("$(seconds java -jar "$jar" plan --config "$stack" --out "$OUT/$name/plan")")
  done
  local plugins
  plugins=$(java -cp "$jar" com.pulumi.bootstrap.internal.Main packages | grep -o '"name":"[^"]*"' | cut -d'"' -f4 | sort | paste -sd, -)
  echo "$(printf '%s\n' "${d[@]}" | median) $(printf '%s\n' "${p[@]}" | median) $plugins"
}

echo "building: full jar and one-cloud jars ..."
build full
for cloud in aws gcp azure kubernetes; do build "$cloud" -P "$cloud"; done
# Leave target/ as the default build, as the README expects.
rm -rf target/lib target/classes target/redis-enterprise.jar
mvn -B -q package -DskipTests >/dev/null

echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(java -version 2>&1 | head -1)"
echo "runs per figure: $RUNS (median); wall time from JVM start to exit"
echo
printf '%-11s %-26s %10s %8s %12s %8s  %s\n' build stack discovery ratio plan ratio plugins
declare -A stack_of=([aws]=stacks/Pulumi.aws.yaml [gcp]=stacks/Pulumi.gcp.yaml [azure]=stacks/Pulumi.azure.yaml [kubernetes]=Pulumi.dev.yaml)
for cloud in aws gcp azure kubernetes; do
  stack="${stack_of[$cloud]}"
  read -r fd fp fplugins <<<"$(measure full "$stack")"
  read -r sd sp splugins <<<"$(measure "$cloud" "$stack")"
  printf '%-11s %-26s %9ss %8s %11ss %8s  %s\n' full "$stack" "$fd" "" "$fp" "" "$fplugins"
  printf '%-11s %-26s %9ss %7.1fx %11ss %7.1fx  %s\n' "$cloud" "$stack" "$sd" "$(awk -v a="$fd" -v b="$sd" 'BEGIN { print a / b }')" \
    "$sp" "$(awk -v a="$fp" -v b="$sp" 'BEGIN { print a / b }')" "$splugins"
done
