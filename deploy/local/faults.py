#!/usr/bin/env python3
"""The fault tests: each fault runs under load through the CDN stand-in, and its figures are
measured as a customer sees them. Run on a rehearsal that is up (deploy/local/faults brings one
up and down around it).

    python3 deploy/local/faults.py [--full] [--out deploy/local/figures.json] [--enforce 1,2] [FAULT...]

FAULT: a number 1-9 or a name (sigterm, sigkill, hang, db-kill, zone, store, origins, scale, stall).
"""

import argparse
import datetime
import http.client
import json
import os
import platform
import random
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rehearsal  # noqa: E402
import topology as T  # noqa: E402
from topology import path, now, event  # noqa: E402

CDN = ("127.0.0.1", T.PORTS["cdn"])
PUBLIC = "http://127.0.0.1:%d" % T.PORTS["cdn"]
RETRY_STATUSES = (502, 503, 504)
SEARCH_WORDS = ["phone", "fabric", "rice", "solar", "shea", "tea", "stove", "sandals", "kora", "lantern"]
PAGE_KINDS = ("home", "category", "product", "search")


# ================================================================ HTTP as a customer


def request(method, target, headers=None, body=None, timeout=40):
    t0 = time.time()
    c = http.client.HTTPConnection(*CDN, timeout=timeout)
    try:
        c.request(method, target, body=body, headers=headers or {})
        r = c.getresponse()
        data = r.read()
        h = {k.lower(): v for k, v in r.getheaders()}
        h["set-cookie-all"] = r.msg.get_all("Set-Cookie") or []
        return r.status, h, data, None, t0, time.time()
    except (OSError, http.client.HTTPException) as e:
        return None, {}, b"", type(e).__name__, t0, time.time()
    finally:
        c.close()


class Recorder:
    """Every request the load made: one entry per customer request (its retries inside it) and
    one per attempt."""

    def __init__(self):
        self.requests = []
        self.attempts = []
        self.checkouts = []  # {"email", "key", "order", "t0", "t1", "ok"}
        self.uploads = []
        self.lock = threading.Lock()

    def add(self, **kw):
        with self.lock:
            self.requests.append(kw)


class Shopper:
    def __init__(self, rec, ctx, stop, tag, n):
        self.rec, self.ctx, self.stop, self.tag, self.n = rec, ctx, stop, tag, n
        self.cookies = {}
        self.rnd = random.Random()

    def cookie_header(self):
        return "; ".join("%s=%s" % kv for kv in self.cookies.items())

    def take_cookies(self, h):
        for sc in h.get("set-cookie-all", []):
            kv = sc.split(";", 1)[0]
            k, _, v = kv.partition("=")
            if v:
                self.cookies[k.strip()] = v.strip()
            else:
                self.cookies.pop(k.strip(), None)

    def call(self, kind, method, target, form=None, extra=None, ok=(200, 303), retry=True):
        """One customer request: retried on 502/503/504 or a dropped connection (same form, same
        idempotency key), at most 6 attempts within 20 s, as an app or a browser would."""
        headers = {"Origin": PUBLIC} if method == "POST" else {}
        if self.cookies:
            headers["Cookie"] = self.cookie_header()
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        headers.update(extra or {})
        t0 = time.time()
        attempts = 0
        delay = 0.25
        while True:
            attempts += 1
            st, h, data, err, a0, a1 = request(method, target, headers, body)
            self.rec.attempts.append({"kind": kind, "t0": a0, "t1": a1, "status": st, "err": err})
            if (st is None or st in RETRY_STATUSES) and retry and attempts < 6 and time.time() - t0 < 20 and not self.stop.is_set():
                time.sleep(delay)
                delay = min(delay * 2, 2.0)
                continue
            break
        good = st in ok
        self.rec.add(kind=kind, browse=False, t0=t0, t1=time.time(), status=st, ok=good, err=err, attempts=attempts)
        self.take_cookies(h)
        return st, h, data.decode("utf-8", "replace") if good else ""

    def run(self):
        i = 0
        while not self.stop.is_set():
            i += 1
            self.cookies = {}
            v = self.rnd.choice(self.ctx["variants"])
            st, _, _ = self.call("product", "GET", "/p/" + v["slug"], ok=(200,), retry=False)
            st, _, _ = self.call("cart_add", "POST", "/cart/add", {"variant_id": v["id"], "quantity": 1})
            if st != 303:
                continue
            st, _, html = self.call("cart", "GET", "/cart", ok=(200,))
            m = re.search(r'name="csrf" value="([^"]+)"', html)
            if not m:
                continue
            csrf = m.group(1)
            st, _, html = self.call("checkout_page", "GET", "/checkout", ok=(200,))
            m = re.search(r'name="idempotency_key" value="([^"]+)"', html)
            if not m:
                continue
            key = m.group(1)
            email = "r%s-%s-%d@example.com" % (self.tag, self.n, i)
            form = {"csrf": csrf, "idempotency_key": key, "email": email, "name": "Chidi Okafor",
                    "line1": "5 Allen Avenue, opposite the bank", "city": "Ikeja", "country": "NG",
                    "phone": "+234 802 000 1111", "payment_method": "cash_on_delivery", "shipping_method": "lagos-express"}
            t0 = time.time()
            st, h, _ = self.call("checkout", "POST", "/checkout", form, extra={"Idempotency-Key": key}, ok=(303,))
            order = None
            loc = h.get("location", "")
            m = re.match(r"/orders/(\d+)", loc)
            if st == 303 and m:
                order = int(m.group(1))
                self.call("order_page", "GET", loc, ok=(200,))
            self.rec.checkouts.append({"email": email, "key": key, "order": order, "t0": t0, "t1": time.time(), "status": st})
            time.sleep(self.rnd.uniform(0.05, 0.2))


def browser(rec, ctx, stop):
    rnd = random.Random()
    while not stop.is_set():
        kind = rnd.choices(["home", "category", "product", "image", "search"], weights=[10, 15, 35, 25, 15])[0]
        if kind == "home":
            target = "/"
        elif kind == "category":
            target = "/c/" + rnd.choice(ctx["categories"])
        elif kind == "product":
            target = "/p/" + rnd.choice(ctx["variants"])["slug"]
        elif kind == "image" and ctx["images"]:
            target = rnd.choice(ctx["images"])
        else:
            kind = "search"
            target = "/search?q=" + rnd.choice(SEARCH_WORDS)
        st, h, _, err, t0, t1 = request("GET", target)
        rec.add(kind=kind, browse=True, t0=t0, t1=t1, status=st, ok=st is not None and st < 400, err=err,
                cache=h.get("x-cache"), attempts=1)
        time.sleep(rnd.uniform(0.02, 0.08))


class Load:
    def __init__(self, ctx, tag, browsers=5, shoppers=3):
        self.rec = Recorder()
        self.stop = threading.Event()
        self.threads = [threading.Thread(target=browser, args=(self.rec, ctx, self.stop), daemon=True) for _ in range(browsers)]
        self.threads += [threading.Thread(target=Shopper(self.rec, ctx, self.stop, tag, n).run, daemon=True) for n in range(shoppers)]

    def __enter__(self):
        self.t0 = now()
        for t in self.threads:
            t.start()
        return self

    def finish(self, timeout=45):
        self.stop.set()
        end = now() + timeout
        for t in self.threads:
            t.join(max(0.1, end - now()))
        self.t1 = now()

    def __exit__(self, *exc):
        self.finish()


# ================================================================ what the system says


class Alarms(threading.Thread):
    """Polls Prometheus' alerts once a second and keeps when each started firing."""

    def __init__(self):
        super().__init__(daemon=True)
        self.seen = []  # (t, {names firing})
        self.ok = False
        self.stop = threading.Event()

    def run(self):
        while not self.stop.is_set():
            st, body = T.http_get("http://127.0.0.1:%d/api/v1/alerts" % T.PORTS["prometheus"], timeout=2)
            if st == 200:
                self.ok = True
                try:
                    firing = {a["labels"]["alertname"] for a in json.loads(body)["data"]["alerts"] if a.get("state") == "firing"}
                    self.seen.append((now(), firing))
                except (ValueError, KeyError):
                    pass
            self.stop.wait(1.0)

    def fired(self, t0, t1):
        """Alarms that started firing between t0 and t1 (one already firing at t0 is not counted)."""
        before = set()
        for t, names in self.seen:
            if t < t0:
                before = names
        first = {}
        for t, names in self.seen:
            if t0 <= t <= t1:
                for n in names - before:
                    first.setdefault(n, round(t - t0, 1))
        return [{"name": n, "at_s": s} for n, s in sorted(first.items(), key=lambda x: x[1])]


def db(sql):
    return T.psql(T.PORTS["db"], sql, db=T.DB_NAME, timeout=30)


def stock_total():
    """On hand + sold, over every variant: constant while orders only take stock."""
    return int(db("select (select coalesce(sum(stock_on_hand),0) from variants) + "
                  "(select coalesce(sum(quantity),0) from order_lines)"))


def instances():
    return T.read_json(path("asg.json"), {}).get("instances", [])


def control(**kw):
    c = T.read_json(path("control.json"), {})
    c.update(kw)
    T.write_json(path("control.json"), c)
    return c


def settled(desired=None):
    ctl = T.read_json(path("control.json"), {})
    desired = desired or ctl.get("desired", 2)
    inst = instances()
    servers = T.alb_servers() or {}
    ups = [i for i in inst if i["state"] == "inservice" and servers.get(i["slot"], {}).get("status") == "UP"]
    return (len(ups) == desired and len(inst) == desired and all(i["binary"] == ctl.get("binary") for i in inst))


def baseline(timeout=150):
    """Before a fault: the group at its desired healthy count, a synchronous standby, the
    endpoints enabled."""
    T.endpoints("enable frontend s3")
    T.alb("enable frontend alb")
    control(zones_down=[], suspend=[])
    d = T.db_state()
    if not d.get("standby"):
        node = d.get("failed") or ("db-b" if d["primary"] == "db-a" else "db-a")
        print("   rebuilding the standby %s from %s" % (node, d["primary"]), flush=True)
        T.make_standby(node, d["primary"])
        T.write_json(path("db.json"), dict(d, standby=node, failed=None))
    T.wait_for(settled, timeout, "the group to settle", step=0.5)


def prime(ctx):
    """Every browse URL once through the CDN, so it is in the edge cache (as on a busy site)."""
    urls = ["/"] + ["/c/" + c for c in ctx["categories"]] + ["/p/" + v["slug"] for v in ctx["variants"]]
    urls += ctx["images"] + ["/search?q=" + w for w in SEARCH_WORDS]
    for u in sorted(set(urls)):
        request("GET", u, timeout=10)


def context():
    slugs = db("select p.slug, v.id from products p join variants v on v.product_id = p.id "
               "where p.status = 'active' and not v.archived order by p.id, v.position limit 40")
    variants = [{"slug": s, "id": int(i)} for s, i in (l.split("|") for l in slugs.splitlines())]
    cats = db("select slug from categories order by id").split()
    images = set()
    for v in variants[:40]:
        st, _, body, _, _, _ = request("GET", "/p/" + v["slug"], timeout=20)
        if st == 200:
            for m in re.finditer(r'(?:http://127\.0\.0\.1:%d)?(/media/[0-9a-f]+/[0-9]+\.(?:webp|jpg|jpeg))' % T.PORTS["cdn"],
                                 body.decode("utf-8", "replace")):
                images.add(m.group(1))
    return {"variants": variants, "categories": cats, "images": sorted(images)[:30]}


# ================================================================ figures


def pct(values, p):
    if not values:
        return None
    v = sorted(values)
    return v[min(len(v) - 1, int(round(p / 100.0 * (len(v) - 1))))]


def figures(load, t_fault, t_end, alarms, before_total, fault_id, name, target):
    reqs = load.rec.requests
    during = [r for r in reqs if t_fault <= r["t0"] <= t_end]
    p99 = pct([r["t1"] - r["t0"] for r in during], 99)
    acked = [c["order"] for c in load.rec.checkouts if c["order"]]
    present = 0
    dup = 0
    if acked:
        present = int(db("select count(*) from orders where id in (%s)" % ",".join(map(str, acked))))
    emails = [c["email"] for c in load.rec.checkouts]
    if emails:
        dup = int(db("select count(*) from (select email from orders where email in (%s) group by email having count(*) > 1) d"
                     % ",".join("'%s'" % e for e in emails)))
    after_total = stock_total()
    failed = [r for r in reqs if not r["ok"]]
    return {
        "id": fault_id, "name": name,
        "requests": len(reqs), "failed": len(failed),
        "failed_browse": sum(1 for r in failed if r["browse"]),
        "retried": sum(1 for r in reqs if r.get("attempts", 1) > 1),
        "p99_ms": round(p99 * 1000) if p99 is not None else None,
        "recover_s": None,
        "orders_acked": len(acked), "orders_present": present, "orders_duplicated": dup,
        "stock_ok": after_total == before_total,
        "alarms": alarms.fired(t_fault, t_end + 5),
        "target": target, "pass": None,
        "load_s": round(load.t1 - load.t0, 1),
    }


def orders_ok(fig):
    return fig["orders_acked"] == fig["orders_present"] and fig["orders_duplicated"] == 0 and fig["stock_ok"]


def out_of_service(status):
    """The balancer sends no new request to a target that is DOWN, draining or in maintenance."""
    return status.startswith("DOWN") or "DRAIN" in status or "MAINT" in status or status == "no check"


def watch_slot(slot, until, pred):
    """Polls the balancer until pred(status) for the slot; returns when, or None."""
    while now() < until:
        s = (T.alb_servers() or {}).get(slot, {})
        if pred(s.get("status", "")):
            return now()
        time.sleep(0.2)
    return None


def wait_recovered(t_fault, timeout, exclude=()):
    """When the group is back at its desired count of healthy instances after the fault."""
    end = t_fault + timeout
    while now() < end:
        ctl = T.read_json(path("control.json"), {})
        servers = T.alb_servers() or {}
        ups = [i for i in instances() if i["state"] == "inservice" and i["id"] not in exclude and i["binary"] == ctl.get("binary")
               and servers.get(i["slot"], {}).get("status") == "UP" and T.alive(i["pid"]) and not T.stopped(i["pid"])]
        if len(ups) >= ctl.get("desired", 2) and now() - t_fault > 1:
            return now()
        time.sleep(0.25)
    return None


# ================================================================ the faults


class Run:
    def __init__(self, args, ctx, alarms):
        self.args, self.ctx, self.alarms = args, ctx, alarms
        self.tg = T.read_json(path("state.json"))["facts"]["target_group"]
        self.grp = T.read_json(path("state.json"))["facts"]["group"]
        # the balancer's detection window: unhealthy-threshold checks, each up to the interval
        # apart plus, for a target that does not answer, the check's timeout
        self.window = self.tg["unhealthy"] * (self.tg["interval"] + self.tg["timeout"])
        self.full = args.full

    def load(self, tag, **kw):
        if self.full:
            kw = {k: v * 2 for k, v in kw.items()} or {"browsers": 8, "shoppers": 5}
        return Load(self.ctx, tag, **kw)

    def victim(self, zone=None):
        cands = [i for i in instances() if i["state"] == "inservice" and (zone is None or i["zone"] == zone)]
        return sorted(cands, key=lambda i: i["launched"])[0]

    def warm(self):
        time.sleep(6 if self.full else 3)

    # 1
    def sigterm(self):
        total0 = stock_total()
        with self.load("f1") as L:
            self.warm()
            v = self.victim()
            t = now()
            event("fault", fault=1, instance=v["id"])
            T.kill(v["pid"], signal.SIGTERM)
            lb_out = watch_slot(v["slot"], t + 90, out_of_service)
            rec = wait_recovered(t, 150, exclude=(v["id"],))
            time.sleep(3)
        fig = figures(L, t, L.t1, self.alarms, total0, 1, "An instance gets SIGTERM", "0 failed requests")
        fig["recover_s"] = round(rec - t, 1) if rec else None
        fig["lb_out_s"] = round(lb_out - t, 1) if lb_out else None
        fig["pass"] = fig["failed"] == 0 and rec is not None and orders_ok(fig)
        return fig

    def _dies(self, fid, name, sig):
        total0 = stock_total()
        with self.load("f%d" % fid) as L:
            self.warm()
            v = self.victim()
            in_flight = (T.alb_servers() or {}).get(v["slot"], {}).get("scur", 0)
            t = now()
            event("fault", fault=fid, instance=v["id"], signal=sig)
            T.kill(v["pid"], sig)
            lb_out = watch_slot(v["slot"], t + self.window + 30, out_of_service)
            rec = wait_recovered(t, self.window + 120, exclude=(v["id"],))
            time.sleep(3)
        fig = figures(L, t, L.t1, self.alarms, total0, fid, name, "")
        fig["recover_s"] = round(rec - t, 1) if rec else None
        fig["lb_out_s"] = round(lb_out - t, 1) if lb_out else None
        fig["lb_window_s"] = self.window
        fig["in_flight_at_fault"] = in_flight
        late = [r for r in L.rec.requests if not r["ok"] and lb_out and r["t0"] > lb_out + 1]
        fig["failed_after_lb_out"] = len(late)
        # tolerance: one check timeout (HAProxy's checks drift by up to that from the nominal cadence)
        fig["pass"] = (lb_out is not None and lb_out - t <= self.window + self.tg["timeout"] and rec is not None and not late
                       and orders_ok(fig))
        return fig

    # 2
    def sigkill(self):
        fig = self._dies(2, "An instance dies (SIGKILL)", signal.SIGKILL)
        fig["target"] = ("failures only until the balancer stops sending (within %ds), the group replaces it"
                         % self.window)
        return fig

    # 3
    def hang(self):
        fig = self._dies(3, "An instance hangs (SIGSTOP)", signal.SIGSTOP)
        fig["target"] = ("the balancer stops sending within %ds, the group (%s health checks) replaces it"
                         % (self.window, self.grp["health_check_type"]))
        for i in instances():  # a hung process the group kept: let it go before the next fault
            if T.stopped(i["pid"]):
                T.kill(i["pid"], signal.SIGCONT)
        return fig

    def _db_kill(self, fid, name, zone_lost):
        total0 = stock_total()
        d = T.db_state()
        primary = d["primary"]
        zone = primary[-1]
        with self.load("f%d" % fid, browsers=3, shoppers=6) as L:
            self.warm()
            t = now()
            event("fault", fault=fid, node=primary, zone_lost=zone if zone_lost else None)
            if zone_lost:
                control(zones_down=[zone])
                for i in instances():
                    if i["zone"] == zone:
                        T.kill(i["pid"], signal.SIGKILL)
            T.pg_kill(primary)
            moved = None
            end = t + float(T.read_json(path("control.json"))["promotion_delay"]) + 60
            while now() < end and moved is None:
                for e in T.events(t):
                    if e["event"] == "endpoint_moved":
                        moved = e["t"]
                time.sleep(0.2)
            after = 12 if not self.full else 30
            deadline = now() + after
            rec = None
            if zone_lost:
                rec = wait_recovered(t, self.window + 150)
            while now() < deadline:
                time.sleep(0.2)
        fig = figures(L, t, L.t1, self.alarms, total0, fid, name, "")
        fig["promotion_delay_s"] = float(T.read_json(path("control.json"))["promotion_delay"])
        fig["endpoint_moved_s"] = round(moved - t, 1) if moved else None
        first = None
        if moved:
            ok = [a["t1"] for a in L.rec.attempts if a["kind"] == "checkout" and a["status"] == 303 and a["t1"] >= moved]
            first = min(ok) if ok else None
        fig["writes_back_s"] = round(first - moved, 1) if first else None
        fig["recover_s"] = round((rec or first or t) - t, 1) if (rec or first) else None
        fig["pass"] = bool(moved and first and first - moved <= 5 and orders_ok(fig))
        if zone_lost:
            late = [r for r in L.rec.requests if not r["ok"] and r["browse"] and r["t0"] > t + self.window + 1]
            fig["failed_browse_after_window"] = len(late)
            fig["pass"] = fig["pass"] and rec is not None and not late
        return fig

    # 4
    def db_kill(self):
        fig = self._db_kill(4, "The database primary dies (SIGKILL)", False)
        fig["target"] = "writes back within 5 s of promotion; every acknowledged order present, none duplicated, stock adds up"
        return fig

    # 5
    def zone(self):
        fig = self._db_kill(5, "A zone is lost (its instances and the database primary)", True)
        fig["target"] = "served from the other zone; writes back within 5 s of promotion; orders and stock as fault 4"
        control(zones_down=[])
        return fig

    # 6
    def store(self):
        total0 = stock_total()
        prime(self.ctx)
        token = T.read_json(path("state.json"))["token"]
        images0 = int(db("select count(*) from product_images"))
        product = self.ctx["variants"][0]
        pid = int(db("select product_id from variants where id = %d" % product["id"]))
        uploads = []
        with self.load("f6") as L:
            self.warm()
            t = now()
            event("fault", fault=6)
            T.endpoints("disable frontend s3")
            end = t + (30 if self.full else 15)
            n = 100
            while now() < end:
                n += 1
                a = now()
                st, body = rehearsal.upload_image(token, pid, n)
                uploads.append({"status": st, "s": round(now() - a, 2), "clear": b"unavailable" in body})
                time.sleep(1)
            T.endpoints("enable frontend s3")
            back = now()
            ok_at = None
            while now() < back + 30:
                st, _ = rehearsal.upload_image(token, pid, 999)
                if st == 201:
                    ok_at = now()
                    break
                time.sleep(0.5)
        fig = figures(L, t, back, self.alarms, total0, 6, "The object store is down", "")
        during = [r for r in L.rec.requests if t <= r["t0"] <= back]
        pages = [r for r in during if r["kind"] in PAGE_KINDS]
        imgs = [r for r in during if r["kind"] == "image"]
        fig["pages_ok"] = sum(r["ok"] for r in pages)
        fig["pages"] = len(pages)
        fig["images_ok"] = sum(r["ok"] for r in imgs)
        fig["images"] = len(imgs)
        fig["uploads"] = len(uploads)
        fig["uploads_503"] = sum(1 for u in uploads if u["status"] == 503 and u["clear"])
        fig["upload_answer_max_s"] = max((u["s"] for u in uploads), default=None)
        images1 = int(db("select count(*) from product_images"))
        fig["half_written_referenced"] = images1 - images0 - (1 if ok_at else 0)
        fig["recover_s"] = round(ok_at - back, 1) if ok_at else None
        fig["target"] = "pages render, cached images served, uploads answer a clear 503, nothing half-written referenced"
        fig["pass"] = (fig["pages_ok"] == fig["pages"] and fig["images_ok"] == fig["images"] and fig["uploads"] > 0
                       and fig["uploads_503"] == fig["uploads"] and fig["half_written_referenced"] == 0 and orders_ok(fig))
        return fig

    # 7
    def origins(self):
        total0 = stock_total()
        prime(self.ctx)
        with self.load("f7", browsers=6, shoppers=1) as L:
            self.warm()
            t = now()
            event("fault", fault=7)
            T.alb("disable frontend alb")
            T.endpoints("disable frontend s3")
            time.sleep(30 if self.full else 15)
            T.alb("enable frontend alb")
            T.endpoints("enable frontend s3")
            back = now()
            ok_at = None
            while now() < back + 30:
                st, _, _, _, _, _ = request("GET", "/cart", timeout=5)
                if st == 200:
                    ok_at = now()
                    break
                time.sleep(0.2)
        fig = figures(L, t, back, self.alarms, total0, 7, "Every origin is down", "")
        browse = [r for r in L.rec.requests if r["browse"] and t <= r["t0"] <= back]
        fig["browse"] = len(browse)
        fig["browse_answered"] = sum(r["ok"] for r in browse)
        share = fig["browse_answered"] / len(browse) if browse else 0
        fig["browse_answered_pct"] = round(100 * share, 2)
        fig["recover_s"] = round(ok_at - back, 1) if ok_at else None
        fig["target"] = "the CDN answers >= 99% of browse requests (cached pages and images)"
        fig["pass"] = share >= 0.99
        return fig

    # 8
    def scale(self):
        total0 = stock_total()
        desired = self.grp["desired"]
        out_to = max(desired * 2, 4)
        with self.load("f8") as L:
            self.warm()
            t = now()
            event("fault", fault=8, desired=out_to)
            control(desired=out_to)
            out = wait_recovered(t, 180)
            if not self.full:
                control(desired=desired)
                T.wait_for(lambda: settled(desired), 120, "scale in")
            rel = path("releases", "r%d" % (int(t)))
            os.makedirs(rel, exist_ok=True)
            import shutil
            shutil.copy2(T.read_json(path("control.json"))["binary"], os.path.join(rel, "baobab"))
            t_rel = now()
            event("release", binary=os.path.join(rel, "baobab"))
            control(binary=os.path.join(rel, "baobab"))
            done = wait_recovered(t_rel, 600)
            if self.full:
                control(desired=desired)
                T.wait_for(lambda: settled(desired), 120, "scale in")
            time.sleep(3)
        fig = figures(L, t, L.t1, self.alarms, total0, 8, "Scale out under load, then a rolling release", "0 failed requests")
        fig["scale_out_s"] = round(out - t, 1) if out else None
        fig["release_s"] = round(done - t_rel, 1) if done else None
        fig["recover_s"] = round((done or now()) - t, 1)
        fig["pass"] = fig["failed"] == 0 and out is not None and done is not None and orders_ok(fig)
        return fig

    # 9
    def stall(self):
        total0 = stock_total()
        d = T.db_state()
        port = T.pg_node_port(d["primary"])
        pids = {i["id"] for i in instances()}
        stall = 15
        with self.load("f9", browsers=5, shoppers=5) as L:
            self.warm()
            t = now()
            event("fault", fault=9, node=d["primary"])
            # the primary waits for a synchronous standby that is not there: commits hang in SyncRep
            T.psql(port, "alter system set synchronous_standby_names = '\"gone\"'")
            T.psql(port, "select pg_reload_conf()")
            time.sleep(stall)
            T.psql(port, "alter system set synchronous_standby_names = '\"%s\"'" % d["standby"])
            T.psql(port, "select pg_reload_conf()")
            T.psql(port, "select pg_switch_wal()")  # WAL for the standby to acknowledge at once
            t_end = now()
            time.sleep(15 if not self.full else 30)
        fig = figures(L, t, t_end, self.alarms, total0, 9, "The database stalls (commits wait for a lost standby)", "")
        views = [r for r in L.rec.requests if r["kind"] in PAGE_KINDS and t <= r["t0"] <= t_end]
        fig["page_views"] = len(views)
        fig["page_views_served_pct"] = round(100.0 * sum(r["ok"] for r in views) / len(views), 2) if views else None
        co = [a for a in L.rec.attempts if a["kind"] == "checkout" and t <= a["t0"] <= t_end]
        stat = {}
        for a in L.rec.attempts:
            if t <= a["t0"] <= t_end and a["kind"] in ("checkout", "cart_add", "cart", "checkout_page"):
                k = "%s %s" % (a["kind"], a["status"] or a["err"])
                stat[k] = stat.get(k, 0) + 1
        fig["answers_during_stall"] = stat
        fig["checkout_wait_max_s"] = round(max((a["t1"] - a["t0"] for a in co), default=0), 1) if co else None
        ok = [a["t1"] for a in L.rec.attempts if a["kind"] == "checkout" and a["status"] == 303 and a["t1"] >= t_end]
        fig["orders_flow_after_s"] = round(min(ok) - t_end, 1) if ok else None
        fig["recover_s"] = fig["orders_flow_after_s"]
        restarted = [e for e in T.events(t) if e["event"] in ("unhealthy", "launch", "restart")] or [i for i in pids if i not in {x["id"] for x in instances()}]
        fig["instances_restarted"] = len(restarted)
        fig["target"] = ">= 99% page views served; checkout answers within 5 s; orders flow within 5 s after; no instance restarted"
        fig["pass"] = bool(fig["page_views_served_pct"] is not None and fig["page_views_served_pct"] >= 99
                           and fig["checkout_wait_max_s"] is not None and fig["checkout_wait_max_s"] <= 5
                           and fig["orders_flow_after_s"] is not None and fig["orders_flow_after_s"] <= 5
                           and not restarted and orders_ok(fig))
        return fig


FAULTS = [(1, "sigterm"), (2, "sigkill"), (3, "hang"), (4, "db-kill"), (5, "zone"), (6, "store"), (7, "origins"),
          (8, "scale"), (9, "stall")]


def machine():
    cpu = ""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2 ** 30
    return "%s, %d cores, %.0f GiB, %s %s" % (cpu or platform.machine(), os.cpu_count(), mem, platform.system(), platform.release())


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--full", action="store_true", help="longer load (the RDS-like promotion delay is set by up)")
    ap.add_argument("--out", default=os.path.join(T.ROOT, "deploy", "local", "figures.json"))
    ap.add_argument("--enforce", default="all",
                    help="faults whose miss fails the run: all, none, or a list like 1,2,4")
    ap.add_argument("faults", nargs="*")
    a = ap.parse_args()
    wanted = []
    for w in a.faults or [str(i) for i, _ in FAULTS]:
        for i, n in FAULTS:
            if w in (str(i), n):
                wanted.append((i, n))
                break
        else:
            raise SystemExit("no fault %s (1-9 or %s)" % (w, ", ".join(n for _, n in FAULTS)))
    enforce = {i for i, _ in FAULTS} if a.enforce == "all" else set() if a.enforce == "none" else \
        {int(x) for x in a.enforce.split(",") if x}
    if not T.read_json(path("state.json")):
        raise SystemExit("the rehearsal is not up (deploy/local/up)")
    if a.full:
        # the RDS-like failover, also on a rehearsal brought up with the short default
        control(promotion_delay=float(os.environ.get("BAOBAB_REHEARSAL_PROMOTION_DELAY", 90)))
    alarms = Alarms()
    alarms.start()
    started = now()
    print("== preparing the load (catalogue, photos, edge cache)", flush=True)
    baseline()
    ctx = context()
    if not ctx["images"]:
        print("   warning: no product photo found in the pages", flush=True)
    prime(ctx)
    run = Run(a, ctx, alarms)
    results = []
    for i, name in wanted:
        print("== fault %d (%s)" % (i, name), flush=True)
        t0 = now()
        try:
            baseline()
            fig = getattr(run, name.replace("-", "_"))()
        except (Exception, SystemExit) as e:  # noqa: BLE001 - a fault that breaks is a failed fault
            fig = {"id": i, "name": name, "pass": False, "error": repr(e)[:300]}
        fig["took_s"] = round(now() - t0, 1)
        fig["enforced"] = i in enforce
        results.append(fig)
        print("   " + json.dumps(fig), flush=True)
    alarms.stop.set()
    out = {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "machine": machine(),
        "mode": "full" if a.full else "bounded",
        "promotion_delay_s": float(T.read_json(path("control.json"))["promotion_delay"]),
        "template": {"target_group": run.tg, "group": run.grp},
        "took_s": round(now() - started, 1),
        "faults": results,
    }
    if a.out:
        with open(a.out, "w") as f:
            json.dump(out, f, indent=1)
            f.write("\n")
    print("\n%-3s %-58s %8s %6s %8s %9s %6s %6s %s" % ("#", "fault", "requests", "failed", "p99 ms", "recover s",
                                                        "orders", "stock", "pass"))
    for r in results:
        print("%-3s %-58s %8s %6s %8s %9s %6s %6s %s%s" % (
            r["id"], r["name"][:58], r.get("requests"), r.get("failed"), r.get("p99_ms"), r.get("recover_s"),
            "%s/%s" % (r.get("orders_present"), r.get("orders_acked")), r.get("stock_ok"),
            "PASS" if r.get("pass") else "MISS", "" if r.get("enforced") else " (reported only)"))
    missed = [r for r in results if not r.get("pass") and r.get("enforced")]
    passed = sum(1 for r in results if r.get("pass"))
    print("\n%d of %d faults met their targets" % (passed, len(results)))
    if missed:
        print("missed (enforced): %s" % ", ".join(str(r["id"]) for r in missed))
        sys.exit(1)


if __name__ == "__main__":
    main()
