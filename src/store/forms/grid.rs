//! What every form becomes once read, whatever its format.

/// A form as cells: the rows of its table (and of any text around it), the organisation
/// field, and the comments anchored in rows.
#[derive(Debug, Default)]
pub struct Grid {
    pub rows: Vec<Vec<String>>,
    pub organisation: Option<String>,
    /// (row, author, text) of each comment.
    pub comments: Vec<(usize, String, String)>,
}
