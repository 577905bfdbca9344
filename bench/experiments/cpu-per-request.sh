# CPU time (user + system) a server process spends per /health/live request under autocannon load.
# usage: bash bench/experiments/cpu-per-request.sh <port> <pid> <seconds> [path]
# PIN=1 runs autocannon on CPU 1 only (start the server with `taskset -c 0` for one core each).
T0=$(awk '{print $14+$15}' /proc/$2/stat)
PIN_PREFIX=""; [ -n "$PIN" ] && PIN_PREFIX="taskset -c 1"
N=$($PIN_PREFIX /work/main/node_modules/.bin/autocannon -c 16 -d $3 -j http://127.0.0.1:$1${4:-/health/live} 2>/dev/null | node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.log(JSON.parse(s)['2xx']))")
T1=$(awk '{print $14+$15}' /proc/$2/stat)
echo "port $1: $N requests, $(( (T1-T0)*10000000 / N / 1000 )) us of CPU per request"
