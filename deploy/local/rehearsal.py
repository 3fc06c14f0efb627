#!/usr/bin/env python3
"""deploy/aws rehearsed on one machine: `up`, `down`, `status`, and the Auto Scaling / RDS
stand-in `controller` (started by `up`). The fault tests are in faults.py.

    python3 deploy/local/rehearsal.py up [--bin target/debug/baobab] [--promotion-delay 5]
    python3 deploy/local/rehearsal.py status
    python3 deploy/local/rehearsal.py down

Use the wrappers deploy/local/up, down and faults: they install what is missing first.
"""

import argparse
import json
import os
import shutil
import signal
import struct
import subprocess
import sys
import time
import urllib.request
import uuid
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import template  # noqa: E402
import topology as T  # noqa: E402
from topology import path, now, event  # noqa: E402


# ================================================================ Auto Scaling + RDS stand-in

# EC2 status checks run every minute; an instance that died is noticed by them within about that.
EC2_STATUS_CHECK_SECONDS = 60


class Controller:
    """Keeps the desired number of healthy instances (the group's health check: EC2 = the
    instance runs, ELB = the target group's check after the grace period), replaces unhealthy
    ones, scales out and in (deregister, wait for in-flight requests, SIGTERM), and rolls a new
    binary out one instance at a time keeping MinInstancesInService. It also plays RDS: when
    the primary stops answering it waits the promotion delay, promotes the standby and moves
    the endpoint."""

    def __init__(self):
        self.f = template.facts()
        self.tg = self.f["target_group"]
        self.grp = self.f["group"]
        self.unit = self.f["unit"]
        st = T.read_json(path("asg.json"), {})
        self.instances = st.get("instances", [])
        self.seq = st.get("seq", 0)
        self.db_down_since = None

    # -- persistence
    def save(self):
        T.write_json(path("asg.json"), {"seq": self.seq, "instances": self.instances, "t": now()})
        targets = [{"targets": ["%s:%d" % (i["ip"], T.METRICS_PORT)], "labels": {"instance_id": i["id"], "zone": i["zone"]}}
                   for i in self.instances if i["state"] in ("pending", "inservice", "draining")]
        T.write_json(path("targets.json"), targets)

    def control(self):
        return T.read_json(path("control.json"), {})

    # -- instances
    def free_slot(self):
        used = {i["slot"] for i in self.instances}
        for n in range(1, T.SLOTS + 1):
            if "app%d" % n not in used:
                return "app%d" % n
        raise RuntimeError("no free target-group slot")

    def launch(self, zone, binary, reason):
        self.seq += 1
        n = self.seq
        ip = "%s.%d" % (T.ZONES[zone], (n % 250) + 2)
        iid = "i-%s%04d" % (zone, n)
        data = path("instances", iid)
        os.makedirs(data, exist_ok=True)
        env = T.app_env(self.f, ip, data)
        pid = T.spawn([binary] + self.unit["args"], path("logs", "%s.log" % iid), env=env, cwd=data)
        slot = self.free_slot()
        # register the target: the balancer checks it and sends traffic once it is healthy
        T.alb("set server app/%s addr %s port %d" % (slot, ip, T.APP_PORT))
        # like a new ALB target ("initial"): no traffic until HealthyThresholdCount checks pass
        T.alb("set server app/{0} state ready; set server app/{0} health down".format(slot))
        inst = {"id": iid, "zone": zone, "ip": ip, "pid": pid, "slot": slot, "binary": binary, "state": "pending",
                "launched": now(), "healthy_once": False}
        self.instances.append(inst)
        event("launch", instance=iid, zone=zone, ip=ip, binary=binary, reason=reason)
        return inst

    def deregister(self, inst, reason, hard=False):
        """Terminate: the target drains (no new requests; in-flight ones get the deregistration
        delay), then the instance is shut down (SIGTERM, SIGKILL after TimeoutStopSec)."""
        if inst["state"] in ("draining", "terminating", "gone"):
            return
        T.alb("set server app/%s state drain" % inst["slot"])
        inst["state"] = "draining"
        inst["drain_since"] = now()
        inst["hard"] = hard
        event("deregister", instance=inst["id"], reason=reason)

    def step_draining(self, inst, servers):
        s = servers.get(inst["slot"], {})
        waited = now() - inst["drain_since"]
        dead = not T.alive(inst["pid"])
        if dead or (s.get("scur", 0) == 0 and waited >= 1.0) or waited >= self.tg["deregistration_delay"]:
            T.alb("set server app/%s state maint" % inst["slot"])
            if not dead:
                T.kill(inst["pid"], signal.SIGTERM)
                T.kill(inst["pid"], signal.SIGCONT)  # systemd's stop wakes a stopped process too
            inst["state"] = "terminating"
            inst["term_since"] = now()
            event("terminate", instance=inst["id"], in_flight=s.get("scur", 0), waited=round(waited, 2))

    def step_terminating(self, inst):
        if not T.alive(inst["pid"]):
            inst["state"] = "gone"
            event("gone", instance=inst["id"])
            try:
                os.waitpid(inst["pid"], os.WNOHANG)
            except ChildProcessError:
                pass
        elif now() - inst["term_since"] > self.unit["timeout_stop"]:
            T.kill(inst["pid"], signal.SIGKILL)

    def unhealthy(self, inst, servers):
        """The group's health check. EC2: the instance (here: its process) is gone. ELB: the
        target group says DOWN, once the grace period is over (or the target was healthy once)."""
        if not T.alive(inst["pid"]):
            # the group learns of a dead instance from the EC2 status check (a minute or more),
            # or sooner from the target group's checks (ELB health checks, below)
            inst.setdefault("dead_since", now())
            if now() - inst["dead_since"] > EC2_STATUS_CHECK_SECONDS:
                return "instance stopped (EC2 status check)"
        if self.grp["health_check_type"] != "ELB":
            return None
        s = servers.get(inst["slot"], {})
        status = s.get("status", "")
        if inst["state"] == "inservice" and (status == "DOWN" or status.startswith("DOWN ")):
            return "target group health check failed (ELB)"
        if inst["state"] == "pending" and now() - inst["launched"] > self.grp["grace_period"]:
            return "not healthy within the grace period"
        return None

    def in_service(self, binary=None):
        return [i for i in self.instances if i["state"] in ("pending", "inservice") and (binary is None or i["binary"] == binary)]

    def pick_zone(self, ctl):
        down = set(ctl.get("zones_down", []))
        counts = {z: 0 for z in T.ZONES if z not in down}
        if not counts:
            return None
        for i in self.in_service():
            if i["zone"] in counts:
                counts[i["zone"]] += 1
        return min(sorted(counts), key=lambda z: counts[z])

    def retire_one(self, candidates, reason):
        # the zone with most instances, then the oldest (the group's default termination policy)
        zc = {}
        for i in self.in_service():
            zc[i["zone"]] = zc.get(i["zone"], 0) + 1
        victim = sorted(candidates, key=lambda i: (-zc.get(i["zone"], 0), i["launched"]))[0]
        self.deregister(victim, reason)

    def step(self):
        ctl = self.control()
        servers = T.alb_servers()
        if servers is None:
            return  # the balancer is not answering: change nothing
        suspended = set(ctl.get("suspend", []))
        for inst in list(self.instances):
            st = inst["state"]
            if st == "pending" and not T.alive(inst["pid"]) and inst.get("restarts", 0) < 60:
                # booting: systemd's Restart=on-failure (RestartSec=2) starts it again, e.g. while
                # the database it needs is failing over
                if now() - inst.get("exited", now()) >= 2:
                    env = T.app_env(self.f, inst["ip"], path("instances", inst["id"]))
                    inst["pid"] = T.spawn([inst["binary"]] + self.unit["args"], path("logs", "%s.log" % inst["id"]), env=env,
                                          cwd=path("instances", inst["id"]))
                    inst["restarts"] = inst.get("restarts", 0) + 1
                    inst.pop("exited", None)
                    event("restart", instance=inst["id"], restarts=inst["restarts"])
                else:
                    inst.setdefault("exited", now())
                continue
            if st == "pending":
                s = servers.get(inst["slot"], {})
                if s.get("status") == "UP":
                    inst["state"] = "inservice"
                    inst["healthy_once"] = True
                    event("inservice", instance=inst["id"], after=round(now() - inst["launched"], 2))
            if st in ("pending", "inservice") and "HealthCheck" not in suspended:
                why = self.unhealthy(inst, servers)
                if why:
                    event("unhealthy", instance=inst["id"], reason=why)
                    self.deregister(inst, why)
            if inst["state"] == "draining":
                self.step_draining(inst, servers)
            if inst["state"] == "terminating":
                self.step_terminating(inst)
        self.instances = [i for i in self.instances if i["state"] != "gone"]

        desired = int(ctl.get("desired", self.grp["desired"]))
        binary = ctl.get("binary")
        live = self.in_service()
        pending = [i for i in live if i["state"] == "pending"]
        old = [i for i in live if i["binary"] != binary]
        if old and binary:
            # rolling update: one new instance in service before an old one goes (MaxBatchSize 1,
            # MinInstancesInService kept)
            if not pending and len(live) <= desired:
                z = self.pick_zone(ctl)
                if z:
                    self.launch(z, binary, "rolling update")
            elif not pending and len(live) > desired:
                self.retire_one(old, "rolling update")
        elif len(live) < desired and "Launch" not in suspended:
            for _ in range(desired - len(live)):
                z = self.pick_zone(ctl)
                if z:
                    self.launch(z, binary or self.f.get("binary"), "capacity %d < desired %d" % (len(live), desired))
        elif len(live) > desired and not pending and "Terminate" not in suspended:
            self.retire_one([i for i in live if i["state"] == "inservice"], "scale in to %d" % desired)
        self.rds(ctl)
        self.save()

    # -- RDS Multi-AZ
    def rds(self, ctl):
        db = T.db_state()
        primary, standby = db.get("primary"), db.get("standby")
        if not primary:
            return
        up = T.port_open(T.pg_node_port(primary), timeout=0.3) and T.alive(T.pg_postmaster_pid(primary))
        if up:
            self.db_down_since = None
            return
        if self.db_down_since is None:
            self.db_down_since = now()
            event("db_primary_down", node=primary)
        delay = float(ctl.get("promotion_delay", db.get("promotion_delay", 5)))
        if standby and now() - self.db_down_since >= delay:
            try:
                T.promote(standby)
            except Exception as e:  # noqa: BLE001 - keep the controller alive; try again next step
                event("db_promote_failed", node=standby, error=str(e)[:300])
                return
            T.write_json(path("db.json"), dict(db, primary=standby, standby=None, failed=primary))
            event("db_promoted", node=standby, after=round(now() - self.db_down_since, 2))
            event("endpoint_moved", node=standby, port=T.pg_node_port(standby))
            self.db_down_since = None

    def run(self):
        with open(path("controller.pid"), "w") as f:
            f.write(str(os.getpid()))
        stop = []
        signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        while not stop:
            try:
                self.step()
            except Exception as e:  # noqa: BLE001
                event("controller_error", error=repr(e)[:400])
            # reap exited children (instances are our children)
            try:
                while True:
                    pid, st = os.waitpid(-1, os.WNOHANG)
                    if pid <= 0:
                        break
                    who = [i["id"] for i in self.instances if i["pid"] == pid]
                    if who:
                        how = ("signal %d" % os.WTERMSIG(st)) if os.WIFSIGNALED(st) else ("exit %d" % os.WEXITSTATUS(st))
                        event("exit", instance=who[0], status=how)
            except ChildProcessError:
                pass
            time.sleep(0.5)
        # the group is deleted: instances go with it
        for inst in self.instances:
            T.kill(inst["pid"], signal.SIGCONT)
            T.kill(inst["pid"], signal.SIGKILL)


# ================================================================ up / down


def png(w, h, seed):
    """A small PNG made here (the catalogue's product photos stand-in)."""
    raw = bytearray()
    for y in range(h):
        raw.append(0)
        for x in range(w):
            raw += bytes(((x * 3 + seed * 40) % 256, (y * 2 + seed * 70) % 256, ((x ^ y) + seed * 13) % 256))

    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(bytes(raw), 6)) + chunk(b"IEND", b""))


def multipart(fields, files):
    b = "----rehearsal%s" % uuid.uuid4().hex
    out = bytearray()
    for k, v in fields.items():
        out += ("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n" % (b, k, v)).encode()
    for k, (name, ctype, data) in files.items():
        out += ("--%s\r\nContent-Disposition: form-data; name=\"%s\"; filename=\"%s\"\r\nContent-Type: %s\r\n\r\n"
                % (b, k, name, ctype)).encode() + data + b"\r\n"
    out += ("--%s--\r\n" % b).encode()
    return "multipart/form-data; boundary=%s" % b, bytes(out)


def upload_image(token, product_id, seed, timeout=20):
    ctype, body = multipart({"alt": "rehearsal photo %d" % seed}, {"file": ("p%d.png" % seed, "image/png", png(200, 150, seed))})
    req = urllib.request.Request("http://127.0.0.1:%d/api/v1/products/%d/images" % (T.PORTS["cdn"], product_id), data=body,
                                 method="POST", headers={"Content-Type": ctype, "Authorization": "Bearer " + token})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()
    except OSError as e:
        return None, str(e).encode()


def clean_env():
    return {k: v for k, v in os.environ.items() if not k.startswith("BAOBAB_") and not k.startswith("AWS_")}


def up(args):
    if T.read_json(path("state.json")):
        raise SystemExit("a rehearsal is already up in %s (deploy/local/down first)" % T.STATE)
    t0 = now()
    binary = os.path.abspath(args.bin)
    if not os.access(binary, os.X_OK):
        raise SystemExit("no server binary at %s (cargo build --locked -p baobab)" % binary)
    for p in T.PORTS.values():
        if T.port_open(p):
            raise SystemExit("port %d on 127.0.0.1 is taken; is another rehearsal running?" % p)
    if os.path.exists(T.STATE):
        shutil.rmtree(T.STATE)
    for d in ("logs", "pg", "instances", "cdn-cache", "cdn-tmp", "weed", "prometheus", "releases"):
        os.makedirs(path(d), exist_ok=True)
    os.chmod(T.STATE, 0o755)
    shutil.chown(path("pg"), "postgres", "postgres")
    f = template.facts()
    # the release "artifact": a copy of the binary, as the instances run /opt/baobab/current/bin/baobab
    rel = path("releases", "r1")
    os.makedirs(rel, exist_ok=True)
    shutil.copy2(binary, os.path.join(rel, "baobab"))
    rel_bin = os.path.join(rel, "baobab")
    T.write_json(path("state.json"), {"started": t0, "binary": binary, "facts": f, "ports": T.PORTS})
    T.write_json(path("control.json"), {"desired": f["group"]["desired"], "binary": rel_bin,
                                        "promotion_delay": args.promotion_delay})
    pids = {}

    def log(msg):
        print("== [%5.1fs] %s" % (now() - t0, msg), flush=True)

    # database: primary in zone a, synchronous standby in zone b
    log("PostgreSQL primary (db-a, zone a) on %d" % T.PORTS["pg_a"])
    T.make_primary("db-a")
    T.psql(T.PORTS["pg_a"], "create database %s" % T.DB_NAME)
    log("synchronous standby (db-b, zone b) on %d by pg_basebackup -R" % T.PORTS["pg_b"])
    T.make_standby("db-b", "db-a")
    T.write_json(path("db.json"), {"primary": "db-a", "standby": "db-b", "promotion_delay": args.promotion_delay})

    # endpoints (RDS and S3) and the object store
    with open(path("endpoints.cfg"), "w") as fh:
        fh.write(T.haproxy_endpoints_cfg(T.PORTS["pg_a"]))
    subprocess.run(["haproxy", "-D", "-f", path("endpoints.cfg")], check=True)
    log("RDS endpoint 127.0.0.1:%d, S3 endpoint 127.0.0.1:%d (HAProxy, tcp)" % (T.PORTS["db"], T.PORTS["s3"]))
    with open(path("weed", "s3.json"), "w") as fh:
        json.dump(T.s3_json(), fh)
    if not os.access(T.WEED, os.X_OK):
        raise SystemExit("SeaweedFS is not installed at %s (deploy/local/up installs it)" % T.WEED)
    pids["weed"] = T.spawn([T.WEED, "mini", "-dir=" + path("weed", "data"), "-ip=127.0.0.1", "-ip.bind=127.0.0.1",
                            "-s3.port=%d" % T.PORTS["weed_s3"], "-master.port=%d" % T.PORTS["weed_master"],
                            "-volume.port=%d" % T.PORTS["weed_volume"], "-filer.port=%d" % T.PORTS["weed_filer"],
                            "-admin.port=%d" % T.PORTS["weed_admin"], "-s3.config=" + path("weed", "s3.json"),
                            "-admin.ui=false", "-webdav=false", "-master.telemetry=false", "-s3.port.iceberg=0",
                            "-s3.port.lance=0", "-bucket=" + T.BUCKET], path("logs", "weed.log"), cwd=path("weed"))
    T.wait_for(lambda: T.port_open(T.PORTS["weed_s3"]), 60, "SeaweedFS S3")
    log("SeaweedFS (SSE-KMS) S3 on %d" % T.PORTS["weed_s3"])

    # schema, as baobab-migrate does before the service starts
    env = clean_env()
    env.update(BAOBAB_DATABASE_URL="postgres://postgres@127.0.0.1:%d/%s" % (T.PORTS["db"], T.DB_NAME))
    subprocess.run([rel_bin, "migrate"], env=env, check=True, stdout=subprocess.DEVNULL)
    log("migrations applied")

    # balancer, CDN, monitoring
    with open(path("alb.cfg"), "w") as fh:
        fh.write(T.haproxy_alb_cfg(f))
    subprocess.run(["haproxy", "-c", "-q", "-f", path("alb.cfg")], check=True)
    subprocess.run(["haproxy", "-D", "-f", path("alb.cfg")], check=True)
    log("ALB stand-in on %d: %s every %ds, %d/%d, %s, deregistration delay %ds" % (
        T.PORTS["alb"], f["target_group"]["path"], f["target_group"]["interval"], f["target_group"]["healthy"],
        f["target_group"]["unhealthy"], f["target_group"]["algorithm"], f["target_group"]["deregistration_delay"]))
    with open(path("nginx.conf"), "w") as fh:
        fh.write(T.nginx_cfg(f))
    for d in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        os.makedirs(path("cdn-tmp", d), exist_ok=True)
    subprocess.run(["nginx", "-t", "-q", "-c", path("nginx.conf"), "-e", path("logs", "cdn-error.log")], check=True)
    subprocess.run(["nginx", "-c", path("nginx.conf"), "-e", path("logs", "cdn-error.log")], check=True)
    log("CDN stand-in (nginx) on %d" % T.PORTS["cdn"])
    with open(path("prometheus.yml"), "w") as fh:
        fh.write(T.prometheus_cfg())
    with open(path("alarms.yml"), "w") as fh:
        fh.write(T.prometheus_rules(f))
    T.write_json(path("targets.json"), [])
    pids["prometheus"] = T.spawn(["prometheus", "--config.file=" + path("prometheus.yml"),
                                  "--storage.tsdb.path=" + path("prometheus"),
                                  "--web.listen-address=127.0.0.1:%d" % T.PORTS["prometheus"],
                                  "--storage.tsdb.retention.time=1d"], path("logs", "prometheus.log"))
    log("Prometheus on %d with the template's alarms" % T.PORTS["prometheus"])

    # the group
    T.write_json(path("pids.json"), pids)
    pids["controller"] = T.spawn([sys.executable, os.path.abspath(__file__), "controller"], path("logs", "controller.log"))
    T.write_json(path("pids.json"), pids)
    desired = f["group"]["desired"]
    T.wait_for(lambda: T.healthy_count() >= desired, 180, "%d healthy instances" % desired, step=0.5)
    log("%d instances in service (%s health checks)" % (desired, f["group"]["health_check_type"]))

    # catalogue: stock for a long load, product photos in the object store
    T.psql(T.PORTS["db"], "update variants set stock_on_hand = stock_on_hand + 1000000", db=T.DB_NAME)
    token = subprocess.run([rel_bin, "token", "create", "--name", "rehearsal", "--role", "catalog"], env=env, check=True,
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout.strip().split()[-1]
    products = [int(x) for x in T.psql(T.PORTS["db"], "select id from products where status = 'active' order by id limit 8",
                                       db=T.DB_NAME).split()]
    uploaded = 0
    for n, pid in enumerate(products):
        status, body = upload_image(token, pid, n)
        if status == 201:
            uploaded += 1
        else:
            print("upload for product %d: %s %s" % (pid, status, body[:200]), file=sys.stderr)
    T.write_json(path("state.json"), dict(T.read_json(path("state.json")), token=token, release=rel_bin))
    log("catalogue ready: %d photos uploaded through the CDN and the API" % uploaded)
    if uploaded == 0:
        raise SystemExit("no product photo could be uploaded")
    log("up: CDN http://127.0.0.1:%d/  Prometheus http://127.0.0.1:%d/alerts" % (T.PORTS["cdn"], T.PORTS["prometheus"]))


def down(_args=None):
    # finish the cleanup even when the run that called it is being stopped
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    pids = T.read_json(path("pids.json"), {})
    cpid = pids.get("controller")
    if cpid and T.alive(cpid):
        T.kill(cpid, signal.SIGTERM)
        for _ in range(50):
            if not T.alive(cpid):
                break
            time.sleep(0.1)
    for inst in T.read_json(path("asg.json"), {}).get("instances", []):
        T.kill(inst["pid"], signal.SIGCONT)
        T.kill(inst["pid"], signal.SIGKILL)
    for name in ("alb.pid", "endpoints.pid", "nginx.pid"):
        try:
            with open(path(name)) as fh:
                for p in fh.read().split():
                    T.kill(int(p), signal.SIGTERM)
        except (OSError, ValueError):
            pass
    for name in ("prometheus", "weed"):
        if pids.get(name):
            T.kill(pids[name], signal.SIGTERM)
    for node in ("db-a", "db-b"):
        if os.path.exists(path("pg", node, "postmaster.pid")):
            T.pg(node, "-m", "immediate", "-w", "-t", "20", "stop", check=False)
    for name in ("prometheus", "weed"):
        p = pids.get(name)
        for _ in range(150):
            if not p or not T.alive(p):
                break
            time.sleep(0.1)
        if p and T.alive(p):
            T.kill(p, signal.SIGKILL)
    if os.path.exists(T.STATE) and not os.environ.get("BAOBAB_REHEARSAL_KEEP"):
        shutil.rmtree(T.STATE, ignore_errors=True)
    print("== down")


def check(_args=None):
    """Exit status 0 when a rehearsal is up here (its controller runs), 1 when not."""
    pids = T.read_json(path("pids.json"), {})
    sys.exit(0 if T.read_json(path("state.json")) and T.alive(pids.get("controller")) else 1)


def status(_args=None):
    print(json.dumps({"servers": T.alb_servers(), "db": T.db_state(),
                      "instances": T.read_json(path("asg.json"), {}).get("instances"),
                      "control": T.read_json(path("control.json"))}, indent=1))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    u = sub.add_parser("up")
    u.add_argument("--bin", default=os.path.join(T.ROOT, "target", "debug", "baobab"))
    u.add_argument("--promotion-delay", type=float, default=5.0,
                   help="seconds from the primary's loss to the standby's promotion (RDS: 60-120)")
    sub.add_parser("down")
    sub.add_parser("status")
    sub.add_parser("check")
    sub.add_parser("controller")
    a = ap.parse_args()
    if a.cmd == "up":
        up(a)
    elif a.cmd == "down":
        down(a)
    elif a.cmd == "status":
        status(a)
    elif a.cmd == "check":
        check(a)
    elif a.cmd == "controller":
        Controller().run()


if __name__ == "__main__":
    main()
