# Sourced by the bench scripts: finding a free port on 127.0.0.1 and waiting for a process to answer.

# free_port FROM: the first of the 100 ports from FROM that nothing listens on.
free_port() {
  for candidate in $(seq "$1" $(($1 + 100))); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then echo "$candidate"; return 0; fi
  done
  echo "bench: no free port from $1" >&2
  return 1
}

# wait_for URL: until it answers 2xx, two minutes at most.
wait_for() {
  for _ in $(seq 1 240); do
    curl -fs "$1" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "bench: $1 did not answer" >&2
  return 1
}
