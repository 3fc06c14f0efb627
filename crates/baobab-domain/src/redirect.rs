//! Where a "go back" link may send the browser: only to a path on this site.
//!
//! A redirect target is judged the way a browser will read it (the WHATWG URL parser), not as
//! the bytes it arrived as: browsers strip leading and trailing C0 controls and spaces, delete
//! every tab and newline anywhere, and read a backslash as a slash in http(s) URLs. So
//! `/\t/evil.example` and `/\evil.example` both become `//evil.example`, a link to another
//! host. The target is normalised exactly that way first, and then must be an absolute path
//! (one leading `/`, never `//`).

/// The longest target accepted (a longer one falls back to the home page).
pub const MAX_TARGET: usize = 2000;

/// The same-site path a browser would reach through `raw`, in the form it would read it, or
/// `None` when the browser could end up anywhere else (another host, another scheme), or when
/// the target holds characters a `Location` header cannot carry.
pub fn local_path(raw: &str) -> Option<String> {
    // 1. Leading and trailing C0 controls and spaces are stripped.
    let trimmed = raw.trim_matches(|c: char| c <= ' ');
    // 2. ASCII tab and newline are removed wherever they are. 3. `\` is read as `/`.
    let path: String = trimmed.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).map(|c| if c == '\\' { '/' } else { c }).collect();
    let ok = path.starts_with('/')
        && !path.starts_with("//")
        && path.len() <= MAX_TARGET
        // What is left must be printable ASCII: other controls, DEL and raw non-ASCII bytes are
        // refused (a link this site makes percent-encodes them).
        && path.bytes().all(|b| (0x21..0x7f).contains(&b));
    ok.then_some(path)
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn same_site_paths_pass_unchanged() {
        for p in ["/", "/c/phones?page=2", "/p/kente-scarf#reviews", "/search?q=a%20b", "/account/login?next=%2Fadmin", "/a/b/../c"] {
            assert_eq!(local_path(p).as_deref(), Some(p), "{p}");
        }
    }

    #[test]
    fn whatever_a_browser_reads_as_another_host_is_refused() {
        let hosts = [
            "//evil.example",
            "///evil.example",
            "/\t/evil.example/x",
            "/\n/evil.example",
            "/\r/evil.example",
            "/\r\n/evil.example",
            "\t//evil.example",
            " //evil.example",
            "\u{0}//evil.example",
            "\u{1f}//evil.example",
            "//evil.example\u{0}",
            "/\\evil.example",
            "\\/evil.example",
            "\\\\evil.example",
            "/\t\\evil.example",
            "\\\t\\evil.example",
            "https://evil.example",
            "http:evil.example",
            "javascript:alert(1)",
            "java\tscript:alert(1)",
            "evil.example",
            "",
            "   ",
        ];
        for h in hosts {
            assert_eq!(local_path(h), None, "{h:?}");
        }
    }

    #[test]
    fn targets_are_returned_as_the_browser_reads_them() {
        assert_eq!(local_path("  /cart \n").as_deref(), Some("/cart"));
        assert_eq!(local_path("/ca\trt").as_deref(), Some("/cart"));
        assert_eq!(local_path("/a\\b").as_deref(), Some("/a/b"));
        // A percent-encoded tab is not decoded by the browser: it stays in the path.
        assert_eq!(local_path("/%09/evil.example").as_deref(), Some("/%09/evil.example"));
    }

    #[test]
    fn unprintable_or_huge_targets_fall_back() {
        assert_eq!(local_path("/a\u{7f}b"), None);
        assert_eq!(local_path("/a\u{b}b"), None);
        assert_eq!(local_path("/café"), None);
        assert_eq!(local_path("/a b"), None);
        assert_eq!(local_path(&format!("/{}", "a".repeat(2000))), None);
    }
}
