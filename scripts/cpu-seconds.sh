#!/usr/bin/env bash
# Runs a command in a cgroup (v1 cpuacct) of its own and prints, on stderr, the CPU-seconds of every process it
# started, Chromium's short-lived renderers included, beside the wall time: how D42 compared test suites on a
# shared machine, where wall time follows the load. Needs write access to /sys/fs/cgroup/cpuacct (root here).
#   bash scripts/cpu-seconds.sh npx playwright test accessibility
set -uo pipefail
group=/sys/fs/cgroup/cpuacct/cpu-seconds-$$
mkdir "$group" || { echo "cannot make $group (cgroup v1 cpuacct, root)" >&2; exit 2; }
echo $$ > "$group/cgroup.procs"
start=$(date +%s.%N)
"$@"
code=$?
end=$(date +%s.%N)
used=$(cat "$group/cpuacct.usage")
echo $$ > /sys/fs/cgroup/cpuacct/cgroup.procs
rmdir "$group" 2>/dev/null
awk -v u="$used" -v s="$start" -v e="$end" 'BEGIN { printf "cpu-seconds: %.1f CPU-s in %.1f s\n", u / 1e9, e - s }' >&2
exit $code
