//! Files posted from admin forms (multipart/form-data): product images and catalog imports.
//! The body is read within the route's size limit, and the CSRF token, which travels inside
//! it, is checked once it is read, so every upload form gets the same checks.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::Multipart;
use axum::extract::multipart::{MultipartError, MultipartRejection};
use axum::http::{HeaderMap, Method, StatusCode};

use super::Member;
use super::words::{self, t};
use crate::AppState;
use crate::account::session::check_csrf;
use crate::page::PageError;

/// What an upload form sent: its text fields (those asked for) and its file (None when no
/// file was chosen, or an empty one).
pub(super) struct Upload {
    pub(super) fields: HashMap<&'static str, String>,
    pub(super) file: Option<Bytes>,
    /// The file's name on the sender's computer, as the browser gave it (at most 200 characters).
    pub(super) file_name: String,
}

impl Upload {
    pub(super) fn field(&self, name: &str) -> &str {
        self.fields.get(name).map(String::as_str).unwrap_or("")
    }
}

/// Why the body could not be read: the form's page shows this, with this status (415 not
/// multipart, 413 too large, 400 broken).
pub(super) struct Unreadable {
    pub(super) status: StatusCode,
    pub(super) message: String,
}

fn broken(state: &AppState, field: &str, e: MultipartError) -> Unreadable {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        return Unreadable { status: StatusCode::PAYLOAD_TOO_LARGE, message: t(state, "admin-error-file-large") };
    }
    Unreadable { status: StatusCode::BAD_REQUEST, message: words::line(state, field, &e.body_text()) }
}

/// Reads a multipart form: the text fields named in `text`, and the file field `file`.
/// `Err` (a 403 page) when the CSRF token is missing or wrong or the post comes from another
/// site; `Ok(Err)` when the body cannot be read, for the caller to show on its form.
pub(super) async fn read(
    state: &AppState,
    method: &Method,
    headers: &HeaderMap,
    s: &Member,
    multipart: Result<Multipart, MultipartRejection>,
    text: &[&'static str],
    file: &str,
) -> Result<Result<Upload, Unreadable>, PageError> {
    let Ok(mut multipart) = multipart else {
        return Ok(Err(Unreadable { status: StatusCode::UNSUPPORTED_MEDIA_TYPE, message: t(state, "admin-error-not-multipart") }));
    };
    let mut csrf = String::new();
    let mut upload = Upload { fields: HashMap::new(), file: None, file_name: String::new() };
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(e) => return Ok(Err(broken(state, "form", e))),
        };
        let name = field.name().unwrap_or("").to_string();
        if name == "csrf" {
            csrf = field.text().await.unwrap_or_default();
        } else if name == file {
            upload.file_name = field.file_name().unwrap_or("").chars().take(200).collect();
            match field.bytes().await {
                Ok(b) if !b.is_empty() => upload.file = Some(b),
                Ok(_) => {}
                Err(e) => return Ok(Err(broken(state, file, e))),
            }
        } else if let Some(known) = text.iter().find(|t| **t == name) {
            upload.fields.insert(known, field.text().await.unwrap_or_default());
        }
    }
    if !check_csrf(state, method, headers, &s.current, &csrf) {
        return Err(PageError::csrf());
    }
    Ok(Ok(upload))
}
