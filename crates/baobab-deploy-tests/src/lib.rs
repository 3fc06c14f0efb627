//! Loads Baobab's CloudFormation templates (deploy/aws/*.yaml) as plain YAML values.
//!
//! Short-form intrinsics (`!Ref X`, `!GetAtt A.B`, `!Sub ...`, `!If [...]`) are rewritten to
//! their long form (`{Ref: X}`, `{Fn::GetAtt: [A, B]}`, ...), so the tests read one shape.

use serde_yaml::{Mapping, Value};
use std::path::{Path, PathBuf};

/// The repository root (two levels above this crate).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("repository root")
}

/// deploy/aws
pub fn deploy_dir() -> PathBuf {
    repo_root().join("deploy/aws")
}

/// The stacks, by file name.
pub const TEMPLATES: [&str; 3] = ["edge.yaml", "artifacts.yaml", "main.yaml"];

pub struct Template {
    pub name: String,
    pub root: Value,
}

impl Template {
    pub fn load(name: &str) -> Template {
        let path = deploy_dir().join(name);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let raw: Value = serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        Template { name: name.to_string(), root: long_form(raw) }
    }

    pub fn resources(&self) -> Vec<(String, &Value)> {
        self.root["Resources"]
            .as_mapping()
            .expect("Resources")
            .iter()
            .map(|(k, v)| (k.as_str().expect("logical id").to_string(), v))
            .collect()
    }

    pub fn resource(&self, id: &str) -> &Value {
        let r = &self.root["Resources"][id];
        assert!(!r.is_null(), "{}: no resource {id}", self.name);
        r
    }

    pub fn of_type(&self, ty: &str) -> Vec<(String, &Value)> {
        self.resources().into_iter().filter(|(_, r)| r["Type"].as_str() == Some(ty)).collect()
    }

    pub fn parameter(&self, id: &str) -> &Value {
        &self.root["Parameters"][id]
    }
}

/// `{Ref: X}` → Some("X")
pub fn as_ref(v: &Value) -> Option<&str> {
    v.as_mapping().filter(|m| m.len() == 1).and_then(|m| m.get("Ref")).and_then(Value::as_str)
}

/// `{Fn::GetAtt: [A, B]}` → Some(("A", "B"))
pub fn as_get_att(v: &Value) -> Option<(&str, &str)> {
    let seq = v.as_mapping()?.get("Fn::GetAtt")?.as_sequence()?;
    Some((seq.first()?.as_str()?, seq.get(1)?.as_str()?))
}

/// The text of `{Fn::Sub: "..."}` or `{Fn::Sub: ["...", {...}]}`.
pub fn as_sub(v: &Value) -> Option<&str> {
    let s = v.as_mapping()?.get("Fn::Sub")?;
    s.as_str().or_else(|| s.as_sequence()?.first()?.as_str())
}

/// Rewrites YAML tags into CloudFormation's long form, recursively.
pub fn long_form(v: Value) -> Value {
    match v {
        Value::Tagged(t) => {
            let tag = t.tag.to_string();
            let name = tag.trim_start_matches('!');
            let inner = long_form(t.value);
            let (key, value) = match name {
                "Ref" => ("Ref".to_string(), inner),
                "Condition" => ("Condition".to_string(), inner),
                "GetAtt" => {
                    let value = match inner {
                        Value::String(s) => {
                            let (a, b) = s.split_once('.').expect("!GetAtt Resource.Attribute");
                            Value::Sequence(vec![Value::String(a.into()), Value::String(b.into())])
                        }
                        other => other,
                    };
                    ("Fn::GetAtt".to_string(), value)
                }
                other => (format!("Fn::{other}"), inner),
            };
            let mut m = Mapping::new();
            m.insert(Value::String(key), value);
            Value::Mapping(m)
        }
        Value::Mapping(m) => Value::Mapping(m.into_iter().map(|(k, v)| (k, long_form(v))).collect()),
        Value::Sequence(s) => Value::Sequence(s.into_iter().map(long_form).collect()),
        other => other,
    }
}

/// Every `Ref` and `Fn::GetAtt` target named anywhere inside `v`, plus `${Name}` / `${Name.Attr}`
/// inside `Fn::Sub` strings.
pub fn references(v: &Value) -> Vec<String> {
    let mut out = Vec::new();
    collect_refs(v, &mut out);
    out
}

fn collect_refs(v: &Value, out: &mut Vec<String>) {
    if let Some(r) = as_ref(v) {
        out.push(r.to_string());
    }
    if let Some((a, _)) = as_get_att(v) {
        out.push(a.to_string());
    }
    if let Some(s) = as_sub(v) {
        // names bound by the variable map of `Fn::Sub: [text, {Name: value}]` are local
        let local: Vec<&str> = v["Fn::Sub"]
            .as_sequence()
            .and_then(|seq| seq.get(1))
            .and_then(Value::as_mapping)
            .map(|m| m.keys().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let mut rest = s;
        while let Some(i) = rest.find("${") {
            rest = &rest[i + 2..];
            let Some(j) = rest.find('}') else { break };
            let name = &rest[..j];
            if !name.starts_with('!') && !local.contains(&name) {
                out.push(name.split('.').next().unwrap_or(name).to_string());
            }
            rest = &rest[j..];
        }
    }
    match v {
        Value::Mapping(m) => m.values().for_each(|v| collect_refs(v, out)),
        Value::Sequence(s) => s.iter().for_each(|v| collect_refs(v, out)),
        _ => {}
    }
}
