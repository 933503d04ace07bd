#!/bin/sh
# Times whole processes: a cold `medic check` on the demo package against the JUnit
# ConsoleLauncher running the same two checks, several times each; prints median, min and max.
#
#   ./mvnw -B -DskipTests package && framework/medic-benchmarks/startup.sh [RUNS]
#
# Every run is a new JVM. "medic (archive)" uses the class data sharing archive that bin/medic
# records on its first start; "medic (no archive)" sets MEDIC_CDS=off; "medic (first start)"
# deletes the cache before each run, so it pays for recording the archive.
set -eu
runs=${1:-20}
root=$(cd "$(dirname "$0")/../.." && pwd)
# The distribution as ./mvnw package unpacks it: framework/medic-dist/target/medic-<version>/.
dist=$(ls -dt "$root"/framework/medic-dist/target/medic-*/ 2>/dev/null | head -n 1)
dist=${dist%/}
demo=$(ls "$root"/examples/packages/demo-service-*.jar 2>/dev/null | head -n 1)
if [ -z "$dist" ] || [ ! -x "$dist/bin/medic" ] || [ -z "$demo" ]; then
  echo "build first: ./mvnw -B -DskipTests package" >&2
  exit 2
fi
version=$(sed -n 's/.*<junit.version>\(.*\)<\/junit.version>.*/\1/p' "$root/framework/medic-bom/pom.xml")
work=$(mktemp -d)
port=18089
stop_service() {
  pid=$(cat "$work/state/package-data/demo-service/demo-service.pid" 2>/dev/null || true)
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
}
trap 'stop_service; rm -rf "$work"' EXIT

mkdir -p "$work/packages"
cp "$demo" "$work/packages/"
cat > "$work/medic.yml" <<YAML
state-dir: state
packages-dir: packages
packages:
  demo-service:
    settings:
      port: $port
YAML
"$root/mvnw" -q -B dependency:copy -Dartifact=org.junit.platform:junit-platform-console-standalone:$version \
  -DoutputDirectory="$work" >/dev/null
console="$work/junit-platform-console-standalone-$version.jar"
lib=$dist/lib
classpath="$demo:$(ls "$lib"/medic-api-*.jar):$(ls "$lib"/assertj-core-*.jar):$(ls "$lib"/byte-buddy-*.jar)"

export MEDIC_CACHE_DIR="$work/cache"
"$dist/bin/medic" run --config "$work/medic.yml" >/dev/null   # starts the service, records the archive

millis() { date +%s%N | cut -c1-13; }

# time LABEL RUNS COMMAND...: prints "LABEL median min max" in milliseconds.
time_it() {
  label=$1; n=$2; shift 2
  : > "$work/times"
  i=0
  while [ "$i" -lt "$n" ]; do
    [ "$label" = "medic (first start)" ] && rm -rf "$work/cache"
    start=$(millis)
    "$@" >/dev/null 2>&1 || { echo "$label failed: $*" >&2; exit 1; }
    end=$(millis)
    echo $((end - start)) >> "$work/times"
    i=$((i + 1))
  done
  sort -n "$work/times" > "$work/sorted"
  median=$(awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }' "$work/sorted")
  printf '%-22s %8s %8s %8s\n' "$label" "$median" "$(head -n 1 "$work/sorted")" "$(tail -n 1 "$work/sorted")"
  echo "$median" > "$work/median-$(echo "$label" | tr 'A-Z' 'a-z' | tr -cd 'a-z')"
}

check="$dist/bin/medic check --config $work/medic.yml"
echo "$runs runs each, milliseconds of wall time; $(nproc 2>/dev/null || echo '?') cores; $(java -version 2>&1 | head -n 1)"
printf '%-22s %8s %8s %8s\n' "" median min max
time_it "ConsoleLauncher" "$runs" java -jar "$console" execute -cp "$classpath" \
  --select-class dev.medic.examples.demo.DemoServiceChecks --exclude-tag medic-stats \
  --config medic.setting.port=$port --config medic.setting.min-free-mb=10 --details=none
time_it "medic (archive)" "$runs" $check
time_it "medic (no archive)" "$runs" env MEDIC_CDS=off $check
time_it "medic (first start)" "$(( (runs + 3) / 4 ))" $check
awk -v a="$(cat "$work/median-medicarchive")" -v c="$(cat "$work/median-consolelauncher")" \
    'BEGIN { printf "medic (archive) / ConsoleLauncher = %.2f\n", a / c }'
