#!/usr/bin/env bash
# Scale figures (issue 6) for a generated folder of N reports, through the real binary:
# load time cold (empty cache) and warm (cache filled), index (cold: built, then stored; warm:
# read from the cache), query p50/p95 and peak memory (/usr/bin/time -v). Usage: bash benches/scale.sh [N]   (default 2000)
# The folder is made by `cargo bench --bench store -- N DIR` (which also prints its own
# library-level cold/warm figures); time to first frame: GONGWEN_BENCH_REPORTS=N cargo bench
# --bench first_frame.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-2000}
dir=bench-data/scale-$n
cargo build --release -q
if [ ! -d "$dir/reports" ]; then
  cargo bench -q --bench store -- "$n" "$dir"
fi
bin=target/release/gongwen
queries=$(mktemp)
printf '%s\n' 行政复议 法治政府建设 '营商环境 优化' '复议 !诉讼' xzfy xingzheng xm "'互联网+监管" \
  '#复议' '@高新区' '=复议 >5' '=资金 >1亿' > "$queries"
cache=$(mktemp -d)
size=$(du -sb "$dir/reports" | cut -f1)
for run in cold warm; do
  log=$(mktemp)
  GONGWEN_CACHE_DIR=$cache /usr/bin/time -v "$bin" search --timings --limit 20 \
    --queries "$queries" "$dir/reports" > /dev/null 2> "$log"
  python3 - "$log" "$run" "$n" "$size" <<'PY'
import json, sys, re
log, run, n, size = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
text = open(log).read()
rows = [json.loads(l) for l in text.splitlines() if l.startswith('{')]
head = rows[0]
q = sorted(r['query_ms'] for r in rows if 'query_ms' in r)
store = [r['index_store_ms'] for r in rows if 'index_store_ms' in r]
p = lambda f: q[min(len(q) - 1, int(f * len(q)))]
rss = int(re.search(r'Maximum resident set size \(kbytes\): (\d+)', text).group(1)) * 1024
print(f"{n} reports ({size/1e6:.0f} MB), {run}: load {head['load_ms']/1000:.2f} s, "
      f"index {head['index_ms']/1000:.2f} s ({'from the cache' if head.get('index_cached') else 'built'}"
      f"{f', stored in {store[0]/1000:.2f} s' if store else ''}), {head['items']} items, "
      f"queries p50 {p(0.5):.1f} ms p95 {p(0.95):.1f} ms max {q[-1]:.1f} ms, "
      f"peak RSS {rss/1e6:.0f} MB ({rss/size:.2f}x the corpus)")
PY
done
rm -rf "$cache" "$queries"
