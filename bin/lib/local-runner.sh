# Shared by bin/start, bin/invoke, bin/staff-token, bin/demo-2021 and bin/bench-gateway: builds the local runner (and, through its
# dependencies, the function modules) and runs one of its commands from target/classes.
# Set BIZENV_SKIP_BUILD=1 to run what was built last.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUNNER="$ROOT/local/runner"

runner_build() {
  if [ "${BIZENV_SKIP_BUILD:-}" = "1" ] && [ -f "$RUNNER/target/runtime-classpath.txt" ]; then
    return
  fi
  local log="$ROOT/local/runner/target/build.log"
  mkdir -p "$(dirname "$log")"
  echo "==> 构建（mvn package，跳过测试）" >&2
  if ! (cd "$ROOT" && mvn -B -ntp -q package -DskipTests -pl local/runner -am) >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    echo "构建失败：见上面的 Maven 输出（完整日志 $log）。" >&2
    exit 1
  fi
}

runner_build_once() {
  [ -f "$RUNNER/target/runtime-classpath.txt" ] || runner_build
}

runner_java() {
  local main="$1"
  shift
  exec java -Dbizenv.root="$ROOT" \
    -cp "$RUNNER/target/classes:$(cat "$RUNNER/target/runtime-classpath.txt")" \
    "cn.gov.liuyang.bizenv.local.runner.$main" "$@"
}
