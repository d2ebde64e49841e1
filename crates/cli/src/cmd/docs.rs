//! `claimtrail completions SHELL` and `claimtrail man`: generated from the
//! command definitions, so they always match `--help`.

use clap::CommandFactory;
use std::io::Write;
use std::process::ExitCode;

pub fn completions(shell: clap_complete::Shell) -> anyhow::Result<ExitCode> {
    let mut cmd = crate::Cli::command();
    // Generated into memory first: clap_complete panics on a write error
    // (`claimtrail completions bash | head`).
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cmd, "claimtrail", &mut script);
    std::io::stdout().lock().write_all(&script)?;
    Ok(ExitCode::SUCCESS)
}

pub fn man() -> anyhow::Result<ExitCode> {
    let cmd = crate::Cli::command();
    clap_mangen::Man::new(cmd).render(&mut std::io::stdout().lock())?;
    Ok(ExitCode::SUCCESS)
}
