//! One module per screen; each page owns its state through a reducer.

pub mod accessibility;
pub mod self_assessment;
pub mod worker;
