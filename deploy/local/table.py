#!/usr/bin/env python3
"""Prints deploy/local/figures.json (or the file given) as the Markdown table of docs/resilience.md."""

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

KEY_FIGURES = {
    1: [("lb_out_s", "balancer stopped sending after %s s")],
    2: [("in_flight_at_fault", "%s in flight"), ("lb_out_s", "balancer out after %s s"),
        ("failed_after_lb_out", "%s failed after that")],
    3: [("lb_out_s", "balancer out after %s s")],
    4: [("endpoint_moved_s", "endpoint moved after %s s"), ("writes_back_s", "writes back %s s later")],
    5: [("endpoint_moved_s", "endpoint moved after %s s"), ("writes_back_s", "writes back %s s later"),
        ("failed_browse_after_window", "%s browse failures after the window")],
    6: [("pages", "%s page views"), ("pages_ok", "%s rendered"), ("images", "%s photo requests"), ("images_ok", "%s served"),
        ("uploads", "%s uploads"), ("uploads_503", "%s answered 503 \"unavailable\""),
        ("upload_answer_max_s", "within %s s"), ("half_written_referenced", "%s half-written referenced")],
    7: [("browse_answered_pct", "%s%% of browse requests answered"), ("browse", "of %s")],
    8: [("scale_out_s", "2→4 in %s s"), ("release_s", "release in %s s")],
    9: [("page_views_served_pct", "%s%% page views served"), ("checkout_wait_max_s", "checkout waited up to %s s"),
        ("orders_flow_after_s", "orders flow %s s after"), ("instances_restarted", "%s instances restarted")],
}


def cell(v):
    return "–" if v is None else str(v)


def main():
    f = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "figures.json")
    with open(f) as fh:
        d = json.load(fh)
    print("Measured %s on %s, mode %s (promotion delay %s s), %s s in all.\n" % (
        d["date"], d["machine"], d["mode"], d.get("promotion_delay_s"), d.get("took_s")))
    print("| # | fault | requests | failed | p99 ms | recover s | orders acked / present / duplicated | stock adds up | "
          "alarms (s after the fault) | key figures | target | pass |")
    print("| --- | --- | ---: | ---: | ---: | ---: | --- | --- | --- | --- | --- | --- |")
    for r in d["faults"]:
        alarms = ", ".join("%s %s" % (a["name"], a["at_s"]) for a in r.get("alarms", [])) or "none"
        key = "; ".join(fmt % r[k] for k, fmt in KEY_FIGURES.get(r["id"], []) if r.get(k) is not None)
        if r.get("error"):
            key = "error: " + r["error"]
        print("| %s | %s | %s | %s | %s | %s | %s / %s / %s | %s | %s | %s | %s | %s |" % (
            r["id"], r.get("name"), cell(r.get("requests")),
            cell(r.get("failed")) + (" (%s retried)" % r["retried"] if r.get("retried") else ""), cell(r.get("p99_ms")),
            cell(r.get("recover_s")), cell(r.get("orders_acked")), cell(r.get("orders_present")),
            cell(r.get("orders_duplicated")), {True: "yes", False: "**no**"}.get(r.get("stock_ok"), "–"), alarms, key,
            r.get("target", ""), "yes" if r.get("pass") else "**no**"))


if __name__ == "__main__":
    main()
