//! Media errors, each mapped to the HTTP status a client should see.

#[derive(Debug, thiserror::Error)]
pub enum MediaError {
    /// 413
    #[error("the file is {size} bytes; the limit is {max} bytes")]
    TooLarge { size: usize, max: usize },
    /// 415
    #[error("the file is not a JPEG, PNG or WebP image (judged by its content, not its name)")]
    Unsupported,
    /// 422: checked from the header, before decoding (decompression-bomb guard)
    #[error("the image is {width}×{height} pixels; the limit is {max} pixels")]
    TooManyPixels { width: u32, height: u32, max: u64 },
    /// 422
    #[error("the image cannot be decoded: {0}")]
    Corrupt(String),
    /// 503: the object store cannot be reached
    #[error("the media store is unavailable: {0}")]
    Unavailable(String),
    /// 404
    #[error("no such media object")]
    NotFound,
    #[error("media error: {0}")]
    Internal(String),
}

impl MediaError {
    pub fn status(&self) -> u16 {
        match self {
            MediaError::TooLarge { .. } => 413,
            MediaError::Unsupported => 415,
            MediaError::TooManyPixels { .. } | MediaError::Corrupt(_) => 422,
            MediaError::Unavailable(_) => 503,
            MediaError::NotFound => 404,
            MediaError::Internal(_) => 500,
        }
    }
}
