#!/usr/bin/env bash
# Measures the offline plan of one stack, from JVM start to exit: wall time and CPU time (user + system), the
# median of RUNS runs per variant. The variants run interleaved (A B C A B C ...), so a machine that gets busier
# or quieter during the run affects them alike.
#
# Usage: bench/plan.sh [RUNS] [STACK] [REF]
#   RUNS   runs per variant (default 9)
#   STACK  stack file to plan (default Pulumi.dev.yaml)
#   REF    a git ref to compare with (e.g. main): exported with `git archive` into target/bench/ref, built
#          there, and planned with `java -jar` like this tree's build.
# Variants of this tree's build: plain `java -jar` (what every user gets); with the class-data-sharing archive
# the build writes (target/redis-enterprise.jsa); and that archive with the C1-only JIT (-XX:TieredStopAtLevel=1).
# Needs java, mvn and git. Builds with `mvn -B -q package -DskipTests` (target/ is left as the default build).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-9}"
STACK="${2:-Pulumi.dev.yaml}"
REF="${3:-}"
OUT=target/bench/plan
rm -rf "$OUT"
mkdir -p "$OUT"

echo "building this tree ..."
mvn -B -q package -DskipTests >/dev/null
JAR=target/redis-enterprise.jar
CDS=target/redis-enterprise.jsa
names=() cmds=()
if [ -n "$REF" ]; then
  echo "building $REF ..."
  rm -rf target/bench/ref
  mkdir -p target/bench/ref
  git archive "$REF" | tar -x -C target/bench/ref
  (cd target/bench/ref && mvn -B -q package -DskipTests -Dcds.skip >/dev/null)
  names+=("$REF: java -jar")
  cmds+=("java -jar target/bench/ref/$JAR")
fi
names+=("this tree: java -jar")
cmds+=("java -jar $JAR")
names+=("this tree: java -XX:SharedArchiveFile=$CDS -jar")
cmds+=("java -XX:SharedArchiveFile=$CDS -jar $JAR")
names+=("this tree: java -XX:SharedArchiveFile=$CDS -XX:TieredStopAtLevel=1 -jar")
cmds+=("java -XX:SharedArchiveFile=$CDS -XX:TieredStopAtLevel=1 -jar $JAR")

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# "<wall ms> <cpu ms>" of one plan.
one() {
  local start end
  start=$(date +%s%N)
  # shellcheck disable=SC2086 # the command is a list of words on purpose
  /usr/bin/time -f '%U %S' -o "$OUT/time" $1 plan --config "$STACK" --out "$OUT/plan" >/dev/null 2>"$OUT/err" \
    || { cat "$OUT/err" >&2; exit 1; }
  end=$(date +%s%N)
  echo "$(( (end - start) / 1000000 )) $(awk '{ printf "%d", ($1 + $2) * 1000 }' "$OUT/time")"
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
declare -A wall cpu
for _ in $(seq "$RUNS"); do
  for i in "${!cmds[@]}"; do
    read -r w c <<<"$(one "${cmds[$i]}")"
    wall[$i]+="$w "
    cpu[$i]+="$c "
  done
done

echo
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "plan of $STACK: median of $RUNS interleaved runs each, from JVM start to exit"
printf '%-80s %9s %9s\n' variant wall cpu
for i in "${!cmds[@]}"; do
  printf '%-80s %6s ms %6s ms\n' "${names[$i]}" \
    "$(tr ' ' '\n' <<<"${wall[$i]}" | grep . | median)" "$(tr ' ' '\n' <<<"${cpu[$i]}" | grep . | median)"
done
