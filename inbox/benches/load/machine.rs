//! What the figures ran on: the commit, the machine, its load and the filesystem of the databases.

use std::path::Path;
use std::process::Command;

/// The commit checked out, and whether the tracked files differ from it.
pub fn commit() -> String {
    let dirty = command_output("git", &["status", "--porcelain", "--untracked-files=no"])
        .is_some_and(|status| !status.is_empty());
    format!(
        "{}{}",
        command_output("git", &["rev-parse", "--short", "HEAD"]).unwrap_or_else(|| "unknown".to_owned()),
        if dirty { " (with uncommitted changes)" } else { "" }
    )
}

/// The trimmed standard output of a command that succeeded.
fn command_output(program: &str, args: &[&str]) -> Option<String> {
    let output = Command::new(program)
        .args(args)
        .env("GIT_OPTIONAL_LOCKS", "0")
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

/// The filesystem `path` is on, from /proc/mounts (the longest mount point that is a prefix).
pub fn filesystem(path: &Path) -> String {
    let Ok(path) = path.canonicalize() else {
        return "unknown".to_owned();
    };
    let Ok(mounts) = std::fs::read_to_string("/proc/mounts") else {
        return "unknown".to_owned();
    };
    mounts
        .lines()
        .filter_map(|line| {
            let mut fields = line.split_whitespace();
            let device = fields.next()?;
            let mount_point = fields.next()?;
            let kind = fields.next()?;
            let options = fields.next().unwrap_or_default();
            path.starts_with(mount_point).then(|| {
                (
                    mount_point.len(),
                    format!("{kind} on {device} at {mount_point} ({options})"),
                )
            })
        })
        .max_by_key(|(length, _)| *length)
        .map_or_else(|| "unknown".to_owned(), |(_, description)| description)
}

/// The 1, 5 and 15 minute load averages: other work on the machine skews every figure.
pub fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .map(|text| text.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|| "unknown".to_owned())
}

/// The processor's model name, from /proc/cpuinfo.
pub fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|line| line.starts_with("model name"))
                .and_then(|line| line.split_once(':'))
                .map(|(_, model)| model.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".to_owned())
}

/// The profile folder a binary was built into (`target/<profile>/…`).
pub fn profile_of(binary: &Path) -> String {
    binary
        .ancestors()
        .find_map(|folder| {
            let parent = folder.parent()?;
            if parent.file_name()? == "target" {
                Some(folder.file_name()?.to_string_lossy().into_owned())
            } else {
                None
            }
        })
        .unwrap_or_else(|| "?".to_owned())
}
