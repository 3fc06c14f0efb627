"""Reads the AWS facts the rehearsal mirrors from deploy/aws/main.yaml and the systemd unit.

Everything the rehearsal copies from AWS comes from here, read at run time: the target group's
health check and deregistration delay, the group's size, health-check type and update policy,
the instances' environment (the baobab.env heredoc in the launch template's user data), the
CloudFront cache behaviours and policies, and the alarms' thresholds.
"""

import json
import os
import re

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
TEMPLATE = os.path.join(ROOT, "deploy", "aws", "main.yaml")
UNIT = os.path.join(ROOT, "deploy", "aws", "release", "baobab.service")

# AWS-managed cache policies the template names by id (their settings are AWS's, not ours).
MANAGED_CACHE_POLICIES = {
    "658327ea-f89d-4fab-a63d-7e88639e58f6": {  # Managed-CachingOptimized
        "name": "CachingOptimized", "min": 1, "default": 86400, "max": 31536000,
        "cookies": [], "headers": [], "query": False,
    },
    "4135ea2d-6df8-44a3-9df3-4b5a84be39ad": {  # Managed-CachingDisabled
        "name": "CachingDisabled", "min": 0, "default": 0, "max": 0,
        "cookies": [], "headers": [], "query": False,
    },
}


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps CloudFormation's short-form intrinsics (!Ref, !Sub, ...) as dicts."""


def _intrinsic(loader, suffix, node):
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    return {"Ref" if suffix == "Ref" else "Fn::" + suffix: value}


_Loader.add_multi_constructor("!", _intrinsic)


def load(path=TEMPLATE):
    with open(path) as f:
        return yaml.load(f, Loader=_Loader)


def _value(t, v):
    """A property's value with !Ref to a parameter replaced by the parameter's default."""
    if isinstance(v, dict) and "Ref" in v:
        p = t.get("Parameters", {}).get(v["Ref"])
        if p is None or "Default" not in p:
            raise ValueError("%s has no default to rehearse with" % v["Ref"])
        return p["Default"]
    return v


def _resources(t, type_):
    return {k: r for k, r in t["Resources"].items() if r.get("Type") == type_}


def _one(t, type_):
    rs = _resources(t, type_)
    if len(rs) != 1:
        raise ValueError("expected one %s in the template, found %d" % (type_, len(rs)))
    return next(iter(rs.values()))


def target_group(t):
    p = _one(t, "AWS::ElasticLoadBalancingV2::TargetGroup")["Properties"]
    attrs = {a["Key"]: _value(t, a["Value"]) for a in p.get("TargetGroupAttributes", [])}
    return {
        "path": p.get("HealthCheckPath", "/"),
        "interval": int(p.get("HealthCheckIntervalSeconds", 30)),
        "timeout": int(p.get("HealthCheckTimeoutSeconds", 5)),
        "healthy": int(p.get("HealthyThresholdCount", 5)),
        "unhealthy": int(p.get("UnhealthyThresholdCount", 2)),
        "matcher": str(p.get("Matcher", {}).get("HttpCode", "200")),
        "deregistration_delay": int(attrs.get("deregistration_delay.timeout_seconds", 300)),
        "algorithm": attrs.get("load_balancing.algorithm.type", "round_robin"),
        "port": int(p.get("Port", 80)),
    }


def group(t):
    r = _one(t, "AWS::AutoScaling::AutoScalingGroup")
    p = r["Properties"]
    upd = r.get("UpdatePolicy", {}).get("AutoScalingRollingUpdate", {})
    return {
        "min": int(_value(t, p["MinSize"])),
        "max": int(_value(t, p["MaxSize"])),
        "desired": int(_value(t, p.get("DesiredCapacity", p["MinSize"]))),
        "health_check_type": p.get("HealthCheckType", "EC2"),
        "grace_period": int(p.get("HealthCheckGracePeriod", 300)),
        "min_in_service": int(upd.get("MinInstancesInService", 0)),
        "max_batch": int(upd.get("MaxBatchSize", 1)),
    }


def instance_env(t):
    """The baobab.env lines the launch template's user data writes, ${...} left as they are."""
    lt = _one(t, "AWS::EC2::LaunchTemplate")["Properties"]["LaunchTemplateData"]
    ud = lt["UserData"]["Fn::Base64"]
    text = ud["Fn::Sub"] if isinstance(ud, dict) else ud
    if isinstance(text, list):
        text = text[0]
    m = re.search(r"cat > /etc/baobab/baobab\.env <<(\w+)\n(.*?)\n\s*\1\n", text, re.S)
    if not m:
        raise ValueError("no baobab.env heredoc in the launch template's user data")
    env = {}
    for line in m.group(2).splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            k, _, v = line.partition("=")
            env[k] = v
    return env


def parameter_default(t, name):
    return t["Parameters"][name]["Default"]


def unit():
    """ExecStart arguments, environment files and stop settings of the systemd unit."""
    out = {"args": [], "env_files": [], "kill_signal": "SIGTERM", "timeout_stop": 90}
    with open(UNIT) as f:
        for line in f:
            line = line.strip()
            k, _, v = line.partition("=")
            if k == "ExecStart":
                out["args"] = v.split()[1:]
            elif k == "EnvironmentFile":
                out["env_files"].append(v)
            elif k == "KillSignal":
                out["kill_signal"] = v
            elif k == "TimeoutStopSec":
                out["timeout_stop"] = int(v)
    return out


def _cache_policy(t, ref):
    if isinstance(ref, str):
        if ref not in MANAGED_CACHE_POLICIES:
            raise ValueError("unknown managed cache policy %s" % ref)
        return dict(MANAGED_CACHE_POLICIES[ref])
    name = ref["Ref"]
    c = t["Resources"][name]["Properties"]["CachePolicyConfig"]
    k = c["ParametersInCacheKeyAndForwardedToOrigin"]
    cookies = k.get("CookiesConfig", {})
    headers = k.get("HeadersConfig", {})
    return {
        "name": name, "min": int(c.get("MinTTL", 0)), "default": int(c.get("DefaultTTL", 0)),
        "max": int(c.get("MaxTTL", 0)),
        "cookies": cookies.get("Cookies", []) if cookies.get("CookieBehavior") == "whitelist" else [],
        "headers": headers.get("Headers", []) if headers.get("HeaderBehavior") == "whitelist" else [],
        "query": k.get("QueryStringsConfig", {}).get("QueryStringBehavior", "none") != "none",
    }


def _origin_request(t, ref):
    if ref is None:
        return None
    c = t["Resources"][ref["Ref"]]["Properties"]["OriginRequestPolicyConfig"]
    cookies = c.get("CookiesConfig", {})
    headers = c.get("HeadersConfig", {})
    return {
        "name": ref["Ref"],
        "cookies": cookies.get("Cookies", []) if cookies.get("CookieBehavior") == "whitelist" else [],
        "headers": headers.get("Headers", []) if headers.get("HeaderBehavior") == "whitelist" else [],
    }


def distribution(t):
    """Cache behaviours in CloudFront's order (first match wins, the default last)."""
    d = _one(t, "AWS::CloudFront::Distribution")["Properties"]["DistributionConfig"]
    origins = {}
    for o in d["Origins"]:
        origins[o["Id"]] = {
            "kind": "s3" if "S3OriginConfig" in o else "custom",
            "headers": [h["HeaderName"] for h in o.get("OriginCustomHeaders", [])],
            "read_timeout": int(o.get("CustomOriginConfig", {}).get("OriginReadTimeout", 30)),
        }

    def behaviour(b, path):
        return {
            "path": path,
            "origin": b["TargetOriginId"],
            "methods": b.get("AllowedMethods", ["GET", "HEAD"]),
            "cache": _cache_policy(t, b["CachePolicyId"]),
            "forward": _origin_request(t, b.get("OriginRequestPolicyId")),
            # viewer-request functions by resource name (e.g. LanguageFunction)
            "functions": [
                name for f in b.get("FunctionAssociations", [])
                for name in t["Resources"] if name in json.dumps(f["FunctionARN"])
            ],
        }

    bs = [behaviour(b, b["PathPattern"]) for b in d.get("CacheBehaviors", [])]
    bs.append(behaviour(d["DefaultCacheBehavior"], "*"))
    languages = parameter_default(t, "ShopLanguages").split(",") if "ShopLanguages" in t.get("Parameters", {}) else []
    return {"origins": origins, "behaviours": bs, "languages": languages}


def alarms(t):
    """The alarms the rehearsal mirrors, with their thresholds and what they say."""
    rs = _resources(t, "AWS::CloudWatch::Alarm")
    out = {}
    for name in ("HealthyHostsLowAlarm", "Alb5xxRateAlarm", "TargetLatencyP99Alarm", "UnhealthyHostsAlarm"):
        if name in rs:
            p = rs[name]["Properties"]
            out[name] = {
                "threshold": float(_value(t, p["Threshold"])),
                "periods": int(p.get("DatapointsToAlarm", p.get("EvaluationPeriods", 1))),
                "description": p.get("AlarmDescription", ""),
            }
    return out


def facts():
    t = load()
    return {
        "target_group": target_group(t),
        "group": group(t),
        "env": instance_env(t),
        "shutdown_timeout": int(parameter_default(t, "ShutdownTimeoutSeconds")),
        "unit": unit(),
        "cdn": distribution(t),
        "alarms": alarms(t),
    }


if __name__ == "__main__":
    import json
    print(json.dumps(facts(), indent=2))
