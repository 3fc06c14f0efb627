"""The one-machine rehearsal of deploy/aws: configuration, processes, and their state.

Everything listens on loopback. Ports and paths live in one state directory
(BAOBAB_REHEARSAL_DIR, default /tmp/baobab-rehearsal) so `down` can find and stop it all.
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.request

import template

STATE = os.environ.get("BAOBAB_REHEARSAL_DIR", "/tmp/baobab-rehearsal")
ROOT = template.ROOT
CACHE = os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "baobab")
WEED = os.path.join(CACHE, "seaweedfs", "bin", "weed")

PORTS = {
    # below the ephemeral range (32768+), away from SeaweedFS's defaults and their gRPC ports
    # (+10000: 18080, 18333, 18888, 19333) that scripts/test's own SeaweedFS holds meanwhile
    "cdn": 24080,            # CloudFront stand-in (nginx)
    "alb": 24081,            # ALB stand-in (HAProxy, http)
    "alb_metrics": 24082,    # HAProxy's Prometheus exporter (the ALB's CloudWatch metrics)
    "endpoints_metrics": 24083,
    "s3": 24334,             # "S3 endpoint" (HAProxy, tcp) in front of SeaweedFS
    "db": 25432,             # "RDS endpoint" (HAProxy, tcp)
    "pg_a": 25433,           # PostgreSQL node in zone a
    "pg_b": 25434,           # PostgreSQL node in zone b
    "prometheus": 29090,
    # SeaweedFS; each also opens the port + 10000 for gRPC
    "weed_s3": 21533, "weed_master": 21933, "weed_volume": 21480, "weed_filer": 21988, "weed_admin": 21646,
}
APP_PORT = 8080
METRICS_PORT = 9090
ZONES = {"a": "127.0.1", "b": "127.0.2"}
BUCKET = "baobab-media"
S3_KEY, S3_SECRET = "rehearsal", "rehearsal-secret-key"
ORIGIN_SECRET = "rehearsal-origin-secret"
DB_NAME = "baobab"
SLOTS = 40
PG_BIN = None


def path(*p):
    return os.path.join(STATE, *p)


def now():
    return time.time()


def read_json(p, default=None):
    try:
        with open(p) as f:
            return json.load(f)
    except (OSError, ValueError):
        return default


def write_json(p, v):
    tmp = p + ".tmp.%d" % os.getpid()
    with open(tmp, "w") as f:
        json.dump(v, f, indent=1)
    os.replace(tmp, p)


def event(kind, **kw):
    """Appends to events.jsonl: what the controller and the fault runner did, with a timestamp."""
    kw.update(t=now(), event=kind)
    with open(path("events.jsonl"), "a") as f:
        f.write(json.dumps(kw) + "\n")


def events(since=0.0):
    out = []
    try:
        with open(path("events.jsonl")) as f:
            for line in f:
                try:
                    e = json.loads(line)
                except ValueError:
                    continue
                if e["t"] >= since:
                    out.append(e)
    except OSError:
        pass
    return out


def pg_bin(name):
    global PG_BIN
    if PG_BIN is None:
        base = "/usr/lib/postgresql"
        versions = sorted((d for d in os.listdir(base) if d.isdigit()), key=int) if os.path.isdir(base) else []
        if not versions:
            raise SystemExit("PostgreSQL server binaries not found under /usr/lib/postgresql")
        PG_BIN = os.path.join(base, versions[-1], "bin")
    return os.path.join(PG_BIN, name)


def port_open(port, host="127.0.0.1", timeout=0.5):
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def wait_for(cond, timeout, what, step=0.2):
    end = now() + timeout
    while now() < end:
        if cond():
            return True
        time.sleep(step)
    raise SystemExit("timed out after %ds waiting for %s" % (timeout, what))


def alive(pid):
    if not pid:
        return False
    try:
        with open("/proc/%d/stat" % pid) as f:
            state = f.read().rsplit(")", 1)[1].split()[0]
        return state not in ("Z", "X")
    except OSError:
        return False


def stopped(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[1].split()[0] == "T"
    except OSError:
        return False


def children(pid):
    out = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open("/proc/%s/stat" % d) as f:
                    if int(f.read().rsplit(")", 1)[1].split()[1]) == pid:
                        out.append(int(d))
            except (OSError, ValueError, IndexError):
                pass
    return out


def kill(pid, sig):
    try:
        os.kill(pid, sig)
        return True
    except (ProcessLookupError, TypeError):
        return False


def spawn(args, log, env=None, cwd=None, user=None):
    if user:
        args = ["runuser", "-u", user, "--"] + args
    with open(log, "ab") as out:
        p = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env, cwd=cwd,
                             start_new_session=True)
    return p.pid


# ---------------------------------------------------------------- HAProxy runtime API


def haproxy_cmd(sock, cmd, timeout=2.0):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(timeout)
    try:
        s.connect(sock)
        s.sendall((cmd + "\n").encode())
        chunks = []
        while True:
            b = s.recv(65536)
            if not b:
                break
            chunks.append(b)
        return b"".join(chunks).decode(errors="replace")
    finally:
        s.close()


def alb(cmd):
    return haproxy_cmd(path("alb.sock"), cmd)


def endpoints(cmd):
    return haproxy_cmd(path("endpoints.sock"), cmd)


def alb_servers():
    """{slot name: {"status": "UP"|"DOWN"|"MAINT"|"UP 1/2"|"DRAIN"|..., "scur": n, "addr": ...}} of the app backend."""
    try:
        text = alb("show stat -1 4 -1")
    except OSError:
        return None
    lines = text.splitlines()
    if not lines or not lines[0].startswith("# "):
        return None
    head = lines[0][2:].split(",")
    out = {}
    for line in lines[1:]:
        r = dict(zip(head, line.split(",")))
        if r.get("pxname") == "app" and r.get("svname", "").startswith("app"):
            out[r["svname"]] = {"status": r.get("status", ""), "scur": int(r.get("scur") or 0), "addr": r.get("addr", "")}
    return out


# ---------------------------------------------------------------- configuration


def app_env(f, ip, data_dir):
    """The instance's environment: baobab.env from the launch template, localised, plus
    database.env (the endpoint) and the stand-ins for the instance role and the bucket's region."""
    env = {}
    sub = {
        "${DomainName}": "127.0.0.1:%d" % PORTS["cdn"],
        "${MediaBucket}": BUCKET,
        "${AWS::Region}": "us-east-1",
        "${DataKey.Arn}": "alias/seaweedfs-default",
        "${ShutdownTimeoutSeconds}": str(f["shutdown_timeout"]),
        "${ShopLanguages}": ",".join(f["cdn"]["languages"]),
    }
    for k, v in f["env"].items():
        for a, b in sub.items():
            v = v.replace(a, b)
        if "${" in v:
            raise SystemExit("the launch template sets %s=%s: a stack value the rehearsal does not stand in for" % (k, v))
        env[k] = v
    # Loopback instead of the VPC: plain HTTP from the CDN stand-in, the instance's own address.
    env["BAOBAB_PUBLIC_URL"] = env["BAOBAB_PUBLIC_URL"].replace("https://", "http://")
    env["BAOBAB_MEDIA__PUBLIC_BASE_URL"] = env["BAOBAB_MEDIA__PUBLIC_BASE_URL"].replace("https://", "http://")
    env["BAOBAB_LISTEN"] = "%s:%d" % (ip, APP_PORT)
    env["BAOBAB_METRICS_LISTEN"] = "%s:%d" % (ip, METRICS_PORT)
    env["BAOBAB_DATA_DIR"] = data_dir
    # database.env (baobab-db-url writes it from the RDS secret; here trust auth on loopback)
    env["BAOBAB_DATABASE_URL"] = "postgres://postgres@127.0.0.1:%d/%s" % (PORTS["db"], DB_NAME)
    # S3-compatible endpoint instead of AWS S3; keys instead of the instance role
    env["BAOBAB_MEDIA__ENDPOINT"] = "http://127.0.0.1:%d" % PORTS["s3"]
    env["BAOBAB_MEDIA__ALLOW_HTTP"] = "true"
    env["AWS_ACCESS_KEY_ID"] = S3_KEY
    env["AWS_SECRET_ACCESS_KEY"] = S3_SECRET
    # the demo catalogue seeds itself once (a meta key), so every instance may carry it
    env["BAOBAB_DEMO"] = "true"
    env["BAOBAB_LOG"] = os.environ.get("BAOBAB_REHEARSAL_APP_LOG", "warn")
    env["PATH"] = os.environ.get("PATH", "/usr/bin:/bin")
    return env


def haproxy_alb_cfg(f):
    tg = f["target_group"]
    algo = {"least_outstanding_requests": "leastconn", "round_robin": "roundrobin"}.get(tg["algorithm"], "roundrobin")
    secret_header = f["cdn"]["origins"]["alb"]["headers"][0] if f["cdn"]["origins"]["alb"]["headers"] else None
    rule = ""
    if secret_header:
        rule = ('  acl from_cdn req.hdr(%s) -m str %s\n'
                '  http-request return status 403 content-type text/plain string "Forbidden" unless from_cdn\n'
                % (secret_header, ORIGIN_SECRET))
    return """# Generated by deploy/local from deploy/aws/main.yaml (TargetGroup, listener rule): do not edit.
global
  stats socket {sock} mode 600 level admin
  maxconn 4096
  pidfile {pid}

defaults
  mode http
  # the ALB does not retry a request that failed on a target, nor send it elsewhere
  retries 0
  option http-server-close
  timeout connect 10s
  timeout client 60s
  timeout server 60s
  timeout http-keep-alive 60s
  timeout check {hc_timeout}s

frontend alb
  bind 127.0.0.1:{port}
{rule}  option forwardfor
  default_backend app

frontend metrics
  bind 127.0.0.1:{mport}
  http-request use-service prometheus-exporter if {{ path /metrics }}
  http-request return status 404

backend app
  # HAProxy gives a check min(timeout connect, inter) to connect, then timeout check to answer;
  # the ALB's HealthCheckTimeoutSeconds covers both: connect within the check timeout here
  timeout connect {hc_timeout}s
  balance {algo}
  option httpchk GET {path}
  http-check expect status {matcher}
  default-server check inter {interval}s fall {unhealthy} rise {healthy}
  server-template app 1-{slots} 127.0.0.1:{app_port} disabled
""".format(sock=path("alb.sock"), pid=path("alb.pid"), hc_timeout=tg["timeout"], port=PORTS["alb"], rule=rule,
           mport=PORTS["alb_metrics"], algo=algo, path=tg["path"], matcher=tg["matcher"], interval=tg["interval"],
           unhealthy=tg["unhealthy"], healthy=tg["healthy"], slots=SLOTS, app_port=APP_PORT)


def haproxy_endpoints_cfg(primary_port):
    return """# Generated by deploy/local: the RDS endpoint (moves to the standby after promotion) and the
# S3 endpoint in front of SeaweedFS (disabled to take the object store down).
global
  stats socket {sock} mode 600 level admin
  maxconn 2048
  pidfile {pid}

defaults
  mode tcp
  timeout connect 2s
  timeout client 30m
  timeout server 30m

frontend rds
  bind 127.0.0.1:{db}
  default_backend rds

backend rds
  server db 127.0.0.1:{primary}

frontend s3
  bind 127.0.0.1:{s3}
  default_backend s3

backend s3
  server s3 127.0.0.1:{weed}

frontend metrics
  mode http
  bind 127.0.0.1:{m}
  http-request use-service prometheus-exporter if {{ path /metrics }}
""".format(sock=path("endpoints.sock"), pid=path("endpoints.pid"), db=PORTS["db"], primary=primary_port, s3=PORTS["s3"],
           weed=PORTS["weed_s3"], m=PORTS["endpoints_metrics"])


def _glob_regex(p):
    """A CloudFront path pattern as a regex: `*` any characters, `?` exactly one."""
    return "^" + "".join(".*" if c == "*" else "." if c == "?" else ("\\" + c if c in ".+()[]{}|^$\\" else c) for c in p)


def nginx_cfg(f):
    cdn = f["cdn"]
    cache_dir = path("cdn-cache")
    lines = [
        "# Generated by deploy/local from deploy/aws/main.yaml (the CloudFront distribution): do not edit.",
        "worker_processes 1;",
        "pid %s;" % path("nginx.pid"),
        "error_log %s warn;" % path("logs", "cdn-error.log"),
        "events { worker_connections 2048; }",
        "http {",
        "  access_log off;",
        "  client_body_temp_path %s;" % path("cdn-tmp", "body"),
        "  proxy_temp_path %s;" % path("cdn-tmp", "proxy"),
        "  fastcgi_temp_path %s;" % path("cdn-tmp", "fastcgi"),
        "  uwsgi_temp_path %s;" % path("cdn-tmp", "uwsgi"),
        "  scgi_temp_path %s;" % path("cdn-tmp", "scgi"),
        "  client_max_body_size 20m;",
        "  proxy_cache_path %s levels=1:2 keys_zone=edge:20m max_size=500m inactive=7d use_temp_path=off;" % cache_dir,
        "  upstream alb { server 127.0.0.1:%d; keepalive 64; }" % PORTS["alb"],
        "  upstream media { server 127.0.0.1:%d; keepalive 16; }" % PORTS["s3"],
        # EnableAcceptEncodingGzip/Brotli: the normalised encoding is part of every cache key
        "  map $http_accept_encoding $cdn_encoding { ~br br; ~gzip gzip; default \"\"; }",
    ]
    # LanguageFunction (a CloudFront Function reducing Accept-Language to one of the shop's
    # languages) as a map: the first listed language when it is one of them. CloudFront's
    # function also weighs q-values; the rehearsal's load sends no Accept-Language.
    if cdn.get("languages"):
        lines.append('  map $http_accept_language $cdn_language {')
        lines.append('    default "";')
        lines.append('    "~*^\\s*(?<l>%s)(?:[-,; ]|$)" $l;' % "|".join(cdn["languages"]))
        lines.append('  }')
    # One map per distinct cookie whitelist: the Cookie header the origin receives.
    cookie_vars = {}

    def cookie_var(names):
        names = tuple(names)
        if names in cookie_vars:
            return cookie_vars[names]
        var = "$cdn_cookies_%d" % len(cookie_vars)
        cookie_vars[names] = var
        if not names:
            return var
        # Build "a=x; b=y" from whichever whitelisted cookies the viewer sent.
        src = ":".join("$cookie_%s" % n for n in names)
        lines.append('  map "%s" %s {' % (src, var))
        lines.append('    default "";')
        import itertools
        for present in itertools.product([False, True], repeat=len(names)):
            if not any(present):
                continue
            pat = ":".join("(?<c%d>[^:]+)" % i if p else "" for i, p in enumerate(present))
            val = "; ".join("%s=$c%d" % (n, i) for i, (n, p) in enumerate(zip(names, present)) if p)
            lines.append('    "~^%s$" "%s";' % (pat, val))
        lines.append("  }")
        return var

    locations = []
    for b in cdn["behaviours"]:
        origin = cdn["origins"][b["origin"]]
        c = b["cache"]
        fwd_cookies = list(c["cookies"])
        fwd_headers = list(c["headers"])
        if b["forward"]:
            fwd_cookies = sorted(set(fwd_cookies) | set(b["forward"]["cookies"]))
            fwd_headers = sorted(set(fwd_headers) | set(b["forward"]["headers"]))
        loc = []
        if b["path"] == "*":
            loc.append("  location / {")
        else:
            loc.append("  location ~ %s {" % _glob_regex(b["path"]))
        allowed = [m for m in b["methods"] if m != "HEAD"]
        loc.append("    limit_except %s { deny all; }" % " ".join(allowed))
        if origin["kind"] == "s3":
            # the media bucket: /media/<key> is the object media/<key> (OAC signing: see docs)
            loc.append("    rewrite ^/(.*)$ /%s/$1 break;" % BUCKET)
            loc.append("    proxy_pass http://media;")
            loc.append("    proxy_set_header Host 127.0.0.1:%d;" % PORTS["s3"])
            loc.append("    proxy_set_header Authorization \"\";")
            loc.append("    proxy_set_header Cookie \"\";")
        else:
            loc.append("    proxy_pass http://alb;")
            for h in origin["headers"]:
                loc.append("    proxy_set_header %s %s;" % (h, ORIGIN_SECRET))
            loc.append("    proxy_set_header Cookie %s;" % (cookie_var(fwd_cookies) if fwd_cookies else '""'))
            loc.append("    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;")
            loc.append("    proxy_set_header X-Forwarded-Proto https;")
            if "LanguageFunction" in b["functions"]:
                loc.append("    proxy_set_header Accept-Language $cdn_language;")
        loc.append("    proxy_set_header Host $http_host;" if origin["kind"] != "s3" else "")
        loc.append("    proxy_http_version 1.1;")
        loc.append("    proxy_set_header Connection \"\";")
        loc.append("    proxy_connect_timeout 10s;")
        loc.append("    proxy_read_timeout %ds;" % origin["read_timeout"])
        loc.append("    proxy_next_upstream off;")
        loc.append("    add_header X-Cache $upstream_cache_status always;")
        if c["max"] > 0:
            key = ["$uri"]
            if c["query"]:
                key.append("$args")
            key += ["$cookie_%s" % n for n in c["cookies"]]
            key += [
                "$cdn_language" if h.lower() == "accept-language" and "LanguageFunction" in b["functions"]
                else "$http_%s" % h.lower().replace("-", "_")
                for h in c["headers"]
            ]
            key.append("$cdn_encoding")
            loc.append("    proxy_cache edge;")
            loc.append("    proxy_cache_key \"%s\";" % "|".join(key))
            loc.append("    proxy_cache_methods GET HEAD;")
            if c["default"] > 0:
                # the TTL when the origin sends no Cache-Control (CloudFront's DefaultTTL)
                loc.append("    proxy_cache_valid 200 203 206 301 %ds;" % c["default"])
            # CloudFront keeps an error answer for 10 s by default
            loc.append("    proxy_cache_valid 404 10s;")
            loc.append("    proxy_cache_use_stale error timeout invalid_header updating http_500 http_502 http_503 http_504;")
            loc.append("    proxy_cache_background_update on;")
            loc.append("    proxy_cache_lock on;")
            loc.append("    proxy_cache_revalidate on;")
            if origin["kind"] == "s3":
                loc.append("    proxy_ignore_headers Set-Cookie;")
        else:
            loc.append("    proxy_no_cache 1;")
            loc.append("    proxy_cache_bypass 1;")
        loc.append("  }")
        locations.append("\n".join(x for x in loc if x))
    lines.append("  server {")
    lines.append("    listen 127.0.0.1:%d;" % PORTS["cdn"])
    lines.append("    server_tokens off;")
    lines.extend("  " + l for l in "\n".join(locations).splitlines())
    lines.append("  }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def prometheus_cfg():
    return """# Generated by deploy/local: CloudWatch stand-in.
global:
  scrape_interval: 2s
  scrape_timeout: 1s
  evaluation_interval: 2s
rule_files: [{rules}]
scrape_configs:
  - job_name: baobab
    metrics_path: /metrics
    file_sd_configs:
      - files: [{targets}]
        refresh_interval: 2s
  - job_name: alb
    static_configs:
      - targets: ["127.0.0.1:{alb}"]
""".format(rules=path("alarms.yml"), targets=path("targets.json"), alb=PORTS["alb_metrics"])


def prometheus_rules(f):
    """The template's alarms as Prometheus rules: the same thresholds, windows shortened from
    minutes to seconds (a rehearsal fault lasts under a minute; docs/resilience.md)."""
    a = f["alarms"]
    low = a.get("HealthyHostsLowAlarm", {"threshold": 2})["threshold"]
    rate = a.get("Alb5xxRateAlarm", {"threshold": 1})["threshold"]
    p99 = a.get("TargetLatencyP99Alarm", {"threshold": 1})["threshold"]
    return """# Generated by deploy/local from the template's CloudWatch alarms.
groups:
  - name: baobab-alarms
    interval: 2s
    rules:
      - alert: HealthyHostsLow
        expr: sum(haproxy_backend_active_servers{{proxy="app"}}) < {low}
        for: 4s
        annotations: {{summary: "{low_d}"}}
      - alert: UnhealthyHosts
        expr: sum(haproxy_server_status{{proxy="app",state="DOWN"}}) > 0
        for: 4s
        annotations: {{summary: "{unh_d}"}}
      - alert: Alb5xxRate
        expr: 100 * sum(rate(haproxy_frontend_http_responses_total{{proxy="alb",code="5xx"}}[10s])) / clamp_min(sum(rate(haproxy_frontend_http_requests_total{{proxy="alb"}}[10s])), 0.001) > {rate}
        for: 4s
        annotations: {{summary: "{rate_d}"}}
      - alert: TargetLatencyP99
        expr: histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[10s]))) > {p99}
        for: 6s
        annotations: {{summary: "{p99_d}"}}
""".format(low=low, rate=rate, p99=p99,
           low_d=a.get("HealthyHostsLowAlarm", {}).get("description", "").replace('"', "'"),
           unh_d=a.get("UnhealthyHostsAlarm", {}).get("description", "").replace('"', "'"),
           rate_d=a.get("Alb5xxRateAlarm", {}).get("description", "").replace('"', "'"),
           p99_d=a.get("TargetLatencyP99Alarm", {}).get("description", "").replace('"', "'"))


def s3_json():
    return {
        "identities": [
            {"name": "admin", "credentials": [{"accessKey": S3_KEY, "secretKey": S3_SECRET}],
             "actions": ["Admin", "Read", "Write", "List", "Tagging"]},
            # CloudFront's origin access control stand-in: anonymous reads of the bucket
            {"name": "anonymous", "actions": ["Read:%s" % BUCKET]},
        ],
        "kms": {"default_provider": "local", "providers": {"local": {"type": "local"}}},
    }


# ---------------------------------------------------------------- PostgreSQL (RDS Multi-AZ stand-in)


def pg(node, *args, check=True, timeout=60):
    return subprocess.run(["runuser", "-u", "postgres", "--", pg_bin("pg_ctl"), "-D", path("pg", node)] + list(args),
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, check=check, timeout=timeout)


def psql(port, sql, db="postgres", timeout=10, check=True):
    r = subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-d", db, "-qAtX", "-v",
                        "ON_ERROR_STOP=1", "-c", sql], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                       timeout=timeout, env=dict(os.environ, PGCONNECT_TIMEOUT="2"))
    if check and r.returncode != 0:
        raise RuntimeError("psql %d: %s: %s" % (port, sql, r.stderr.strip()))
    return r.stdout.strip()


def pg_conf(node, port):
    return ("listen_addresses = '127.0.0.1'\nport = %d\nunix_socket_directories = '%s'\n"
            "wal_level = replica\nmax_wal_senders = 8\nwal_keep_size = '256MB'\nhot_standby = on\n"
            "max_connections = 200\nshared_buffers = 64MB\nsynchronous_commit = on\n"
            "logging_collector = off\n"
            # a standby reports what it has every second (default 10 s): waiting commits are
            # released as soon as a synchronous standby is named again
            "wal_receiver_status_interval = 1s\n" % (port, path("pg", node)))


def pg_node_port(node):
    return PORTS["pg_" + node[-1]]


def db_state():
    return read_json(path("db.json"), {})


def pg_start(node):
    pg(node, "-l", path("pg", "%s.log" % node), "-w", "-t", "60", "start")


def pg_postmaster_pid(node):
    try:
        with open(path("pg", node, "postmaster.pid")) as f:
            return int(f.readline())
    except (OSError, ValueError):
        return None


def make_primary(node):
    d = path("pg", node)
    os.makedirs(d, exist_ok=True)
    shutil.chown(d, "postgres", "postgres")
    os.chmod(d, 0o700)
    subprocess.run(["runuser", "-u", "postgres", "--", pg_bin("initdb"), "-D", d, "-U", "postgres", "-A", "trust",
                    "--no-sync"], check=True, stdout=subprocess.DEVNULL)
    with open(os.path.join(d, "postgresql.conf"), "a") as f:
        f.write(pg_conf(node, pg_node_port(node)))
    pg_start(node)


def make_standby(node, primary):
    """A streaming standby of `primary` by pg_basebackup -R, then made synchronous on the primary."""
    d = path("pg", node)
    if os.path.exists(d):
        shutil.rmtree(d)
    os.makedirs(path("pg"), exist_ok=True)
    subprocess.run(["runuser", "-u", "postgres", "--", pg_bin("pg_basebackup"), "-h", "127.0.0.1", "-p",
                    str(pg_node_port(primary)), "-U", "postgres", "-D", d, "-R", "-X", "stream", "--checkpoint=fast"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=120)
    with open(os.path.join(d, "postgresql.auto.conf"), "a") as f:
        f.write("port = %d\nunix_socket_directories = '%s'\n" % (pg_node_port(node), d))
        f.write("primary_conninfo = 'host=127.0.0.1 port=%d user=postgres application_name=%s'\n"
                % (pg_node_port(primary), node))
        f.write("synchronous_standby_names = ''\n")
    pg_start(node)
    wait_for(lambda: psql(pg_node_port(primary), "select count(*) from pg_stat_replication where application_name='%s' "
                          "and state='streaming'" % node) == "1", 60, "standby %s streaming" % node)
    psql(pg_node_port(primary), "alter system set synchronous_standby_names = '\"%s\"'" % node)
    psql(pg_node_port(primary), "select pg_reload_conf()")
    wait_for(lambda: psql(pg_node_port(primary), "select sync_state from pg_stat_replication where application_name='%s'"
                          % node) == "sync", 30, "standby %s synchronous" % node)


def pg_kill(node):
    """SIGKILL the node's postmaster and every backend: the host is gone."""
    pid = pg_postmaster_pid(node)
    if not pid:
        return
    kids = children(pid)
    kill(pid, signal.SIGKILL)
    for k in kids:
        kill(k, signal.SIGKILL)


def promote(node):
    """What RDS does on failover: the standby becomes primary, runs without a standby until one is
    rebuilt, and the endpoint moves to it."""
    pg(node, "-w", "-t", "60", "promote")
    port = pg_node_port(node)
    psql(port, "alter system set synchronous_standby_names = ''")
    psql(port, "select pg_reload_conf()")
    endpoints("set server rds/db addr 127.0.0.1 port %d" % port)
    endpoints("shutdown sessions server rds/db")


# ---------------------------------------------------------------- status


def healthy_count():
    s = alb_servers() or {}
    return sum(1 for v in s.values() if v["status"] == "UP")


def http_get(url, timeout=3):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()
    except OSError:
        return None, b""
