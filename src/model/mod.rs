//! The meeting as plain data: what the secretary records, with no knowledge of files,
//! terminals or configuration files. Everything a test wants to check is checkable here.

pub mod dates;
mod decision;
mod fingerprint;
pub mod generate;
mod marks;
mod meeting;
pub mod merge;
pub mod next;
mod remark;
pub mod stats;
mod validate;

pub use decision::{Decision, Status as DecisionStatus, StatusChange};
pub use marks::{ArgKind, MarkArgDef, MarkDef, MarkSet, Pointing, ResponseDef};
pub use meeting::*;
pub use remark::{Remark, RemarkState};
pub use stats::Stats;
pub use validate::{FieldPath, Problem, ProblemKind, Seg, validate};
