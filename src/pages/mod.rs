//! One module per screen; each page owns its state through a reducer.

pub mod work_ability_check;
pub mod worker;
