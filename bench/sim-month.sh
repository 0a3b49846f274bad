#!/usr/bin/env bash
# The month simulation (docs/simulation.md, "The larger simulation"): builds the sim module, copies its
# classes aside (so the tree can be rebuilt while the month runs) and runs SimulationBench with its
# defaults (a clean month, 250 orders offered a day, checks every 72 simulated hours) or the arguments
# given, e.g.  bench/sim-month.sh --seed 2026   or   bench/sim-month.sh --faults 0.05 --crashes 0.02
# The log goes to $OUT (default target/sim-month/out.log); progress: grep -a '^simulation' "$OUT".
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${WORK:-$root/target/sim-month}
out=${OUT:-$work/out.log}
java=${JAVA:-}
if [ -z "$java" ]; then
  for j in /usr/lib/jvm/temurin-25-jdk-amd64/bin/java /usr/lib/jvm/temurin-21-jdk-amd64/bin/java "$(command -v java)"; do
    if [ -x "$j" ] && "$j" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; then java=$j; break; fi
  done
fi
[ -n "$java" ] || { echo "needs a Java 21+ java (set JAVA=…)" >&2; exit 2; }

cd "$root"
if [ "${SKIP_BUILD:-}" != 1 ]; then
  mvn -B -q -pl sim -am package -DskipTests
fi
rm -rf "$work/classes" "$work/repo"
mkdir -p "$work/classes"
cp=""
n=0
IFS=':' read -ra parts <<< "$(cat sim/target/classpath.txt)"
for p in sim/target/classes "${parts[@]}"; do
  case "$p" in
    /*) abs=$p ;;
    *) abs=$root/$p ;;
  esac
  if [[ "$abs" == "$root"/* ]]; then
    n=$((n + 1))
    mkdir -p "$work/classes/$n"
    cp -r "$abs" "$work/classes/$n/"
    abs=$work/classes/$n/$(basename "$abs")
  fi
  cp="${cp:+$cp:}$abs"
done
# the simulation reads the template and the events from a repository root: a copy of this one's
git clone -q "$root" "$work/repo"
echo "month simulation: log in $out"
exec "$java" --enable-native-access=ALL-UNNAMED -Xmx8g -Dstoreops.repo.root="$work/repo" -cp "$cp" \
  dev.storeops.sim.SimulationBench "$@" > "$out" 2>&1
