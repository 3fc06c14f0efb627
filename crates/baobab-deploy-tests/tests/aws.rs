//! Topology and policy checks of deploy/aws: what cfn-lint, checkov and cfn-guard cannot see
//! (how resources connect), plus the diagram and the release files against the templates.

use baobab_deploy_tests::{TEMPLATES, Template, as_get_att, as_ref, as_sub, deploy_dir, references, repo_root};
use serde_yaml::Value;
use std::collections::{BTreeMap, BTreeSet};

fn main_stack() -> Template {
    Template::load("main.yaml")
}

fn s(v: &Value) -> &str {
    v.as_str().unwrap_or_else(|| panic!("expected a string, got {v:?}"))
}

fn props(r: &Value) -> &Value {
    &r["Properties"]
}

// ------------------------------------------------------------------ network

/// `{Fn::Select: [i, {Fn::GetAZs: ""}]}` → i
fn az_index(v: &Value) -> u64 {
    let sel = v["Fn::Select"].as_sequence().expect("AvailabilityZone is Fn::Select over Fn::GetAZs");
    assert!(sel[1].as_mapping().is_some_and(|m| m.contains_key("Fn::GetAZs")), "AZ from Fn::GetAZs: {v:?}");
    sel[0].as_u64().expect("literal AZ index")
}

#[test]
fn subnets_span_two_distinct_availability_zones_in_every_tier() {
    let t = main_stack();
    let subnets = t.of_type("AWS::EC2::Subnet");
    assert_eq!(subnets.len(), 6, "public, app and database subnets, two of each");
    let mut tiers: BTreeMap<String, BTreeSet<u64>> = BTreeMap::new();
    let mut cidr_blocks = BTreeSet::new();
    for (id, r) in &subnets {
        let tier = id.trim_end_matches(char::is_numeric).to_string();
        let az = az_index(&props(r)["AvailabilityZone"]);
        assert!(tiers.entry(tier).or_default().insert(az), "{id}: two subnets of one tier in one AZ");
        assert!(cidr_blocks.insert(format!("{:?}", props(r)["CidrBlock"])), "{id}: CIDR reused");
        assert_eq!(props(r)["MapPublicIpOnLaunch"], Value::Bool(false), "{id}: no automatic public IPs");
    }
    let expected: BTreeSet<u64> = [0, 1].into();
    assert_eq!(tiers.len(), 3, "{tiers:?}");
    for (tier, azs) in &tiers {
        assert_eq!(azs, &expected, "{tier} spans AZ index 0 and 1");
    }
    // the load balancer, the instances and the database each use both AZs
    let lb = t.resource("LoadBalancer");
    let lb_subnets: Vec<_> = props(lb)["Subnets"].as_sequence().unwrap().iter().map(|v| as_ref(v).unwrap()).collect();
    assert_eq!(lb_subnets, ["PublicSubnet1", "PublicSubnet2"]);
    let asg = t.resource("AppAutoScalingGroup");
    let asg_subnets: Vec<_> = props(asg)["VPCZoneIdentifier"].as_sequence().unwrap().iter().map(|v| as_ref(v).unwrap()).collect();
    assert_eq!(asg_subnets, ["AppSubnet1", "AppSubnet2"]);
    let db_group = t.resource("DbSubnetGroup");
    let db_subnets: Vec<_> = props(db_group)["SubnetIds"].as_sequence().unwrap().iter().map(|v| as_ref(v).unwrap()).collect();
    assert_eq!(db_subnets, ["DbSubnet1", "DbSubnet2"]);
    assert_eq!(as_ref(&props(t.resource("Database"))["DBSubnetGroupName"]), Some("DbSubnetGroup"));
    assert_eq!(props(t.resource("Database"))["MultiAZ"], Value::Bool(true));
}

/// route table of each subnet
fn route_table_of(t: &Template) -> BTreeMap<String, String> {
    t.of_type("AWS::EC2::SubnetRouteTableAssociation")
        .into_iter()
        .map(|(_, r)| (as_ref(&props(r)["SubnetId"]).unwrap().to_string(), as_ref(&props(r)["RouteTableId"]).unwrap().to_string()))
        .collect()
}

/// routes of a route table: (destination, target kind, target)
fn routes_of(t: &Template, table: &str) -> Vec<(String, String, String)> {
    t.of_type("AWS::EC2::Route")
        .into_iter()
        .filter(|(_, r)| as_ref(&props(r)["RouteTableId"]) == Some(table))
        .map(|(id, r)| {
            let p = props(r);
            let dest = p["DestinationCidrBlock"].as_str().or(p["DestinationIpv6CidrBlock"].as_str()).unwrap_or("?").to_string();
            let (kind, target) = [
                "GatewayId",
                "NatGatewayId",
                "TransitGatewayId",
                "VpcPeeringConnectionId",
                "NetworkInterfaceId",
                "InstanceId",
                "EgressOnlyInternetGatewayId",
            ]
            .iter()
            .find_map(|k| (!p[*k].is_null()).then(|| (k.to_string(), format!("{:?}", p[*k]))))
            .unwrap_or_else(|| panic!("{id}: route without target"));
            (dest, kind, target)
        })
        .collect()
}

#[test]
fn database_subnets_have_no_route_out_and_app_subnets_leave_only_through_nat() {
    let t = main_stack();
    let tables = route_table_of(&t);
    assert_eq!(tables.len(), 6, "every subnet has an explicit route table: {tables:?}");
    for db in ["DbSubnet1", "DbSubnet2"] {
        let table = &tables[db];
        assert!(routes_of(&t, table).is_empty(), "{db}: route table {table} must hold only the local route");
        // and no gateway endpoint adds an S3 route there either
        for (id, ep) in t.of_type("AWS::EC2::VPCEndpoint") {
            let ids: Vec<_> = props(ep)["RouteTableIds"].as_sequence().into_iter().flatten().filter_map(as_ref).collect();
            assert!(!ids.contains(&table.as_str()), "{id} routes from the database subnets");
        }
        for (app, _) in [("AppSubnet1", 0), ("AppSubnet2", 1)] {
            assert_ne!(&tables[app], table, "database and app subnets share a route table");
        }
    }
    for app in ["AppSubnet1", "AppSubnet2"] {
        let routes = routes_of(&t, &tables[app]);
        assert_eq!(routes.len(), 1, "{app}: only a default route: {routes:?}");
        assert_eq!(routes[0].0, "0.0.0.0/0");
        assert_eq!(routes[0].1, "NatGatewayId", "{app} reaches the internet only through NAT");
    }
    for public in ["PublicSubnet1", "PublicSubnet2"] {
        let routes = routes_of(&t, &tables[public]);
        assert_eq!(routes.len(), 1);
        assert_eq!((routes[0].0.as_str(), routes[0].1.as_str()), ("0.0.0.0/0", "GatewayId"));
        assert!(routes[0].2.contains("InternetGateway"));
    }
    // NAT gateways sit in public subnets; the second one exists only in per-AZ mode
    for (id, nat) in t.of_type("AWS::EC2::NatGateway") {
        let subnet = as_ref(&props(nat)["SubnetId"]).unwrap();
        assert!(subnet.starts_with("PublicSubnet"), "{id} in {subnet}");
    }
    assert_eq!(t.resource("NatGateway2")["Condition"].as_str(), Some("NatPerAz"));
    assert!(t.resource("NatGateway1")["Condition"].is_null(), "one NAT gateway always exists");
    assert_eq!(t.parameter("NatGatewayMode")["Default"].as_str(), Some("single"));
    // S3 gateway endpoint for the app subnets, flow logs for the VPC
    let ep = t.resource("S3GatewayEndpoint");
    assert_eq!(props(ep)["VpcEndpointType"].as_str(), Some("Gateway"));
    let fl = t.resource("VpcFlowLog");
    assert_eq!(as_ref(&props(fl)["ResourceId"]), Some("Vpc"));
    assert_eq!(props(fl)["TrafficType"].as_str(), Some("ALL"));
}

// ------------------------------------------------------------------ security groups

#[derive(Debug, PartialEq, Eq, PartialOrd, Ord, Clone)]
struct Rule {
    from: String,
    to: String,
    port: i64,
}

fn source_of(rule: &Value) -> String {
    if let Some(sg) = as_ref(&rule["SourceSecurityGroupId"]).or(as_get_att(&rule["SourceSecurityGroupId"]).map(|(a, _)| a)) {
        return sg.to_string();
    }
    if let Some(pl) = as_ref(&rule["SourcePrefixListId"]) {
        return format!("prefix-list:{pl}");
    }
    for key in ["CidrIp", "CidrIpv6"] {
        if let Some(c) = rule[key].as_str() {
            return format!("cidr:{c}");
        }
    }
    panic!("ingress rule without a recognised source: {rule:?}")
}

fn destination_of(rule: &Value) -> String {
    if let Some(sg) = as_ref(&rule["DestinationSecurityGroupId"]) {
        return sg.to_string();
    }
    for key in ["CidrIp", "CidrIpv6"] {
        if let Some(c) = rule[key].as_str() {
            return format!("cidr:{c}");
        }
    }
    panic!("egress rule without a recognised destination: {rule:?}")
}

fn port(rule: &Value) -> i64 {
    if rule["IpProtocol"].as_str() == Some("-1") {
        return -1;
    }
    let from = rule["FromPort"].as_i64().expect("FromPort");
    assert_eq!(rule["ToPort"].as_i64(), Some(from), "single ports only: {rule:?}");
    from
}

#[test]
fn security_groups_chain_cloudfront_to_alb_to_app_to_database_and_nothing_else() {
    let t = main_stack();
    let mut ingress = BTreeSet::new();
    let mut egress = BTreeSet::new();
    for (id, sg) in t.of_type("AWS::EC2::SecurityGroup") {
        for r in props(sg)["SecurityGroupIngress"].as_sequence().into_iter().flatten() {
            ingress.insert(Rule { from: source_of(r), to: id.clone(), port: port(r) });
        }
        for r in props(sg)["SecurityGroupEgress"].as_sequence().into_iter().flatten() {
            egress.insert(Rule { from: id.clone(), to: destination_of(r), port: port(r) });
        }
    }
    for (_, r) in t.of_type("AWS::EC2::SecurityGroupIngress") {
        let p = props(r);
        ingress.insert(Rule { from: source_of(p), to: as_ref(&p["GroupId"]).unwrap().into(), port: port(p) });
    }
    for (_, r) in t.of_type("AWS::EC2::SecurityGroupEgress") {
        let p = props(r);
        egress.insert(Rule { from: as_ref(&p["GroupId"]).unwrap().into(), to: destination_of(p), port: port(p) });
    }
    let rule = |from: &str, to: &str, port| Rule { from: from.into(), to: to.into(), port };
    let expected_ingress: BTreeSet<_> = [
        rule("prefix-list:CloudFrontPrefixListId", "AlbSecurityGroup", 443),
        rule("AlbSecurityGroup", "AppSecurityGroup", 8080),
        rule("AppSecurityGroup", "DbSecurityGroup", 5432),
    ]
    .into();
    assert_eq!(ingress, expected_ingress, "ingress is exactly CloudFront → ALB → app → DB");
    let expected_egress: BTreeSet<_> = [
        rule("AlbSecurityGroup", "AppSecurityGroup", 8080),
        rule("AppSecurityGroup", "DbSecurityGroup", 5432),
        rule("AppSecurityGroup", "cidr:0.0.0.0/0", 443), // AWS APIs, payment providers (NAT / S3 endpoint)
        rule("AppSecurityGroup", "cidr:0.0.0.0/0", 587), // SMTP submission (Amazon SES)
        rule("DbSecurityGroup", "cidr:127.0.0.1/32", -1), // i.e. nothing
    ]
    .into();
    assert_eq!(egress, expected_egress);
    // the prefix list parameter is the CloudFront origin-facing list
    let pl = t.parameter("CloudFrontPrefixListId");
    assert!(s(&pl["Description"]).contains("cloudfront.origin-facing"));

    // who wears which group
    let groups = |v: &Value| -> Vec<String> { v.as_sequence().unwrap().iter().map(|g| as_ref(g).unwrap().to_string()).collect() };
    assert_eq!(groups(&props(t.resource("LoadBalancer"))["SecurityGroups"]), ["AlbSecurityGroup"]);
    assert_eq!(groups(&props(t.resource("LaunchTemplate"))["LaunchTemplateData"]["SecurityGroupIds"]), ["AppSecurityGroup"]);
    assert_eq!(groups(&props(t.resource("Database"))["VPCSecurityGroups"]), ["DbSecurityGroup"]);
    assert_eq!(props(t.resource("Database"))["PubliclyAccessible"], Value::Bool(false));
    // the target group port is the app port the chain opens
    assert_eq!(props(t.resource("TargetGroup"))["Port"].as_i64(), Some(8080));
}

#[test]
fn alb_forwards_only_requests_carrying_the_cloudfront_secret_header() {
    let t = main_stack();
    let https = props(t.resource("HttpsListener"));
    assert_eq!(https["Protocol"].as_str(), Some("HTTPS"));
    assert!(s(&https["SslPolicy"]).starts_with("ELBSecurityPolicy-TLS13-"));
    assert_eq!(as_ref(&https["Certificates"][0]["CertificateArn"]), Some("AlbCertificateArn"));
    let default = &https["DefaultActions"][0];
    assert_eq!(default["Type"].as_str(), Some("fixed-response"));
    assert_eq!(default["FixedResponseConfig"]["StatusCode"].as_str(), Some("403"));
    let rules = t.of_type("AWS::ElasticLoadBalancingV2::ListenerRule");
    assert_eq!(rules.len(), 1);
    let rule = props(rules[0].1);
    let header = &rule["Conditions"][0]["HttpHeaderConfig"];
    assert_eq!(header["HttpHeaderName"].as_str(), Some("X-Origin-Verify"));
    let expected = as_sub(&header["Values"][0]).unwrap();
    assert!(expected.starts_with("{{resolve:secretsmanager:${OriginSecret}"));
    assert_eq!(as_ref(&rule["Actions"][0]["TargetGroupArn"]), Some("TargetGroup"));
    // CloudFront sends the same secret
    let cdn = &props(t.resource("Distribution"))["DistributionConfig"];
    let alb_origin = cdn["Origins"].as_sequence().unwrap().iter().find(|o| o["Id"].as_str() == Some("alb")).unwrap();
    let sent = &alb_origin["OriginCustomHeaders"][0];
    assert_eq!(sent["HeaderName"].as_str(), Some("X-Origin-Verify"));
    assert_eq!(as_sub(&sent["HeaderValue"]), Some(expected));
    assert_eq!(alb_origin["CustomOriginConfig"]["OriginProtocolPolicy"].as_str(), Some("https-only"));
    // port 80 only redirects
    let http = props(t.resource("HttpRedirectListener"));
    assert_eq!(http["DefaultActions"][0]["Type"].as_str(), Some("redirect"));
    assert_eq!(http["DefaultActions"][0]["RedirectConfig"]["Protocol"].as_str(), Some("HTTPS"));
    // attributes
    let attrs: BTreeMap<&str, &Value> = props(t.resource("LoadBalancer"))["LoadBalancerAttributes"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|a| (s(&a["Key"]), &a["Value"]))
        .collect();
    assert_eq!(attrs["routing.http.drop_invalid_header_fields.enabled"].as_str(), Some("true"));
    assert_eq!(attrs["access_logs.s3.enabled"].as_str(), Some("true"));
    assert_eq!(as_ref(attrs["access_logs.s3.bucket"]), Some("LogBucket"));
    assert_eq!(as_ref(attrs["deletion_protection.enabled"]), Some("AlbDeletionProtection"));
}

// ------------------------------------------------------------------ app and shutdown

fn user_data(t: &Template) -> String {
    let ud = &props(t.resource("LaunchTemplate"))["LaunchTemplateData"]["UserData"]["Fn::Base64"];
    as_sub(ud).expect("user data is Fn::Base64 of Fn::Sub").to_string()
}

fn env_value<'a>(text: &'a str, key: &str) -> &'a str {
    text.lines().map(str::trim).find_map(|l| l.strip_prefix(&format!("{key}="))).unwrap_or_else(|| panic!("{key} not set"))
}

#[test]
fn health_check_drain_and_deregistration_match_the_app_shutdown() {
    let t = main_stack();
    let tg = props(t.resource("TargetGroup"));
    // One shallow check for the ALB and the group: /healthz (the process answers, 503 while
    // draining). /readyz is deep (database, media) and would fail on every instance at once
    // during a database failover.
    assert_eq!(tg["HealthCheckPath"].as_str(), Some("/healthz"));
    assert!(tg["HealthCheckTimeoutSeconds"].as_i64().unwrap() < tg["HealthCheckIntervalSeconds"].as_i64().unwrap());
    let interval = tg["HealthCheckIntervalSeconds"].as_i64().unwrap();
    let unhealthy = tg["UnhealthyThresholdCount"].as_i64().unwrap();
    let ud = user_data(&t);
    let drain: i64 = env_value(&ud, "BAOBAB_SHUTDOWN__DRAIN_SECONDS").parse().unwrap();
    assert_eq!(drain, interval * unhealthy, "the app drains as long as the ALB takes to see /healthz fail");
    let dereg = tg["TargetGroupAttributes"]
        .as_sequence()
        .unwrap()
        .iter()
        .find(|a| a["Key"].as_str() == Some("deregistration_delay.timeout_seconds"))
        .unwrap();
    assert_eq!(as_ref(&dereg["Value"]), Some("ShutdownTimeoutSeconds"));
    assert_eq!(env_value(&ud, "BAOBAB_SHUTDOWN__TIMEOUT_SECONDS"), "${ShutdownTimeoutSeconds}");
    // systemd waits longer than drain + the largest allowed timeout
    let max_timeout = t.parameter("ShutdownTimeoutSeconds")["MaxValue"].as_i64().unwrap();
    let unit = std::fs::read_to_string(deploy_dir().join("release/baobab.service")).unwrap();
    let stop: i64 = env_value(&unit, "TimeoutStopSec").parse().unwrap();
    assert!(stop > drain + max_timeout, "TimeoutStopSec {stop} <= {drain} + {max_timeout}");
    // the app's own settings
    assert_eq!(env_value(&ud, "BAOBAB_LISTEN"), "0.0.0.0:8080");
    assert_eq!(env_value(&ud, "BAOBAB_METRICS_LISTEN"), "127.0.0.1:9090");
    assert_eq!(env_value(&ud, "BAOBAB_LOG_FORMAT"), "json");
    assert_eq!(env_value(&ud, "BAOBAB_HSTS"), "true");
    assert_eq!(env_value(&ud, "BAOBAB_PUBLIC_URL"), "https://${DomainName}");
    // the app offers the languages the CDN keys pages on, with the same default
    assert_eq!(env_value(&ud, "BAOBAB_I18N__LANGUAGES"), "${ShopLanguages}");
    // the app refuses unknown BAOBAB_* keys at start: every one set here must be documented
    let readme = std::fs::read_to_string(repo_root().join("README.md")).unwrap();
    let mut set = 0;
    for line in ud.lines().map(str::trim).filter(|l| l.starts_with("BAOBAB_")) {
        let key = line.split('=').next().unwrap();
        assert!(readme.contains(&format!("`{key}`")), "{key} is not a configuration key of the app (README)");
        set += 1;
    }
    assert!(set >= 9, "{set} settings");
}

#[test]
fn instances_boot_safely_and_a_broken_release_fails_the_deploy() {
    let t = main_stack();
    let lt = &props(t.resource("LaunchTemplate"))["LaunchTemplateData"];
    assert_eq!(lt["MetadataOptions"]["HttpTokens"].as_str(), Some("required"));
    assert!(lt["KeyName"].is_null(), "no SSH key");
    let ebs = &lt["BlockDeviceMappings"][0]["Ebs"];
    assert_eq!((ebs["VolumeType"].as_str(), &ebs["Encrypted"]), (Some("gp3"), &Value::Bool(true)));
    let asg = t.resource("AppAutoScalingGroup");
    assert_eq!(props(asg)["MinSize"].as_str(), Some("2"));
    assert_eq!(as_ref(&props(asg)["DesiredCapacity"]), Some("DesiredCapacity"));
    assert_eq!(as_ref(&props(asg)["MaxSize"]), Some("MaxSize"));
    // The group acts on the ALB's shallow /healthz: a hung or dead process is replaced, while a
    // database failover (which fails /readyz everywhere) replaces nothing.
    assert_eq!(props(asg)["HealthCheckType"].as_str(), Some("ELB"));
    let grace = props(asg)["HealthCheckGracePeriod"].as_i64().unwrap();
    assert!((300..=900).contains(&grace), "grace period {grace}s: covers the bootstrap, not much more");
    let tg = props(t.resource("TargetGroup"));
    assert_eq!(tg["HealthCheckPath"].as_str(), Some("/healthz"), "the group and the ALB act on one shallow check");
    assert_eq!(as_ref(&props(asg)["TargetGroupARNs"][0]), Some("TargetGroup"));
    assert_eq!(as_get_att(&props(asg)["LaunchTemplate"]["Version"]), Some(("LaunchTemplate", "LatestVersionNumber")));
    assert_eq!(as_ref(&asg["CreationPolicy"]["ResourceSignal"]["Count"]), Some("DesiredCapacity"));
    let rolling = &asg["UpdatePolicy"]["AutoScalingRollingUpdate"];
    assert_eq!(rolling["WaitOnResourceSignals"], Value::Bool(true));
    assert_eq!(rolling["MinInstancesInService"].as_i64(), Some(2));
    assert!(t.parameter("MaxSize")["MinValue"].as_i64().unwrap() > 2, "room for one more during a rolling update");
    // target tracking on requests per target and on CPU
    let kinds: BTreeSet<_> = t
        .of_type("AWS::AutoScaling::ScalingPolicy")
        .into_iter()
        .map(|(_, p)| s(&props(p)["TargetTrackingConfiguration"]["PredefinedMetricSpecification"]["PredefinedMetricType"]).to_string())
        .collect();
    assert_eq!(kinds, ["ALBRequestCountPerTarget".to_string(), "ASGAverageCPUUtilization".to_string()].into());
    // the bootstrap: verify, migrate, serve, wait for /readyz, signal
    let ud = user_data(&t);
    let order = [
        "aws s3 cp",
        "sha256sum --check",
        "baobab-install",
        "baobab-migrate",
        "systemctl enable --now baobab.service",
        "http://127.0.0.1:8080/readyz",
        "signal 0",
    ];
    let mut at = 0;
    for step in order {
        let i = ud[at..].find(step).unwrap_or_else(|| panic!("user data: `{step}` missing or out of order"));
        at += i + step.len();
    }
    assert!(ud.contains("set -euo pipefail") && ud.contains("trap 'echo \"bootstrap failed at line $LINENO\"; signal 1' ERR"));
    assert!(ud.contains("--resource AppAutoScalingGroup"));
    assert!(ud.contains("${ReleaseSha256}"));
    for script in ["baobab-install", "baobab-migrate", "baobab-db-url", "baobab-app-secrets"] {
        assert!(deploy_dir().join("release").join(script).is_file(), "{script} ships in the release");
    }
    let migrate = std::fs::read_to_string(deploy_dir().join("release/baobab-migrate")).unwrap();
    assert!(migrate.contains("bin/baobab\" migrate"));
    // the app secret reaches the service at boot and within a minute of a change
    assert!(ud.contains("APP_SECRET_ARN=${AppSecret}"));
    let install = std::fs::read_to_string(deploy_dir().join("release/baobab-install")).unwrap();
    assert!(install.contains("bin/baobab-app-secrets\""));
    let unit = std::fs::read_to_string(deploy_dir().join("release/baobab.service")).unwrap();
    assert!(unit.contains("EnvironmentFile=-/etc/baobab/secrets.env"));
    let refresh = std::fs::read_to_string(deploy_dir().join("release/baobab-db-secret.service")).unwrap();
    assert!(refresh.contains("baobab-app-secrets --restart-on-change"));
    let release = std::fs::read_to_string(repo_root().join("scripts/release")).unwrap();
    assert!(release.contains("deploy/aws/release/baobab-app-secrets"), "the release packs it");
}

#[test]
fn instance_role_is_least_privilege() {
    let t = main_stack();
    let role = props(t.resource("InstanceRole"));
    let managed: Vec<_> = role["ManagedPolicyArns"].as_sequence().unwrap().iter().map(|v| as_sub(v).unwrap()).collect();
    assert_eq!(managed, ["arn:${AWS::Partition}:iam::aws:policy/AmazonSSMManagedInstanceCore"]);
    let statements = role["Policies"][0]["PolicyDocument"]["Statement"].as_sequence().unwrap();
    let mut by_sid = BTreeMap::new();
    for st in statements {
        assert_eq!(st["Effect"].as_str(), Some("Allow"));
        let actions: Vec<String> = match &st["Action"] {
            Value::String(a) => vec![a.clone()],
            Value::Sequence(a) => a.iter().map(|v| s(v).to_string()).collect(),
            other => panic!("{other:?}"),
        };
        for a in &actions {
            assert!(!a.contains('*'), "wildcard action {a}");
        }
        if st["Resource"].as_str() == Some("*") {
            assert!(
                actions == ["cloudwatch:PutMetricData"] || actions == ["elasticloadbalancing:DescribeTargetHealth"],
                "only PutMetricData and DescribeTargetHealth (no resource-level permissions) may use *: {actions:?}"
            );
            if actions == ["cloudwatch:PutMetricData"] {
                assert!(!st["Condition"]["StringEquals"]["cloudwatch:namespace"].is_null());
            }
        }
        by_sid.insert(s(&st["Sid"]).to_string(), (actions, st["Resource"].clone()));
    }
    let (media_actions, media) = &by_sid["MediaObjects"];
    assert_eq!(media_actions, &["s3:GetObject", "s3:PutObject"]);
    let media: Vec<&str> = media.as_sequence().expect("media resources").iter().map(|v| as_sub(v).unwrap()).collect();
    assert_eq!(
        media,
        ["${MediaBucket.Arn}/media/*", "${MediaBucket.Arn}/originals/*"],
        "only the media/ (served) and originals/ (private) prefixes"
    );
    let (list_actions, list_resource) = &by_sid["MediaReadiness"];
    assert_eq!(list_actions, &["s3:ListBucket"]);
    assert_eq!(as_get_att(list_resource), Some(("MediaBucket", "Arn")));
    let list = statements.iter().find(|st| s(&st["Sid"]) == "MediaReadiness").unwrap();
    assert!(!list["Condition"]["StringLike"]["s3:prefix"].is_null(), "listing is limited to the media/ prefix");
    assert_eq!(as_sub(&by_sid["ReadRelease"].1), Some("arn:${AWS::Partition}:s3:::${ArtifactBucket}/${ReleaseKey}"));
    assert_eq!(by_sid["DataKeyUse"].0, ["kms:Encrypt", "kms:GenerateDataKey", "kms:Decrypt"]);
    assert_eq!(as_get_att(&by_sid["DataKeyUse"].1), Some(("DataKey", "Arn")));
    assert_eq!(by_sid["DatabaseSecret"].0, ["secretsmanager:GetSecretValue"]);
    assert_eq!(as_get_att(&by_sid["DatabaseSecret"].1), Some(("Database", "MasterUserSecret.SecretArn")));
    assert_eq!(by_sid["AppSecret"].0, ["secretsmanager:GetSecretValue"]);
    assert_eq!(as_ref(&by_sid["AppSecret"].1), Some("AppSecret"), "only the stack's own app secret");
    assert_eq!(as_ref(&props(t.resource("AppSecret"))["KmsKeyId"]), Some("DataKey"));
    // baobab-restart takes only its own instance out of the stack's target group
    let (lb_actions, lb_resource) = &by_sid["LeaveTargetGroupToRestart"];
    assert_eq!(lb_actions, &["elasticloadbalancing:DeregisterTargets", "elasticloadbalancing:RegisterTargets"]);
    assert_eq!(as_ref(lb_resource), Some("TargetGroup"));
}

// ------------------------------------------------------------------ encryption

#[test]
fn every_resource_that_can_be_encrypted_is() {
    // Types that hold data: each must be encrypted. Every other type in the templates must be
    // listed as holding none, so a new resource type forces a decision here.
    let holds_no_data: BTreeSet<&str> = [
        "AWS::CertificateManager::Certificate",
        "AWS::WAFv2::WebACL",
        "AWS::WAFv2::LoggingConfiguration",
        "AWS::S3::BucketPolicy",
        "AWS::KMS::Alias",
        "AWS::EC2::VPC",
        "AWS::EC2::InternetGateway",
        "AWS::EC2::VPCGatewayAttachment",
        "AWS::EC2::Subnet",
        "AWS::EC2::RouteTable",
        "AWS::EC2::Route",
        "AWS::EC2::SubnetRouteTableAssociation",
        "AWS::EC2::EIP",
        "AWS::EC2::NatGateway",
        "AWS::EC2::VPCEndpoint",
        "AWS::EC2::FlowLog",
        "AWS::EC2::SecurityGroup",
        "AWS::EC2::SecurityGroupEgress",
        "AWS::ElasticLoadBalancingV2::TargetGroup",
        "AWS::ElasticLoadBalancingV2::ListenerRule",
        "AWS::IAM::Role",
        "AWS::IAM::InstanceProfile",
        "AWS::AutoScaling::AutoScalingGroup",
        "AWS::AutoScaling::ScalingPolicy",
        "AWS::RDS::DBSubnetGroup",
        "AWS::RDS::DBParameterGroup",
        "AWS::RDS::EventSubscription",
        "AWS::CloudFront::OriginAccessControl",
        "AWS::CloudFront::CachePolicy",
        "AWS::CloudFront::Function", // code (Accept-Language rule), no data
        "AWS::CloudFront::OriginRequestPolicy",
        "AWS::CloudFront::ResponseHeadersPolicy",
        "AWS::SNS::TopicPolicy",
        "AWS::SNS::Subscription",
        "AWS::CloudWatch::Alarm",
        "AWS::CloudWatch::Dashboard",
    ]
    .into();
    let mut checked = 0;
    for name in TEMPLATES {
        let t = Template::load(name);
        for (id, r) in t.resources() {
            let ty = s(&r["Type"]);
            let p = props(r);
            let at = format!("{name} {id}");
            match ty {
                "AWS::S3::Bucket" => {
                    let alg =
                        s(&p["BucketEncryption"]["ServerSideEncryptionConfiguration"][0]["ServerSideEncryptionByDefault"]["SSEAlgorithm"]);
                    assert!(alg == "aws:kms" || alg == "AES256", "{at}: {alg}");
                    if id == "MediaBucket" {
                        assert_eq!(alg, "aws:kms", "product media uses SSE-KMS");
                        assert_eq!(p["BucketEncryption"]["ServerSideEncryptionConfiguration"][0]["BucketKeyEnabled"], Value::Bool(true));
                    }
                    let pab = &p["PublicAccessBlockConfiguration"];
                    for k in ["BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"] {
                        assert_eq!(pab[k], Value::Bool(true), "{at}: {k}");
                    }
                    assert_eq!(p["VersioningConfiguration"]["Status"].as_str(), Some("Enabled"), "{at}");
                    // a TLS-only policy for this very bucket
                    let tls_only = t.of_type("AWS::S3::BucketPolicy").into_iter().any(|(_, bp)| {
                        as_ref(&props(bp)["Bucket"]) == Some(id.as_str())
                            && props(bp)["PolicyDocument"]["Statement"].as_sequence().unwrap().iter().any(|st| {
                                st["Effect"].as_str() == Some("Deny")
                                    && st["Condition"]["Bool"]["aws:SecureTransport"].as_str() == Some("false")
                            })
                    });
                    assert!(tls_only, "{at}: no TLS-only bucket policy");
                }
                "AWS::RDS::DBInstance" => {
                    assert_eq!(p["StorageEncrypted"], Value::Bool(true), "{at}");
                    assert_eq!(as_ref(&p["KmsKeyId"]), Some("DataKey"), "{at}");
                    assert_eq!(as_ref(&p["PerformanceInsightsKMSKeyId"]), Some("DataKey"), "{at}");
                    assert_eq!(as_ref(&p["MasterUserSecret"]["KmsKeyId"]), Some("DataKey"), "{at}");
                    assert_eq!(p["ManageMasterUserPassword"], Value::Bool(true));
                }
                "AWS::Logs::LogGroup" => {
                    assert!(as_get_att(&p["KmsKeyId"]).is_some(), "{at}: KMS");
                    assert!(!p["RetentionInDays"].is_null(), "{at}: retention");
                }
                "AWS::SNS::Topic" => assert!(as_ref(&p["KmsMasterKeyId"]).is_some(), "{at}"),
                "AWS::SecretsManager::Secret" => assert!(as_ref(&p["KmsKeyId"]).is_some(), "{at}"),
                "AWS::KMS::Key" => assert_eq!(p["EnableKeyRotation"], Value::Bool(true), "{at}"),
                "AWS::EC2::LaunchTemplate" => {
                    for bd in p["LaunchTemplateData"]["BlockDeviceMappings"].as_sequence().unwrap() {
                        assert_eq!(bd["Ebs"]["Encrypted"], Value::Bool(true), "{at}");
                    }
                }
                "AWS::ElasticLoadBalancingV2::Listener" => match p["Protocol"].as_str() {
                    Some("HTTPS") => assert!(s(&p["SslPolicy"]).contains("TLS13"), "{at}"),
                    Some("HTTP") => assert_eq!(p["DefaultActions"][0]["Type"].as_str(), Some("redirect"), "{at}"),
                    other => panic!("{at}: {other:?}"),
                },
                "AWS::ElasticLoadBalancingV2::LoadBalancer" => {}
                "AWS::CloudFront::Distribution" => {
                    let c = &p["DistributionConfig"];
                    assert_eq!(c["ViewerCertificate"]["MinimumProtocolVersion"].as_str(), Some("TLSv1.2_2021"));
                    assert_eq!(c["DefaultCacheBehavior"]["ViewerProtocolPolicy"].as_str(), Some("redirect-to-https"));
                    for b in c["CacheBehaviors"].as_sequence().unwrap() {
                        // never plain HTTP: redirected, or (machine-to-machine webhooks) refused
                        let policy = b["ViewerProtocolPolicy"].as_str();
                        assert!(matches!(policy, Some("redirect-to-https" | "https-only")), "{at}: {policy:?}");
                    }
                }
                other => {
                    assert!(holds_no_data.contains(other), "{at}: decide whether {other} holds data and check its encryption");
                    continue;
                }
            }
            checked += 1;
        }
    }
    assert!(checked >= 15, "checked {checked} data-holding resources");
}

// ------------------------------------------------------------------ CDN

#[test]
fn cloudfront_caches_pages_by_currency_and_language_and_forwards_the_session_only_where_needed() {
    let t = main_stack();
    let c = &props(t.resource("Distribution"))["DistributionConfig"];
    assert_eq!(c["PriceClass"].as_str(), Some("PriceClass_200"));
    assert_eq!(c["HttpVersion"].as_str(), Some("http2and3"));
    assert_eq!(as_ref(&c["WebACLId"]), Some("WebAclArn"));
    assert_eq!(as_ref(&c["Logging"]["Bucket"]), Some("CloudFrontLogBucket"));
    let origins: BTreeMap<&str, &Value> = c["Origins"].as_sequence().unwrap().iter().map(|o| (s(&o["Id"]), o)).collect();
    assert_eq!(origins.len(), 2);
    assert_eq!(as_get_att(&origins["media"]["OriginAccessControlId"]), Some(("MediaOriginAccessControl", "Id")));
    assert_eq!(origins["media"]["S3OriginConfig"]["OriginAccessIdentity"].as_str(), Some(""));

    let cookies_of_cache_policy = |id: &str| -> Vec<String> {
        let cfg = &props(t.resource(id))["CachePolicyConfig"]["ParametersInCacheKeyAndForwardedToOrigin"]["CookiesConfig"];
        cfg["Cookies"].as_sequence().into_iter().flatten().map(|v| s(v).to_string()).collect()
    };
    let session_cookies: Vec<String> =
        props(t.resource("SessionOriginRequestPolicy"))["OriginRequestPolicyConfig"]["CookiesConfig"]["Cookies"]
            .as_sequence()
            .unwrap()
            .iter()
            .map(|v| s(v).to_string())
            .collect();
    assert_eq!(session_cookies, ["baobab_session", "currency", "lang"]);

    let default = &c["DefaultCacheBehavior"];
    assert_eq!(as_ref(&default["CachePolicyId"]), Some("PagesCachePolicy"));
    assert_eq!(cookies_of_cache_policy("PagesCachePolicy"), ["currency", "lang"], "pages vary on the currency and language choices");
    // Unprefixed pages answer in the language Accept-Language asks for: the key holds the header
    // as the viewer-request function reduced it to one of the shop's languages, never raw.
    let pages_headers =
        &props(t.resource("PagesCachePolicy"))["CachePolicyConfig"]["ParametersInCacheKeyAndForwardedToOrigin"]["HeadersConfig"];
    assert_eq!(pages_headers["HeaderBehavior"].as_str(), Some("whitelist"));
    assert_eq!(pages_headers["Headers"].as_sequence().map(|h| h.iter().map(s).collect::<Vec<_>>()), Some(vec!["Accept-Language"]));
    let functions = default["FunctionAssociations"].as_sequence().expect("the default behaviour has a viewer-request function");
    assert_eq!(functions.len(), 1);
    assert_eq!(functions[0]["EventType"].as_str(), Some("viewer-request"));
    assert_eq!(as_get_att(&functions[0]["FunctionARN"]), Some(("LanguageFunction", "FunctionMetadata.FunctionARN")));
    let f = props(t.resource("LanguageFunction"));
    assert_eq!(f["FunctionConfig"]["Runtime"].as_str(), Some("cloudfront-js-2.0"));
    let code = as_sub(&f["FunctionCode"]).expect("the function code names the shop's languages");
    assert!(code.contains("${ShopLanguages}") && code.len() < 10_240, "CloudFront functions are at most 10 KB");
    assert_eq!(t.parameter("ShopLanguages")["Default"].as_str(), Some("en,fr,ar,pt,sw"));
    assert!(default["OriginRequestPolicyId"].is_null());
    let pages = &props(t.resource("PagesCachePolicy"))["CachePolicyConfig"];
    assert_eq!(pages["DefaultTTL"].as_i64(), Some(0), "no Cache-Control from the app means no caching");
    assert!(pages["MaxTTL"].as_i64().unwrap() >= 31_536_000, "immutable assets keep their year");

    let mut session_paths = BTreeSet::new();
    for b in c["CacheBehaviors"].as_sequence().unwrap() {
        let path = s(&b["PathPattern"]);
        let forwards_session = as_ref(&b["OriginRequestPolicyId"]) == Some("SessionOriginRequestPolicy");
        if let Some(policy) = as_ref(&b["CachePolicyId"]) {
            assert!(!cookies_of_cache_policy(policy).contains(&"baobab_session".to_string()), "{path} caches by session");
        }
        match path {
            "/media/*" => {
                assert_eq!(b["TargetOriginId"].as_str(), Some("media"));
                assert_eq!(b["CachePolicyId"].as_str(), Some("658327ea-f89d-4fab-a63d-7e88639e58f6"), "CachingOptimized");
            }
            "/static/*" => assert_eq!(b["CachePolicyId"].as_str(), Some("658327ea-f89d-4fab-a63d-7e88639e58f6")),
            "/api/*" => assert_eq!(as_ref(&b["CachePolicyId"]), Some("ApiCachePolicy")),
            _ => {}
        }
        if forwards_session {
            assert_eq!(b["CachePolicyId"].as_str(), Some("4135ea2d-6df8-44a3-9df3-4b5a84be39ad"), "{path}: CachingDisabled");
            session_paths.insert(path.to_string());
        } else {
            assert_ne!(b["TargetOriginId"].as_str(), None);
        }
        assert_eq!(b["Compress"], Value::Bool(true), "{path}");
    }
    let private = ["/account*", "/cart*", "/checkout*", "/admin*", "/orders*", "/payments/*"];
    let expected: BTreeSet<String> = private.iter().flat_map(|p| [p.to_string(), format!("/??{p}")]).collect();
    assert_eq!(session_paths, expected);
    // Which behaviour a request meets (the first whose pattern matches, else the default): the
    // shopper's session paths in every shop language, and cached pages never among them.
    let behaviours = c["CacheBehaviors"].as_sequence().unwrap();
    let meets = |path: &str| behaviours.iter().find(|b| cloudfront_glob(s(&b["PathPattern"]), path));
    let languages = t.parameter("ShopLanguages")["Default"].as_str().unwrap().split(',').map(|l| format!("/{l}")).collect::<Vec<_>>();
    for prefix in std::iter::once(String::new()).chain(languages) {
        for (path, posts) in [
            ("/cart", false),
            ("/cart/add", true),
            ("/checkout", true),
            ("/account/login", true),
            ("/account/addresses/3/delete", true),
            ("/orders/BB-123456", false),
            ("/orders/BB-123456/pay", true),
            ("/payments/paystack/return", false),
            ("/admin/products", true),
        ] {
            let b = meets(&format!("{prefix}{path}")).unwrap_or_else(|| panic!("{prefix}{path} meets the default behaviour"));
            assert_eq!(as_ref(&b["OriginRequestPolicyId"]), Some("SessionOriginRequestPolicy"), "{prefix}{path}");
            let methods: Vec<&str> = b["AllowedMethods"].as_sequence().unwrap().iter().filter_map(|m| m.as_str()).collect();
            assert!(!posts || methods.contains(&"POST"), "{prefix}{path} takes POST");
        }
        for page in ["/", "/p/cart-holder", "/c/accounts", "/search", "/p/checkout-stand"] {
            assert!(meets(&format!("{prefix}{page}")).is_none(), "{prefix}{page} is a cached page");
        }
    }
    assert!(t.parameter("ShopLanguages")["AllowedPattern"].as_str().unwrap().contains("[a-z]{2}"), "two-letter codes, as /??/");
    // payment notifications: uncached, HTTPS only, the signature header forwarded, no cookies
    let webhooks = c["CacheBehaviors"]
        .as_sequence()
        .unwrap()
        .iter()
        .find(|b| b["PathPattern"].as_str() == Some("/webhooks/*"))
        .expect("a /webhooks/* behavior");
    assert_eq!(webhooks["CachePolicyId"].as_str(), Some("4135ea2d-6df8-44a3-9df3-4b5a84be39ad"));
    assert_eq!(webhooks["ViewerProtocolPolicy"].as_str(), Some("https-only"));
    assert!(webhooks["AllowedMethods"].as_sequence().unwrap().iter().any(|m| m.as_str() == Some("POST")));
    let policy = &props(t.resource(as_ref(&webhooks["OriginRequestPolicyId"]).unwrap()))["OriginRequestPolicyConfig"];
    assert_eq!(policy["HeadersConfig"]["Headers"][0].as_str(), Some("x-paystack-signature"));
    assert_eq!(policy["CookiesConfig"]["CookieBehavior"].as_str(), Some("none"));
    // the media bucket admits this distribution only, and only under media/
    let policy = &props(t.resource("MediaBucketPolicy"))["PolicyDocument"]["Statement"];
    let oac = policy.as_sequence().unwrap().iter().find(|st| st["Sid"].as_str() == Some("CloudFrontOriginAccessControl")).unwrap();
    assert_eq!(as_sub(&oac["Resource"]), Some("${MediaBucket.Arn}/media/*"));
    assert!(as_sub(&oac["Condition"]["StringEquals"]["AWS:SourceArn"]).unwrap().ends_with("distribution/${Distribution}"));
}

/// CloudFront's path pattern match: `*` any characters (none included), `?` exactly one.
fn cloudfront_glob(pattern: &str, path: &str) -> bool {
    let (p, s): (Vec<char>, Vec<char>) = (pattern.chars().collect(), path.chars().collect());
    fn go(p: &[char], s: &[char]) -> bool {
        match p.first() {
            None => s.is_empty(),
            Some('*') => (0..=s.len()).any(|i| go(&p[1..], &s[i..])),
            Some('?') => !s.is_empty() && go(&p[1..], &s[1..]),
            Some(c) => s.first() == Some(c) && go(&p[1..], &s[1..]),
        }
    }
    go(&p, &s)
}

#[test]
fn cloudfront_patterns_match_as_cloudfront_does() {
    assert!(cloudfront_glob("/??/cart*", "/fr/cart/add") && cloudfront_glob("/cart*", "/cart"));
    assert!(!cloudfront_glob("/??/cart*", "/p/cart") && !cloudfront_glob("/??/cart*", "/pt-br/cart"));
    assert!(cloudfront_glob("/payments/*", "/payments/x") && !cloudfront_glob("/payments/*", "/payments"));
}

// ------------------------------------------------------------------ monitoring

#[test]
fn alarms_cover_the_seed_concerns_and_notify_the_topic() {
    let t = main_stack();
    let alarms = t.of_type("AWS::CloudWatch::Alarm");
    let mut metrics = BTreeSet::new();
    for (id, a) in &alarms {
        let p = props(a);
        assert_eq!(as_ref(&p["AlarmActions"][0]), Some("AlarmTopic"), "{id}");
        if let Some(m) = p["MetricName"].as_str() {
            metrics.insert(m.to_string());
        }
        for m in p["Metrics"].as_sequence().into_iter().flatten() {
            if let Some(name) = m["MetricStat"]["Metric"]["MetricName"].as_str() {
                metrics.insert(name.to_string());
            }
        }
    }
    for m in [
        "HTTPCode_Target_5XX_Count",
        "HTTPCode_ELB_5XX_Count",
        "TargetResponseTime",
        "UnHealthyHostCount",
        "HealthyHostCount",
        "GroupInServiceInstances",
        "CPUUtilization",
        "FreeStorageSpace",
        "DatabaseConnections",
    ] {
        assert!(metrics.contains(m), "no alarm on {m}");
    }
    let p99 = props(t.resource("TargetLatencyP99Alarm"));
    assert_eq!(p99["ExtendedStatistic"].as_str(), Some("p99"));
    assert_eq!(as_ref(&props(t.resource("AsgAtMaxAlarm"))["Threshold"]), Some("MaxSize"));
    let events = props(t.resource("DbEvents"));
    let cats: Vec<_> = events["EventCategories"].as_sequence().unwrap().iter().map(s).collect();
    assert!(cats.contains(&"failover") && cats.contains(&"failure"));
    assert_eq!(as_ref(&props(t.resource("AlarmEmailSubscription"))["Endpoint"]), Some("AlarmEmail"));
    // the dashboard shows every alarm and the five concerns
    let body = as_sub(&props(t.resource("Dashboard"))["DashboardBody"]).unwrap();
    for (id, _) in &alarms {
        assert!(body.contains(&format!("${{{id}.Arn}}")), "dashboard misses alarm {id}");
    }
    for title in ["Latency", "Availability", "Errors", "Capacity", "DB health"] {
        assert!(body.contains(&format!("\"title\": \"{title}")), "dashboard misses {title}");
    }
}

#[test]
fn cloudwatch_agent_config_ships_to_the_stack_log_groups_and_namespace() {
    let t = main_stack();
    let text = std::fs::read_to_string(deploy_dir().join("release/amazon-cloudwatch-agent.json")).unwrap();
    let cfg: serde_json::Value = serde_json::from_str(&text).expect("agent config is JSON");
    let install = std::fs::read_to_string(deploy_dir().join("release/baobab-install")).unwrap();
    let prefix = "/baobab/${AWS::StackName}";
    let mut groups = BTreeSet::new();
    for (placeholder, suffix) in [("@APP_LOG_GROUP@", "app"), ("@SYSTEM_LOG_GROUP@", "system"), ("@METRICS_LOG_GROUP@", "metrics")] {
        assert!(text.contains(placeholder), "{placeholder}");
        assert!(install.contains(&format!("s|{placeholder}|$prefix/{suffix}|g")), "install fills {placeholder}");
        groups.insert(format!("{prefix}/{suffix}"));
    }
    let template_groups: BTreeSet<String> = t
        .of_type("AWS::Logs::LogGroup")
        .into_iter()
        .filter_map(|(_, g)| as_sub(&props(g)["LogGroupName"]).map(String::from))
        .filter(|n| n.starts_with(prefix))
        .collect();
    assert_eq!(groups, template_groups);
    assert!(user_data(&t).contains(&format!("baobab-install \"${{AWS::StackName}}\" \"{prefix}\"")));
    // metrics namespace = the one the role may publish to
    assert_eq!(cfg["metrics"]["namespace"], "@NAMESPACE@");
    assert!(install.contains("s|@NAMESPACE@|Baobab/$stack|g"));
    let role = props(t.resource("InstanceRole"));
    let ns = role["Policies"][0]["PolicyDocument"]["Statement"]
        .as_sequence()
        .unwrap()
        .iter()
        .find_map(|st| as_sub(&st["Condition"]["StringEquals"]["cloudwatch:namespace"]))
        .unwrap();
    assert_eq!(ns, "Baobab/${AWS::StackName}");
    // memory, disk and the app's Prometheus endpoint (kept on loopback)
    assert!(!cfg["metrics"]["metrics_collected"]["mem"].is_null());
    assert!(!cfg["metrics"]["metrics_collected"]["disk"].is_null());
    let prom = &cfg["logs"]["metrics_collected"]["prometheus"];
    assert_eq!(prom["log_group_name"], "@METRICS_LOG_GROUP@");
    let scrape = std::fs::read_to_string(deploy_dir().join("release/prometheus.yaml")).unwrap();
    assert!(scrape.contains("127.0.0.1:9090"));
}

// ------------------------------------------------------------------ templates as a whole

#[test]
fn checkov_skips_carry_a_written_reason() {
    let mut skips = 0;
    for name in TEMPLATES {
        let t = Template::load(name);
        for (id, r) in t.resources() {
            for skip in r["Metadata"]["checkov"]["skip"].as_sequence().into_iter().flatten() {
                let check = s(&skip["id"]);
                assert!(check.starts_with("CKV"), "{name} {id}: {check}");
                let reason = skip["comment"].as_str().unwrap_or("");
                assert!(reason.split_whitespace().count() >= 8, "{name} {id}: skip {check} needs a reason");
                skips += 1;
            }
        }
    }
    assert!(skips <= 5, "{skips} checkov skips: fix findings rather than skipping them");
}

#[test]
fn every_reference_names_a_parameter_resource_or_pseudo_parameter() {
    for name in TEMPLATES {
        let t = Template::load(name);
        let mut known: BTreeSet<String> = t.resources().into_iter().map(|(id, _)| id).collect();
        if let Some(params) = t.root["Parameters"].as_mapping() {
            known.extend(params.keys().map(|k| s(k).to_string()));
        }
        for (id, r) in t.resources() {
            for target in references(r) {
                assert!(target.starts_with("AWS::") || known.contains(&target), "{name} {id}: unknown reference {target}");
            }
        }
    }
}

#[test]
fn edge_stack_outputs_feed_the_main_stack() {
    let edge = Template::load("edge.yaml");
    let main = main_stack();
    let acl = props(edge.resource("WebAcl"));
    assert_eq!(acl["Scope"].as_str(), Some("CLOUDFRONT"));
    let groups: BTreeSet<_> =
        acl["Rules"].as_sequence().unwrap().iter().filter_map(|r| r["Statement"]["ManagedRuleGroupStatement"]["Name"].as_str()).collect();
    assert_eq!(
        groups,
        ["AWSManagedRulesAmazonIpReputationList", "AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet"].into()
    );
    assert!(acl["Rules"].as_sequence().unwrap().iter().any(|r| !r["Statement"]["RateBasedStatement"].is_null()));
    for (output, param) in [
        ("CloudFrontCertificateArn", "CloudFrontCertificateArn"),
        ("WebAclArn", "WebAclArn"),
        ("CloudFrontLogBucketDomainName", "CloudFrontLogBucket"),
    ] {
        assert!(!edge.root["Outputs"][output].is_null(), "edge output {output}");
        assert!(!main.parameter(param).is_null(), "main parameter {param}");
    }
    let artifacts = Template::load("artifacts.yaml");
    assert!(!artifacts.root["Outputs"]["ArtifactBucketName"].is_null());
    assert!(!main.parameter("ArtifactBucket").is_null());
    assert_eq!(main.parameter("ReleaseSha256")["AllowedPattern"].as_str(), Some("^[0-9a-f]{64}$"));
}

// ------------------------------------------------------------------ diagram

fn svg_nodes() -> BTreeSet<String> {
    let svg = std::fs::read_to_string(repo_root().join("docs/architecture-diagram.svg")).unwrap();
    let mut nodes = BTreeSet::new();
    let mut rest = svg.as_str();
    while let Some(i) = rest.find("class=\"node\"") {
        rest = &rest[i..];
        let a = rest.find("<title>").unwrap() + "<title>".len();
        let b = rest.find("</title>").unwrap();
        nodes.insert(rest[a..b].to_string());
        rest = &rest[b..];
    }
    nodes
}

#[test]
fn diagram_shows_every_component_of_the_templates_and_nothing_else() {
    let mut components = BTreeSet::new();
    for name in TEMPLATES {
        let t = Template::load(name);
        for (id, r) in t.resources() {
            let c = r["Metadata"]["Diagram"].as_str().unwrap_or_else(|| panic!("{name} {id}: no Metadata.Diagram component"));
            components.insert(c.to_string());
        }
    }
    let nodes = svg_nodes();
    let drawn: BTreeSet<String> = nodes.iter().filter(|n| !n.starts_with("ext_")).cloned().collect();
    assert!(nodes.contains("ext_customers"), "the diagram starts from the customer");
    let missing: Vec<_> = components.difference(&drawn).collect();
    let extra: Vec<_> = drawn.difference(&components).collect();
    assert!(missing.is_empty(), "components not in docs/architecture-diagram.svg: {missing:?}");
    assert!(extra.is_empty(), "diagram nodes that no template resource has: {extra:?}");
    // every node has a plain-language label, not just its id
    let svg = std::fs::read_to_string(repo_root().join("docs/architecture-diagram.svg")).unwrap();
    for label in ["CloudFront", "Load balancer", "Shop servers", "Database", "Product images", "Alarms"] {
        assert!(svg.contains(label), "diagram lacks the label {label}");
    }
    // well-formed: every comment that opens closes on its own line (Graphviz's version comment
    // once left a stray ` -->` line and browsers showed a broken image); deploy/aws/validate also
    // parses it as XML and draws it in Chromium.
    assert!(svg.starts_with("<?xml"), "an XML declaration first");
    for (n, line) in svg.lines().enumerate() {
        assert_eq!(line.matches("<!--").count(), line.matches("-->").count(), "line {}: unbalanced comment: {line}", n + 1);
    }
    assert!(!svg.contains("Generated by graphviz"), "no tool-version comment (it changes with the local Graphviz)");
    let doc = std::fs::read_to_string(repo_root().join("docs/architecture.md")).unwrap();
    assert!(doc.contains("architecture-diagram.svg"), "docs/architecture.md shows the diagram");
}

// ------------------------------------------------------------------ instance scripts

/// A scratch directory for an instance script: `etc/stack.env` with `stack_env`, and a stand-in
/// `aws` on the returned PATH that answers the `case` arm `aws_arm` (like the CLI with
/// `--output text`) and fails on anything else. Returns (dir, etc, PATH).
fn script_sandbox(name: &str, stack_env: &str, aws_arm: &str) -> (std::path::PathBuf, std::path::PathBuf, String) {
    use std::os::unix::fs::PermissionsExt;
    let dir = std::env::temp_dir().join(format!("{name}-{}", std::process::id()));
    let (etc, bin) = (dir.join("etc"), dir.join("bin"));
    std::fs::create_dir_all(&etc).unwrap();
    std::fs::create_dir_all(&bin).unwrap();
    std::fs::write(etc.join("stack.env"), stack_env).unwrap();
    let fake = bin.join("aws");
    std::fs::write(&fake, format!("#!/bin/sh\ncase \"$*\" in {aws_arm} *) echo \"unexpected: $*\" >&2; exit 1;; esac\n")).unwrap();
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    (dir, etc, path)
}

#[test]
fn db_url_script_builds_a_verified_tls_url_with_an_encoded_password() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, etc, path) = script_sandbox(
        "baobab-db-url",
        "AWS_REGION=af-south-1\nDB_SECRET_ARN=arn:aws:secretsmanager:af-south-1:111122223333:secret:rds!db-1\nDB_HOST=db.example.internal\nDB_PORT=5432\nDB_NAME=baobab\n",
        "*get-secret-value*--secret-id*rds!db-1*) printf '%s\\n' '{\"username\":\"baobab_admin\",\"password\":\"p@ss:/w?rd#%&'\"'\"'x\"}';;",
    );
    let run = || {
        std::process::Command::new("bash")
            .arg(deploy_dir().join("release/baobab-db-url"))
            .env("PATH", &path)
            .env("BAOBAB_ETC_DIR", &etc)
            .env("BAOBAB_CA_BUNDLE", "/opt/baobab/current/certs/global-bundle.pem")
            .output()
            .unwrap()
    };
    let out = run();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let env = std::fs::read_to_string(etc.join("database.env")).unwrap();
    assert_eq!(
        env.trim(),
        "BAOBAB_DATABASE_URL='postgres://baobab_admin:p%40ss%3A%2Fw%3Frd%23%25%26%27x@db.example.internal:5432/baobab?sslmode=verify-full&sslrootcert=/opt/baobab/current/certs/global-bundle.pem'"
    );
    let mode = std::fs::metadata(etc.join("database.env")).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640, "the URL holds the password: not world-readable");
    // unchanged secret: the file stays as it is and nothing restarts
    let before = std::fs::metadata(etc.join("database.env")).unwrap().modified().unwrap();
    let again = run();
    assert!(again.status.success());
    assert_eq!(std::fs::metadata(etc.join("database.env")).unwrap().modified().unwrap(), before);
    let leftovers: Vec<_> = std::fs::read_dir(&etc)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(".database"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left behind");
    std::fs::remove_dir_all(&dir).ok();
}

// ------------------------------------------------------------------ guard rules

#[test]
fn every_guard_rule_has_a_fixture_on_which_it_fails() {
    let rules_dir = deploy_dir().join("rules");
    let mut rules = 0;
    for entry in std::fs::read_dir(&rules_dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("guard") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let stem = path.file_stem().unwrap().to_str().unwrap();
        let fixtures: Value =
            serde_yaml::from_str(&std::fs::read_to_string(rules_dir.join(format!("tests/{stem}_tests.yaml"))).unwrap()).unwrap();
        let mut expectations: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for case in fixtures.as_sequence().unwrap() {
            for (rule, outcome) in case["expectations"]["rules"].as_mapping().unwrap() {
                expectations.entry(s(rule).to_string()).or_default().insert(s(outcome).to_string());
            }
        }
        for line in text.lines() {
            let Some(rest) = line.strip_prefix("rule ") else { continue };
            let name = rest.split_whitespace().next().unwrap();
            let seen = expectations.get(name).cloned().unwrap_or_default();
            assert!(seen.contains("FAIL"), "{stem}.guard rule {name} has no fixture proving it fails: {seen:?}");
            rules += 1;
        }
    }
    assert!(rules >= 20, "{rules} rules");
}

#[test]
fn app_secrets_script_writes_only_checked_baobab_settings() {
    use std::os::unix::fs::PermissionsExt;
    // the stand-in `aws` answers with the JSON in $SECRET_JSON
    let (dir, etc, path) = script_sandbox(
        "baobab-app-secrets",
        "AWS_REGION=af-south-1\nAPP_SECRET_ARN=arn:aws:secretsmanager:af-south-1:111122223333:secret:app-1\n",
        "*get-secret-value*--secret-id*app-1*) printf '%s\\n' \"$SECRET_JSON\";;",
    );
    let run = |json: &str| {
        std::process::Command::new("bash")
            .arg(deploy_dir().join("release/baobab-app-secrets"))
            .env("PATH", &path)
            .env("BAOBAB_ETC_DIR", &etc)
            .env("SECRET_JSON", json)
            .output()
            .unwrap()
    };
    let out = run(
        r#"{"BAOBAB_PAYMENTS__PAYSTACK_SECRET_KEY":"sk_live_abc123","BAOBAB_EMAIL__SMTP_URL":"smtp://AKIA:pa%2Fss@email-smtp.af-south-1.amazonaws.com:587?tls=required","BAOBAB_PAYMENTS__BANK_TRANSFER_HOURS":48}"#,
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let env = std::fs::read_to_string(etc.join("secrets.env")).unwrap();
    assert_eq!(
        env,
        "BAOBAB_EMAIL__SMTP_URL='smtp://AKIA:pa%2Fss@email-smtp.af-south-1.amazonaws.com:587?tls=required'\n\
         BAOBAB_PAYMENTS__BANK_TRANSFER_HOURS='48'\n\
         BAOBAB_PAYMENTS__PAYSTACK_SECRET_KEY='sk_live_abc123'\n"
    );
    assert_eq!(std::fs::metadata(etc.join("secrets.env")).unwrap().permissions().mode() & 0o777, 0o640, "not world-readable");
    // bad entries stop it, naming the key and never the value; the last good file stays
    for (json, says) in [
        (r#"{"PAYSTACK_KEY":"sk_live_x"}"#, "'PAYSTACK_KEY' is not a BAOBAB_* setting"),
        (r#"{"BAOBAB_EMAIL__SMTP_URL":"smtp://u:it's@h"}"#, "BAOBAB_EMAIL__SMTP_URL holds a quote"),
        (r#"["sk_live_x"]"#, "must be a JSON object"),
        ("not json", "is not JSON"),
        (r#"{"BAOBAB_X":{"a":1}}"#, "BAOBAB_X must be a string or a number"),
    ] {
        let out = run(json);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success() && err.contains(says), "{json}: {err}");
        assert!(!err.contains("sk_live_x") && !err.contains("it's"), "no secret in the message: {err}");
        assert_eq!(std::fs::read_to_string(etc.join("secrets.env")).unwrap(), env, "unchanged");
    }
    let leftovers =
        std::fs::read_dir(&etc).unwrap().filter_map(Result::ok).filter(|e| e.file_name().to_string_lossy().starts_with(".secrets")).count();
    assert_eq!(leftovers, 0, "temporary files left behind");
    // an empty object: an empty file
    assert!(run("{}").status.success());
    assert_eq!(std::fs::read_to_string(etc.join("secrets.env")).unwrap(), "");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn restart_after_a_secret_change_leaves_the_target_group_first() {
    use std::os::unix::fs::PermissionsExt;
    // With ELB health checks, a restart in place (503 on /healthz while draining) would have the
    // group replace the instance. baobab-restart waits for another healthy target, leaves the
    // target group, restarts, waits for /healthz and registers again - in that order.
    let (dir, etc, path) = script_sandbox(
        "baobab-restart",
        "AWS_REGION=af-south-1\nTARGET_GROUP_ARN=arn:aws:elasticloadbalancing:af-south-1:111122223333:targetgroup/app/1\n",
        "*describe-target-health*targetgroup/app/1*) echo \"aws $*\" >> \"$LOG\"; echo 1;; \
         *deregister-targets*targetgroup/app/1*Id=i-0abc*) echo \"aws $*\" >> \"$LOG\";; \
         *wait*target-deregistered*targetgroup/app/1*Id=i-0abc*) echo \"aws $*\" >> \"$LOG\";; \
         *register-targets*targetgroup/app/1*Id=i-0abc*) echo \"aws $*\" >> \"$LOG\";;",
    );
    let log = dir.join("calls.log");
    for (name, body) in
        [("systemctl", "#!/bin/sh\necho \"systemctl $*\" >> \"$LOG\"\n"), ("curl", "#!/bin/sh\necho \"curl $*\" >> \"$LOG\"\n")]
    {
        let p = dir.join("bin").join(name);
        std::fs::write(&p, body).unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let out = std::process::Command::new("bash")
        .arg(deploy_dir().join("release/baobab-restart"))
        .env("PATH", &path)
        .env("LOG", &log)
        .env("BAOBAB_ETC_DIR", &etc)
        .env("BAOBAB_INSTANCE_ID", "i-0abc")
        .env("BAOBAB_RESTART_POLL", "0")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let calls = std::fs::read_to_string(&log).unwrap();
    let order = [
        "describe-target-health",
        "deregister-targets",
        "wait target-deregistered",
        "systemctl restart baobab.service",
        "curl -fsS -o /dev/null --max-time 2 http://127.0.0.1:8080/healthz",
        "register-targets",
    ];
    let mut at = 0;
    for step in order {
        let i = calls[at..].find(step).unwrap_or_else(|| panic!("`{step}` missing or out of order in:\n{calls}"));
        at += i + step.len();
    }
    for script in ["baobab-db-url", "baobab-app-secrets"] {
        let text = std::fs::read_to_string(deploy_dir().join("release").join(script)).unwrap();
        assert!(text.contains("/baobab-restart\""), "{script} restarts through baobab-restart");
    }
    assert!(user_data(&main_stack()).contains("TARGET_GROUP_ARN=${TargetGroup}"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn managers_deck_is_ten_slides_at_most_sixteen_by_nine_and_offline() {
    // docs/brief/check (run by deploy/aws/validate) renders it in Chromium; this holds without one.
    let brief = repo_root().join("docs/brief");
    let html = std::fs::read_to_string(brief.join("index.html")).unwrap();
    let css = std::fs::read_to_string(brief.join("style.css")).unwrap();
    let slides = html.matches("<section class=\"slide").count();
    assert!((1..=10).contains(&slides), "{slides} slides");
    assert!(css.contains("@page { size: 13.333in 7.5in; margin: 0; }"), "16:9 pages");
    for (name, text) in [("index.html", &html), ("style.css", &css)] {
        for needle in ["src=\"http", "href=\"http", "src=\"//", "href=\"//", "@import", "url(http", "@font-face"] {
            assert!(!text.contains(needle), "{name}: `{needle}`: the deck loads nothing from the network");
        }
    }
    assert!(html.contains("src=\"../architecture-diagram.svg\""), "the deck shows the architecture diagram");
    // the failure table is filled by the render script from the rehearsal's figures, never by hand
    let pending = html.matches("<td class=\"pending\" colspan=\"8\">not yet measured</td>").count();
    assert_eq!(pending, 9, "nine faults, none with hand-written figures");
    let render = std::fs::read_to_string(brief.join("render")).unwrap();
    assert!(render.contains("deploy/local/figures.json") && render.contains("--print-to-pdf"));
    let pdf = std::fs::read(brief.join("brief.pdf")).expect("docs/brief/brief.pdf is committed");
    assert!(pdf.starts_with(b"%PDF-") && pdf.len() < 1_000_000, "a PDF under 1 MB");
}
